import { damaged, u16, u32, u8 } from './binary.js';

const MAX_REG_SECT = 0xfffffffa;
const END_OF_CHAIN = 0xfffffffe;
const FREE_SECT = 0xffffffff;

// ---------------------------------------------------------------------------------------------
// OLE compound file ([MS-CFB])

interface DirEntry {
  readonly name: string;
  readonly type: number;
  readonly left: number;
  readonly right: number;
  readonly child: number;
  readonly start: number;
  readonly size: number;
}

export class CompoundFile {
  private readonly sectorSize: number;
  private readonly sectorCount: number;
  private readonly fat: Uint32Array;
  private readonly entries: DirEntry[];
  private miniFat: Uint32Array | undefined;
  private miniStream: Uint8Array | undefined;
  private readonly miniCutoff: number;
  private readonly firstMiniFat: number;
  /** Streams directly under the root storage, by name. */
  readonly streams = new Map<string, DirEntry>();

  constructor(private readonly bytes: Uint8Array) {
    if (bytes.length < 512) damaged('文件头不完整');
    const shift = u16(bytes, 0x1e);
    if (shift !== 9 && shift !== 12) damaged('扇区大小无效');
    if (u16(bytes, 0x20) !== 6) damaged('小扇区大小无效');
    this.sectorSize = 1 << shift;
    this.sectorCount = Math.ceil((bytes.length - this.sectorSize) / this.sectorSize);
    if (this.sectorCount <= 0) damaged('没有数据扇区');
    this.miniCutoff = u32(bytes, 0x38);
    this.firstMiniFat = u32(bytes, 0x3c);

    // The FAT's own sectors: 109 listed in the header, the rest in a chain of DIFAT sectors.
    const fatCount = u32(bytes, 0x2c);
    if (fatCount > this.sectorCount) damaged('分配表大小无效');
    const fatSectors: number[] = [];
    for (let i = 0; i < 109 && fatSectors.length < fatCount; i += 1) fatSectors.push(u32(bytes, 0x4c + i * 4));
    const perDifat = this.sectorSize / 4 - 1;
    for (let s = u32(bytes, 0x44), hops = 0; fatSectors.length < fatCount && s <= MAX_REG_SECT; hops += 1) {
      if (hops > this.sectorCount) damaged('分配表链成环');
      const at = this.sectorOffset(s);
      for (let i = 0; i < perDifat && fatSectors.length < fatCount; i += 1) fatSectors.push(u32(bytes, at + i * 4));
      s = u32(bytes, at + perDifat * 4);
    }
    if (fatSectors.length < fatCount) damaged('分配表不完整');
    this.fat = new Uint32Array(fatCount * (this.sectorSize / 4));
    fatSectors.forEach((s, n) => {
      const at = this.sectorOffset(s);
      if (at + this.sectorSize > bytes.length) damaged('分配表被截断');
      for (let i = 0; i < this.sectorSize / 4; i += 1) this.fat[n * (this.sectorSize / 4) + i] = u32(bytes, at + i * 4);
    });

    const dir = this.chainBytes(u32(bytes, 0x30), Infinity);
    const v3 = u16(bytes, 0x1a) === 3;
    this.entries = [];
    for (let o = 0; o + 128 <= dir.length; o += 128) {
      const nameLength = Math.min(64, u16(dir, o + 0x40));
      let name = '';
      for (let i = 0; i + 2 < nameLength; i += 2) name += String.fromCharCode(u16(dir, o + i));
      // Version 3 files may leave garbage in the size's high half.
      const high = v3 ? 0 : u32(dir, o + 0x7c);
      this.entries.push({
        name,
        type: u8(dir, o + 0x42),
        left: u32(dir, o + 0x44),
        right: u32(dir, o + 0x48),
        child: u32(dir, o + 0x4c),
        start: u32(dir, o + 0x74),
        size: high ? Infinity : u32(dir, o + 0x78),
      });
    }
    const root = this.entries[0];
    if (!root || root.type !== 5) damaged('找不到根目录');
    // Walk the root's children (a red-black tree by left/right sibling links).
    const seen = new Set<number>();
    const todo = [(root as DirEntry).child];
    while (todo.length > 0) {
      const id = todo.pop() as number;
      if (id >= this.entries.length || seen.has(id)) continue;
      seen.add(id);
      const entry = this.entries[id] as DirEntry;
      if (entry.type === 2 && !this.streams.has(entry.name)) this.streams.set(entry.name, entry);
      todo.push(entry.left, entry.right);
    }
  }

  private sectorOffset(sector: number): number {
    if (sector >= this.sectorCount) damaged('扇区编号超出文件范围，文件可能被截断');
    return (sector + 1) * this.sectorSize;
  }

  /** The sectors of a chain, concatenated, up to `limit` bytes. */
  private chainBytes(start: number, limit: number): Uint8Array {
    const sectors: number[] = [];
    for (let s = start; s !== END_OF_CHAIN && sectors.length * this.sectorSize < limit;) {
      if (s > MAX_REG_SECT || s === FREE_SECT || s >= this.fat.length) damaged('扇区链无效');
      if (sectors.length > this.sectorCount) damaged('扇区链成环');
      sectors.push(s);
      s = this.fat[s] as number;
    }
    const length = Math.min(limit, sectors.length * this.sectorSize);
    const out = new Uint8Array(length);
    sectors.forEach((s, n) => {
      const at = this.sectorOffset(s);
      const part = this.bytes.subarray(
        at,
        Math.min(at + this.sectorSize, this.bytes.length, at + length - n * this.sectorSize),
      );
      out.set(part, n * this.sectorSize);
    });
    return out;
  }

  /** A root-level stream's bytes, or undefined when there is none by that name. */
  stream(name: string): Uint8Array | undefined {
    const entry = this.streams.get(name);
    if (!entry) return undefined;
    if (entry.size > this.bytes.length) damaged(`流 ${name} 的大小超出文件`);
    if (entry.size >= this.miniCutoff) {
      const data = this.chainBytes(entry.start, entry.size);
      if (data.length < entry.size) damaged(`流 ${name} 不完整`);
      return data;
    }
    // Small streams live in 64-byte sectors of the mini stream (the root entry's data).
    if (!this.miniStream) {
      const root = this.entries[0] as DirEntry;
      this.miniStream = this.chainBytes(root.start, root.size);
      const table = this.chainBytes(this.firstMiniFat, Infinity);
      this.miniFat = new Uint32Array(table.length / 4);
      for (let i = 0; i < this.miniFat.length; i += 1) this.miniFat[i] = u32(table, i * 4);
    }
    const miniFat = this.miniFat as Uint32Array;
    const mini = this.miniStream;
    const out = new Uint8Array(entry.size);
    let filled = 0;
    for (let s = entry.start, hops = 0; filled < entry.size; hops += 1) {
      if (s >= miniFat.length || hops > miniFat.length) damaged(`流 ${name} 的小扇区链无效`);
      const at = s * 64;
      if (at + 64 > mini.length && at + entry.size - filled > mini.length) damaged(`流 ${name} 不完整`);
      const part = mini.subarray(at, Math.min(at + 64, at + entry.size - filled));
      out.set(part, filled);
      filled += part.length;
      s = miniFat[s] as number;
    }
    return out;
  }
}
