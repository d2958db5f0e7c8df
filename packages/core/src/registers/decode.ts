import { decodeText } from '../parse/encoding.js';

/**
 * The text of a CSV file as uploaded. Excel in China saves CSV as GBK unless told "CSV UTF-8",
 * which writes a BOM; WPS and scripts write UTF-8 with or without one. The reader of published
 * reports already tells these apart (BOM, then strict UTF-8, else GB18030, the superset of GBK),
 * so the registers use it too. The BOM does not reach the text.
 */
export function decodeCsv(bytes: Uint8Array): string {
  return decodeText(bytes).text;
}
