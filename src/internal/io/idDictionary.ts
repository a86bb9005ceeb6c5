/**
 * Customer ids interned from their UTF-8 bytes: each distinct byte string gets the next dense code (0, 1, 2, …
 * in order of first appearance) and is decoded to a JS string once, when first seen. Lookup hashes the bytes
 * into an open-addressing table (linear probing, at most half full) whose entries hold everything needed to
 * recognise an id of up to 12 bytes: a tag (code and length) and its first 12 bytes as three little-endian
 * words. A lookup of a short id therefore touches one 16-byte entry (one likely cache miss once there are
 * 200,000 customers, where a table of codes plus a record per code costs two), and a longer id also compares
 * its stored copy. Callers that already scanned the bytes (the CSV fast path) pass the words and the hash
 * ({@link IdDictionary.codeOfWords}); {@link wordAt} and {@link hashWords} compute them the same way here.
 * @internal
 * @module
 */
import { letGo } from './buffers.ts';
import { decodeUtf8 } from './utf8.ts';

/** Int32 words per table entry: tag, three words of inline bytes. */
const ENTRY = 4;
/** Bytes of an id held in its entry. */
export const INLINE = 12;
/** Length written in the tag of an id longer than {@link INLINE} bytes. */
const LONG = 13;
/** Codes are below 2^27, so that (code + 1) · 16 + length fits an Int32. */
const MAX_CODES = (1 << 27) - 1;

/**
 * Little-endian word of the bytes `bytes[from, from + 4)` that lie before `end` (missing bytes are 0).
 * @example
 * ```ts
 * import { wordAt } from './idDictionary.ts';
 *
 * const bytes = Uint8Array.of(1, 2, 3, 4, 5);
 * [wordAt(bytes, 0, 5), wordAt(bytes, 4, 5), wordAt(bytes, 2, 3)]; // => [0x04030201, 5, 3]
 * ```
 */
export function wordAt(bytes: Uint8Array, from: number, end: number): number {
  const left = end - from;
  if (left >= 4)
    return (
      (bytes[from] as number) |
      ((bytes[from + 1] as number) << 8) |
      ((bytes[from + 2] as number) << 16) |
      ((bytes[from + 3] as number) << 24)
    );
  if (left <= 0) return 0;
  if (left === 1) return bytes[from] as number;
  if (left === 2) return (bytes[from] as number) | ((bytes[from + 1] as number) << 8);
  return (bytes[from] as number) | ((bytes[from + 1] as number) << 8) | ((bytes[from + 2] as number) << 16);
}

/** One step of the word hash (multiply, rotate: murmur3's mixing of a block). */
function mix(h: number, w: number): number {
  let k = Math.imul(w, 0xcc9e2d51);
  k = (k << 15) | (k >>> 17);
  h ^= Math.imul(k, 0x1b873593);
  h = (h << 13) | (h >>> 19);
  return (Math.imul(h, 5) + 0xe6546b64) | 0;
}

/**
 * Hash of an id from its length and its first three words (`w0`–`w2`, as {@link wordAt} gives them); for an id
 * longer than 12 bytes, the words after the first three are mixed in too (read from `bytes[start, end)`).
 * @example
 * ```ts
 * import { hashWords, wordAt } from './idDictionary.ts';
 *
 * const id = new TextEncoder().encode('c12345');
 * const h = hashWords(wordAt(id, 0, 6), wordAt(id, 4, 6), 0, 6, id, 0, 6);
 * h === hashWords(wordAt(id, 0, 6), wordAt(id, 4, 6), 0, 6, id, 0, 6); // => true
 * Number.isInteger(h); // => true
 * ```
 */
export function hashWords(
  w0: number,
  w1: number,
  w2: number,
  length: number,
  bytes: Uint8Array,
  start: number,
  end: number,
): number {
  let h = mix(mix(mix(length, w0), w1), w2);
  if (length > INLINE) for (let i = start + INLINE; i < end; i += 4) h = mix(h, wordAt(bytes, i, end));
  h ^= h >>> 16;
  h = Math.imul(h, 0x85ebca6b);
  h ^= h >>> 13;
  return h;
}

