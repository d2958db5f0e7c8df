/** How dates, sums and widths are written in a letter. */

/** `2026-10-09` as a letter dates it: 2026年10月9日 (GB/T 9704: Arabic numerals, no leading zeros). */
export function chineseDate(iso: string): string {
  const [year, month, day] = iso.split('-').map(Number);
  return `${year}年${month}月${day}日`;
}

/** `2026-09-28` as the month it falls in: 2026年9月. */
export function chineseMonth(iso: string): string {
  const [year, month] = iso.split('-').map(Number);
  return `${year}年${month}月`;
}

/** A sum in 元: whole yuan as they are, otherwise to the fen. */
export function yuan(amount: number): string {
  return Number.isInteger(amount) ? String(amount) : amount.toFixed(2);
}

/**
 * The width of a line in characters of the body type: a Chinese character is one, a Latin
 * letter or digit about half. Used to place the signature and to lay out the plain text.
 */
export function textWidth(text: string): number {
  let width = 0;
  for (const char of text) width += (char.codePointAt(0) as number) < 0x80 ? 0.5 : 1;
  return width;
}

/** Officers' phrases end however they were typed; these end them as the sentence needs. */
const END_PUNCTUATION = /[。．.！!？?；;，,、：:\s]+$/u;

/** `text` as a whole sentence, ending in 。 */
export function sentence(text: string): string {
  return `${text.replace(END_PUNCTUATION, '')}。`;
}

/** `text` as a clause inside a sentence, without end punctuation. */
export function clause(text: string): string {
  return text.replace(END_PUNCTUATION, '');
}
