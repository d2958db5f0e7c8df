/** Types of bench/support/pdf-fonts.js, which the tests import. */
export declare function withoutToUnicode(pdf: Uint8Array): Uint8Array;
