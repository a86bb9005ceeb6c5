/**
 * The byte codec of the incremental states (`cohortState`, `rfmState`): unsigned LEB128 varints (7 bits a byte,
 * the high bit set on every byte but the last) written into a growing byte buffer, and standard base64 (RFC 4648,
 * with padding) so that the bytes travel inside JSON. Written here once, with no Node or DOM globals (`Buffer`,
 * `btoa`); the lookup tables are built on first use, never at module load.
 * @internal
 * @module
 */

const ALPHABET = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/';
let decodeTable: Int16Array | null = null;

/** A growing byte buffer of varints. */
export class ByteWriter {
  bytes: Uint8Array = new Uint8Array(1024);
  length: number = 0;

  /** Appends `x` (an integer in [0, 2^32)) as an unsigned LEB128 varint. */
  varint(x: number): void {
    if (this.length + 5 > this.bytes.length) {
      const grown = new Uint8Array(this.bytes.length * 2);
      grown.set(this.bytes);
      this.bytes = grown;
    }
    const b = this.bytes;
    let n = this.length;
    let v = x >>> 0;
    while (v >= 0x80) {
      b[n++] = (v & 0x7f) | 0x80;
      v >>>= 7;
    }
    b[n++] = v;
    this.length = n;
  }

  /** The bytes written. */
  result(): Uint8Array {
    return this.bytes.subarray(0, this.length);
  }
}

/**
 * Reads the varint at `pos[0]` of `bytes` and advances `pos[0]`; −1 when the bytes end inside it or it does not
 * fit in 31 bits (a corrupt state).
 */
export function readVarint(bytes: Uint8Array, pos: Int32Array): number {
  let at = pos[0] as number;
  let v = 0;
  let shift = 0;
  for (;;) {
    if (at >= bytes.length || shift > 28) return -1;
    const b = bytes[at++] as number;
    v += (b & 0x7f) * 2 ** shift;
    shift += 7;
    if (b < 0x80) break;
  }
  pos[0] = at;
  return v > 0x7fffffff ? -1 : v;
}

/**
 * Standard base64 (with `=` padding) of bytes.
 * @example
 * ```ts
 * import { toBase64 } from './codec.ts';
 *
 * toBase64(new Uint8Array([0, 1, 2, 250])); // => 'AAEC+g=='
 * toBase64(new Uint8Array(0)); // => ''
 * ```
 */
export function toBase64(bytes: Uint8Array): string {
  const n = bytes.length;
  const parts: string[] = [];
  const chunk: number[] = [];
  let i = 0;
  for (; i + 2 < n; i += 3) {
    const x = ((bytes[i] as number) << 16) | ((bytes[i + 1] as number) << 8) | (bytes[i + 2] as number);
    chunk.push(
      ALPHABET.charCodeAt(x >>> 18),
      ALPHABET.charCodeAt((x >>> 12) & 63),
      ALPHABET.charCodeAt((x >>> 6) & 63),
      ALPHABET.charCodeAt(x & 63),
    );
    if (chunk.length >= 8192) {
      parts.push(String.fromCharCode(...chunk));
      chunk.length = 0;
    }
  }
  if (i < n) {
    const x = ((bytes[i] as number) << 16) | (i + 1 < n ? (bytes[i + 1] as number) << 8 : 0);
    chunk.push(
      ALPHABET.charCodeAt(x >>> 18),
      ALPHABET.charCodeAt((x >>> 12) & 63),
      i + 1 < n ? ALPHABET.charCodeAt((x >>> 6) & 63) : 61,
      61,
    );
  }
  parts.push(String.fromCharCode(...chunk));
  return parts.join('');
}

/**
 * Bytes of a standard base64 string, or `null` when it is not one (wrong length, a character outside the
 * alphabet, misplaced padding).
 * @example
 * ```ts
 * import { fromBase64 } from './codec.ts';
 *
 * Array.from(fromBase64('AAEC+g==') ?? []); // => [0, 1, 2, 250]
 * fromBase64('AAE'); // => null
 * fromBase64('A*=='); // => null
 * ```
 */
export function fromBase64(text: string): Uint8Array | null {
  const n = text.length;
  if (n % 4 !== 0) return null;
  if (decodeTable === null) {
    decodeTable = new Int16Array(128).fill(-1);
    for (let j = 0; j < 64; j++) decodeTable[ALPHABET.charCodeAt(j)] = j;
  }
  const table = decodeTable;
  const pad = n === 0 ? 0 : text.charCodeAt(n - 1) === 61 ? (text.charCodeAt(n - 2) === 61 ? 2 : 1) : 0;
  const out = new Uint8Array((n / 4) * 3 - pad);
  let o = 0;
  for (let i = 0; i < n; i += 4) {
    let x = 0;
    for (let j = 0; j < 4; j++) {
      const code = text.charCodeAt(i + j);
      const last = i + 4 === n;
      const v = code < 128 ? (table[code] as number) : -1;
      if (v < 0) {
        if (!(last && code === 61 && j >= 4 - pad)) return null;
        x <<= 6;
        continue;
      }
      if (last && j >= 4 - pad) return null;
      x = (x << 6) | v;
    }
    out[o++] = x >>> 16;
    if (o < out.length) out[o++] = (x >>> 8) & 255;
    if (o < out.length) out[o++] = x & 255;
  }
  return out;
}
