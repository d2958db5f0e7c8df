/** Types of bench/hostile.js, which the tests import. */
export declare function deflatedRepeat(
  unit: Uint8Array,
  times: number,
  head?: Uint8Array,
  tail?: Uint8Array,
): Uint8Array;
export declare function hostileDocx(megabytes?: number): Uint8Array;
export declare function hostilePdf(megabytes?: number): Uint8Array;
