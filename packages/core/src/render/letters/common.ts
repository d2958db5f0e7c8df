import { chineseDate } from './format.js';
import type { LetterBlock } from './model.js';
import type { CheckedLetterInput } from './schema.js';

/** Wording every kind of letter shares. */

/** The regulation by its short name; the letter's first mention is spelt out by `nameRegulationsOnce`. */
export const REGULATIONS = '《条例》';
const REGULATIONS_IN_FULL = '《中华人民共和国政府信息公开条例》（以下简称《条例》）';

/** 国办函〔2020〕109号, which 第四十二条第二款 calls for: the fee tiers and the notice. */
export const FEE_MEASURES = '《政府信息公开信息处理费管理办法》（国办函〔2020〕109号）';

/** The consequence of a lapse, in the words of 第三十条 (also used by 国办函〔2020〕109号 for fees). */
export const DEEMED_ABANDONED = '视为放弃申请，本机关不再处理该政府信息公开申请';

/** What a letter says when the date it gives rests on a year whose holiday notice is not out. */
export const PROVISIONAL_LETTER_SENTENCE =
  '上述期限中标注“暂定”的日期，系在国务院办公厅公布该年度节假日安排前按法定节假日推算；安排公布后期限如有变化，本机关将另行告知。';

/** A due date as the letter prints it: 2027年1月19日, followed by （暂定） when provisional. */
export function dueDate(input: CheckedLetterInput, date: string): string {
  return `${chineseDate(date)}${input.provisionalDates ? '（暂定）' : ''}`;
}

/** The sentence explaining 暂定, when the letter's dates are provisional. */
export function provisionalParagraphs(input: CheckedLetterInput): string[] {
  return input.provisionalDates ? [PROVISIONAL_LETTER_SENTENCE] : [];
}

/** 本机关于…收到您（单位）提出的政府信息公开申请，申请获取“…”。 */
export function receivedParagraph(input: CheckedLetterInput, applicant = '您（单位）'): string {
  const { receivedOn, request } = input.application;
  return `本机关于${chineseDate(receivedOn)}收到${applicant}提出的政府信息公开申请，申请获取“${request}”。`;
}

/**
 * A letter cites the regulation by its full name the first time and as 《条例》 after: the
 * short name is written everywhere and the first one, wherever it falls, is spelt out here.
 */
export function nameRegulationsOnce(blocks: readonly LetterBlock[]): LetterBlock[] {
  let named = false;
  return blocks.map((block) => {
    if (named || typeof block !== 'string' || !block.includes(REGULATIONS)) return block;
    named = true;
    return block.replace(REGULATIONS, REGULATIONS_IN_FULL);
  });
}
