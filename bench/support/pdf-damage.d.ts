/** Types of bench/support/pdf-damage.js, which the node tests import. */
export type PdfDamageKind = 'stackedHeaders' | 'rotatedHeaders' | 'pageBreaks';
export declare const PDF_DAMAGE_KINDS: readonly PdfDamageKind[];
export declare function damageCss(kind: PdfDamageKind, random: () => number): string;
export declare function damagedHtml(html: string, kind: PdfDamageKind, random: () => number): string;
export declare function openPrinter(): Promise<{
  print(html: string): Promise<Uint8Array>;
  close(): Promise<void>;
}>;
