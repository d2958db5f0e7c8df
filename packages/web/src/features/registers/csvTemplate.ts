/**
 * An empty register to fill in, as core's documentsCsvTemplate / reviewsCsvTemplate write it
 * (the header line, CRLF): those call csv-stringify, which needs Node's Buffer, so the browser
 * writes the same line from core's header constants (no header holds a comma or a quote).
 */
export function csvTemplate(header: readonly string[]): string {
  return `${header.join(',')}\r\n`;
}
