/**
 * Customer ids interned from their UTF-8 bytes: each distinct byte string gets the next dense code (0, 1, 2, …
 * in order of first appearance) and is decoded to a JS string once, when first seen. Lookup hashes the bytes
 * (FNV-1a) into a small open-addressing table of codes; each code's record holds the hash, the length and the
 * first 12 bytes of its id, so an id of up to 12 bytes is compared without touching a copy of it (each extra
 * memory access is a likely cache miss once there are 200,000 customers), and longer ids with their stored copy.
 * @internal
 * @module
 */
import { decodeUtf8 } from './utf8.ts';

/** Int32 words per code: hash, length, three words of inline bytes, arena start. */
const RECORD = 6;
/** Bytes of an id held in its record. */
const INLINE = 12;

/** Little-endian word of the bytes `bytes[from, from + 4)` that lie before `end` (missing bytes are 0). */
function word(bytes: Uint8Array, from: number, end: number): number {
  let w = 0;
  for (let k = 3; k >= 0; k--) w = (w << 8) | (from + k < end ? (bytes[from + k] as number) : 0);
  return w;
}

/** Dense codes of byte strings, with their decoded ids. */
export class IdDictionary {
  /** Decoded id of each code. */
  readonly ids: string[] = [];
  /** Open-addressing table of code + 1 (0 = empty), at most half full. */
  private slots: Int32Array = new Int32Array(1 << 12);
  private mask: number = (1 << 12) - 1;
  /** Per code: {@link RECORD} words. Codes seen early (the frequent customers) sit together. */
  private records: Int32Array = new Int32Array(RECORD << 10);
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
    const w0 = word(bytes, start, end);
    const w1 = length > 4 ? word(bytes, start + 4, end) : 0;
    const w2 = length > 8 ? word(bytes, start + 8, end) : 0;
    const slots = this.slots;
    const records = this.records;
    const mask = this.mask;
    let slot = h & mask;
    for (;;) {
      const entry = slots[slot] as number;
      if (entry === 0) break;
      const r = (entry - 1) * RECORD;
      if (
        records[r] === h &&
        records[r + 1] === length &&
        records[r + 2] === w0 &&
        records[r + 3] === w1 &&
        records[r + 4] === w2 &&
        (length <= INLINE || this.same(records[r + 5] as number, bytes, start, length))
      )
        return entry - 1;
      slot = (slot + 1) & mask;
    }
    return this.add(bytes, start, end, h, slot, w0, w1, w2);
  }

  private same(from: number, bytes: Uint8Array, start: number, length: number): boolean {
    const arena = this.arena;
    for (let k = INLINE; k < length; k++) if (arena[from + k] !== bytes[start + k]) return false;
    return true;
  }

  private add(
    bytes: Uint8Array,
    start: number,
    end: number,
    h: number,
    slot: number,
    w0: number,
    w1: number,
    w2: number,
  ): number {
    const c = this.ids.length;
    const length = end - start;
    let at = -1;
    if (length > INLINE) {
      if (this.used + length > this.arena.length) {
        const arena = new Uint8Array(Math.max(this.arena.length * 2, this.used + length));
        arena.set(this.arena.subarray(0, this.used));
        this.arena = arena;
      }
      this.arena.set(bytes.subarray(start, end), this.used);
      at = this.used;
      this.used += length;
    }
    if ((c + 1) * RECORD > this.records.length) {
      const records = new Int32Array(this.records.length * 2);
      records.set(this.records);
      this.records = records;
    }
    const r = c * RECORD;
    const records = this.records;
    records[r] = h;
    records[r + 1] = length;
    records[r + 2] = w0;
    records[r + 3] = w1;
    records[r + 4] = w2;
    records[r + 5] = at;
    this.slots[slot] = c + 1;
    this.ids.push(decodeUtf8(bytes, start, end));
    if ((c + 1) * 2 > this.mask + 1) this.rehash();
    return c;
  }

  private rehash(): void {
    const size = (this.mask + 1) * 2;
    const slots = new Int32Array(size);
    const mask = size - 1;
    const records = this.records;
    for (let c = 0; c < this.ids.length; c++) {
      let slot = (records[c * RECORD] as number) & mask;
      while (slots[slot] !== 0) slot = (slot + 1) & mask;
      slots[slot] = c + 1;
    }
    this.slots = slots;
    this.mask = mask;
  }
}