/** Dense codes of byte strings, with their decoded ids. */
export class IdDictionary {
  /** Decoded id of each code. */
  readonly ids: string[] = [];
  /** Open-addressing table of {@link ENTRY} words per slot (tag 0 = empty), at most half full. */
  private table: Int32Array = new Int32Array(ENTRY << 12);
  private mask: number = (1 << 12) - 1;
  /** Per code of an id longer than {@link INLINE} bytes: start of its bytes in {@link arena}, and its length. */
  private longAt: Int32Array = new Int32Array(0);
  private longLength: Int32Array = new Int32Array(0);
  private arena: Uint8Array = new Uint8Array(1 << 14);
  private used = 0;

  /** Number of distinct ids. */
  get size(): number {
    return this.ids.length;
  }

  /** Code of the id written in `bytes[start, end)`, adding it when new. */
  code(bytes: Uint8Array, start: number, end: number): number {
    const length = end - start;
    const w0 = wordAt(bytes, start, end);
    const w1 = length > 4 ? wordAt(bytes, start + 4, end) : 0;
    const w2 = length > 8 ? wordAt(bytes, start + 8, end) : 0;
    return this.codeOfWords(w0, w1, w2, hashWords(w0, w1, w2, length, bytes, start, end), bytes, start, end);
  }

  /**
   * Code of the id `bytes[start, end)` whose first words are `w0`–`w2` and hash `h` ({@link wordAt},
   * {@link hashWords}), adding it when new.
   */
  codeOfWords(w0: number, w1: number, w2: number, h: number, bytes: Uint8Array, start: number, end: number): number {
    const length = end - start;
    const short = length <= INLINE;
    const tagLength = short ? length : LONG;
    const table = this.table;
    const mask = this.mask;
    let slot = h & mask;
    for (;;) {
      const e = slot * ENTRY;
      const tag = table[e] as number;
      if (tag === 0) break;
      if (
        (tag & 15) === tagLength &&
        table[e + 1] === w0 &&
        table[e + 2] === w1 &&
        table[e + 3] === w2 &&
        (short || this.sameLong((tag >>> 4) - 1, bytes, start, length))
      )
        return (tag >>> 4) - 1;
      slot = (slot + 1) & mask;
    }
    return this.add(bytes, start, end, slot, w0, w1, w2);
  }

  /**
   * Codes of `count` ids at once, into `out[at …]`: id `k` is `bytes[starts[k], starts[k] + lengths[k])` with
   * words `words[3k …]` and hash `hashes[k]`. The lookups of a batch run back to back, so the processor
   * overlaps their cache misses; codes are still given in order of first appearance.
   */
  codesOf(
    bytes: Uint8Array,
    count: number,
    starts: Int32Array,
    lengths: Int32Array,
    words: Int32Array,
    hashes: Int32Array,
    out: Int32Array,
    at: number,
  ): void {
    let table = this.table;
    let mask = this.mask;
    let lastLength = -1;
    let last0 = 0;
    let last1 = 0;
    let last2 = 0;
    let lastCode = -1;
    for (let k = 0; k < count; k++) {
      const length = lengths[k] as number;
      const w0 = words[3 * k] as number;
      const w1 = words[3 * k + 1] as number;
      const w2 = words[3 * k + 2] as number;
      // Sorted logs repeat the previous row's customer.
      if (length === lastLength && w0 === last0 && w1 === last1 && w2 === last2 && length <= INLINE) {
        out[at + k] = lastCode;
        continue;
      }
      const tagLength = length <= INLINE ? length : LONG;
      let slot = (hashes[k] as number) & mask;
      let code = -1;
      for (;;) {
        const e = slot * ENTRY;
        const tag = table[e] as number;
        if (tag === 0) break;
        if (
          (tag & 15) === tagLength &&
          table[e + 1] === w0 &&
          table[e + 2] === w1 &&
          table[e + 3] === w2 &&
          (length <= INLINE || this.sameLong((tag >>> 4) - 1, bytes, starts[k] as number, length))
        ) {
          code = (tag >>> 4) - 1;
          break;
        }
        slot = (slot + 1) & mask;
      }
      if (code < 0) {
        const start = starts[k] as number;
        code = this.add(bytes, start, start + length, slot, w0, w1, w2);
        table = this.table;
        mask = this.mask;
      }
      out[at + k] = code;
      lastLength = length;
      last0 = w0;
      last1 = w1;
      last2 = w2;
      lastCode = code;
    }
  }

