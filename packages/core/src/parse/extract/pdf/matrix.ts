export type Matrix = readonly [number, number, number, number, number, number];

/** `m` then `n`: pdf.js's Util.transform. */
export const multiply = (m: Matrix, n: Matrix): Matrix => [
  m[0] * n[0] + m[2] * n[1],
  m[1] * n[0] + m[3] * n[1],
  m[0] * n[2] + m[2] * n[3],
  m[1] * n[2] + m[3] * n[3],
  m[0] * n[4] + m[2] * n[5] + m[4],
  m[1] * n[4] + m[3] * n[5] + m[5],
];

export const asMatrix = (values: ArrayLike<number> | null | undefined): Matrix | undefined =>
  values && values.length === 6
    ? [values[0] ?? 1, values[1] ?? 0, values[2] ?? 0, values[3] ?? 1, values[4] ?? 0, values[5] ?? 0]
    : undefined;
