/**
 * Customer ids interned from their UTF-8 bytes: each distinct byte string gets the next dense code (0, 1, 2, …
 * in order of first appearance) and is decoded to a JS string once, when first seen. Lookup hashes the bytes
 * (FNV-1a) into an open-addressing table and compares them with the stored copy, so reading a file creates no
 * string per row.
 * @internal
 * @module
 */
import { decodeUtf8 } from './utf8.ts';

/** Dense codes of byte strings, with their decoded ids. */
export class IdDictionary {
  /** Decoded id of each code. */
  readonly ids: string[] = [];
  private table: Int32Array = new Int32Array(1 << 12);
  private mask = (1 << 12) - 1;
  private hashes: Int32Array = new Int32Array(1 << 10);
  private starts: Int32Array = new Int32Array(1 << 10);
  private lengths: Int32Array = new Int32Array(1 << 10);
  private arena: Uint8Array = new Uint8Array(1 << 14);
  private used = 0;

  /** Number of distinct ids. */
  get size(): number {
    return this.ids.length;
  }

  /** Code of the id written in `bytes[start, end)`, adding it when new. */
  code(bytes: Uint8Array, start: number, end: number): number {
    let h = 0x811c9dc5 | 0;
    for (let i = start; i < end; i++) h = Math.imul(h ^ (bytes[i] as number), 16777619);
    const length = end - start;
    const table = this.table;
    const mask = this.mask;
    let slot = h & mask;
    for (;;) {
      const entry = table[slot] as number;
      if (entry === 0) break;
      const c = entry - 1;
      if (this.hashes[c] === h && this.lengths[c] === length && this.same(c, bytes, start, length)) return c;
      slot = (slot + 1) & mask;
    }
    return this.add(bytes, start, end, h, slot);
  }

  private same(c: number, bytes: Uint8Array, start: number, length: number): boolean {
    const arena = this.arena;
    const from = this.starts[c] as number;
    for (let k = 0; k < length; k++) if (arena[from + k] !== bytes[start + k]) return false;
    return true;
  }

  private add(bytes: Uint8Array, start: number, end: number, h: number, slot: number): number {
    const c = this.ids.length;
    const length = end - start;
    if (c === this.hashes.length) {
      this.hashes = grow(this.hashes, c * 2);
      this.starts = grow(this.starts, c * 2);
      this.lengths = grow(this.lengths, c * 2);
    }
    if (this.used + length > this.arena.length) {
      const arena = new Uint8Array(Math.max(this.arena.length * 2, this.used + length));
      arena.set(this.arena.subarray(0, this.used));
      this.arena = arena;
    }
    this.arena.set(bytes.subarray(start, end), this.used);
    this.hashes[c] = h;
    this.starts[c] = this.used;
    this.lengths[c] = length;
    this.used += length;
    this.ids.push(decodeUtf8(bytes, start, end));
    this.table[slot] = c + 1;
    if ((c + 1) * 2 > this.table.length) this.rehash();
    return c;
  }

  private rehash(): void {
    const size = this.table.length * 2;
    const table = new Int32Array(size);
    const mask = size - 1;
    for (let c = 0; c < this.ids.length; c++) {
      let slot = (this.hashes[c] as number) & mask;
      while (table[slot] !== 0) slot = (slot + 1) & mask;
      table[slot] = c + 1;
    }
    this.table = table;
    this.mask = mask;
  }
}

function grow(array: Int32Array, size: number): Int32Array {
  const next = new Int32Array(size);
  next.set(array);
  return next;
}