  private sameLong(code: number, bytes: Uint8Array, start: number, length: number): boolean {
    if (this.longLength[code] !== length) return false;
    const arena = this.arena;
    const from = this.longAt[code] as number;
    for (let k = INLINE; k < length; k++) if (arena[from + k] !== bytes[start + k]) return false;
    return true;
  }

  private add(bytes: Uint8Array, start: number, end: number, slot: number, w0: number, w1: number, w2: number): number {
    const c = this.ids.length;
    if (c >= MAX_CODES) throw new RangeError(`more than ${MAX_CODES} distinct customer ids`);
    const length = end - start;
    if (length > INLINE) {
      if (this.used + length > this.arena.length) {
        const arena = new Uint8Array(Math.max(this.arena.length * 2, this.used + length));
        arena.set(this.arena.subarray(0, this.used));
        this.arena = arena;
      }
      this.arena.set(bytes.subarray(start, end), this.used);
      if (c >= this.longAt.length) {
        const size = Math.max(1024, 2 * c);
        this.longAt = grown(this.longAt, size);
        this.longLength = grown(this.longLength, size);
      }
      this.longAt[c] = this.used;
      this.longLength[c] = length;
      this.used += length;
    }
    const e = slot * ENTRY;
    const table = this.table;
    table[e] = ((c + 1) << 4) | (length <= INLINE ? length : LONG);
    table[e + 1] = w0;
    table[e + 2] = w1;
    table[e + 3] = w2;
    this.ids.push(decodeUtf8(bytes, start, end));
    if ((c + 1) * 2 > this.mask + 1) this.rehash();
    return c;
  }

  /** Lets go of the table and the bytes of the ids (once the input is read; only {@link ids} stays). */
  release(): void {
    letGo(this.table.buffer);
    letGo(this.arena.buffer);
    this.table = new Int32Array(ENTRY << 12);
    this.mask = (1 << 12) - 1;
    this.longAt = new Int32Array(0);
    this.longLength = new Int32Array(0);
    this.arena = new Uint8Array(0);
    this.used = 0;
  }

  private rehash(): void {
    const size = (this.mask + 1) * 2;
    const table = new Int32Array(size * ENTRY);
    const mask = size - 1;
    const old = this.table;
    const arena = this.arena;
    for (let e = 0; e < old.length; e += ENTRY) {
      const tag = old[e] as number;
      if (tag === 0) continue;
      const w0 = old[e + 1] as number;
      const w1 = old[e + 2] as number;
      const w2 = old[e + 3] as number;
      const code = (tag >>> 4) - 1;
      const length = (tag & 15) === LONG ? (this.longLength[code] as number) : tag & 15;
      const from = (tag & 15) === LONG ? (this.longAt[code] as number) : 0;
      let slot = hashWords(w0, w1, w2, length, arena, from, from + length) & mask;
      while (table[slot * ENTRY] !== 0) slot = (slot + 1) & mask;
      const to = slot * ENTRY;
      table[to] = tag;
      table[to + 1] = w0;
      table[to + 2] = w1;
      table[to + 3] = w2;
    }
    letGo(old.buffer);
    this.table = table;
    this.mask = mask;
  }
}

/** A copy of `a` with room for `size` entries. */
function grown(a: Int32Array, size: number): Int32Array {
  const b = new Int32Array(size);
  b.set(a.subarray(0, Math.min(a.length, size)));
  return b;
}
