/* Bounds-checked little-endian reads; a read outside the data is damage. */

/** Thrown by the readers below; turned into ParseError('corrupt') at the top. */
export class Damaged extends Error {}

export const damaged = (detail: string): never => {
  throw new Damaged(detail);
};

export function u8(b: Uint8Array, o: number): number {
  if (o < 0 || o >= b.length) damaged('读取位置超出数据范围');
  return b[o] as number;
}
export function u16(b: Uint8Array, o: number): number {
  if (o < 0 || o + 2 > b.length) damaged('读取位置超出数据范围');
  return (b[o] as number) | ((b[o + 1] as number) << 8);
}
export function u32(b: Uint8Array, o: number): number {
  if (o < 0 || o + 4 > b.length) damaged('读取位置超出数据范围');
  return (
    ((b[o] as number) | ((b[o + 1] as number) << 8) | ((b[o + 2] as number) << 16) | ((b[o + 3] as number) << 24)) >>> 0
  );
}
export const i16 = (b: Uint8Array, o: number): number => (u16(b, o) << 16) >> 16;
