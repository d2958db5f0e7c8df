/* Small pieces of XML reading for the DOCX scanner: entities, attributes, namespaces, values. */

export const W_NS = [
  'http://schemas.openxmlformats.org/wordprocessingml/2006/main',
  'http://purl.oclc.org/ooxml/wordprocessingml/main',
];
export const MC_NS = 'http://schemas.openxmlformats.org/markup-compatibility/2006';
export const OFFICE_DOCUMENT_REL = /\/officeDocument$/;

const ENTITIES: Record<string, string> = { lt: '<', gt: '>', amp: '&', quot: '"', apos: "'" };

export function decodeEntities(text: string): string {
  if (!text.includes('&')) return text;
  return text.replace(/&(#x[0-9a-fA-F]+|#[0-9]+|[a-zA-Z]+);/g, (whole, name: string) => {
    if (name.startsWith('#')) {
      const code = name[1] === 'x' ? parseInt(name.slice(2), 16) : parseInt(name.slice(1), 10);
      return code > 0 && code <= 0x10ffff ? String.fromCodePoint(code) : whole;
    }
    return ENTITIES[name] ?? whole;
  });
}

/** The value of attribute `name` in the raw text of a start tag, entity-decoded. */
export function attribute(tag: string, name: string): string | undefined {
  let from = 0;
  for (;;) {
    const i = tag.indexOf(name, from);
    if (i < 0) return undefined;
    from = i + name.length;
    const before = tag.charCodeAt(i - 1);
    // Preceded by whitespace and followed by optional whitespace and "=".
    if (before !== 0x20 && before !== 0x09 && before !== 0x0a && before !== 0x0d) continue;
    let j = from;
    while (tag.charCodeAt(j) === 0x20) j += 1;
    if (tag[j] !== '=') continue;
    j += 1;
    while (tag.charCodeAt(j) === 0x20) j += 1;
    const quote = tag[j];
    if (quote !== '"' && quote !== "'") return undefined;
    const end = tag.indexOf(quote, j + 1);
    if (end < 0) return undefined;
    return decodeEntities(tag.slice(j + 1, end));
  }
}

/** The prefixes the root element binds to the WordprocessingML and markup-compatibility namespaces. */
export function namespacePrefixes(rootTag: string): { w: string | undefined; mc: string | undefined } {
  let w: string | undefined;
  let mc: string | undefined;
  const re = /\sxmlns(?::([\w.-]+))?\s*=\s*(?:"([^"]*)"|'([^']*)')/g;
  for (let m = re.exec(rootTag); m; m = re.exec(rootTag)) {
    const prefix = m[1] ?? '';
    const uri = m[2] ?? m[3] ?? '';
    if (W_NS.includes(uri)) w = prefix;
    else if (uri === MC_NS) mc = prefix;
  }
  return { w, mc };
}

export function toInt(value: string | undefined, fallback: number): number {
  const n = value === undefined ? NaN : parseInt(value, 10);
  return Number.isFinite(n) ? n : fallback;
}

/** An OOXML on/off value: absent or anything but false/0/off means on. */
export const isOn = (value: string | undefined): boolean => value === undefined || !/^(false|0|off)$/i.test(value);

export function clamp(n: number, lo: number, hi: number): number {
  return Math.min(hi, Math.max(lo, n));
}

export function decodeXml(bytes: Uint8Array): string {
  if (bytes[0] === 0xff && bytes[1] === 0xfe) return new TextDecoder('utf-16le').decode(bytes);
  if (bytes[0] === 0xfe && bytes[1] === 0xff) return new TextDecoder('utf-16be').decode(bytes);
  return new TextDecoder('utf-8').decode(bytes);
}
