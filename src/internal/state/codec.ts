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

/** Character codes of the alphabet, and the value of each character code (−1 outside it), built on first use. */
let encodeTable: Uint8Array | null = null;

function tables(): { enc: Uint8Array; dec: Int16Array } {
  if (encodeTable === null || decodeTable === null) {
    encodeTable = new Uint8Array(64);
    decodeTable = new Int16Array(256).fill(-1);
    for (let j = 0; j < 64; j++) {
      encodeTable[j] = ALPHABET.charCodeAt(j);
      decodeTable[ALPHABET.charCodeAt(j)] = j;
    }
  }
  return { enc: encodeTable, dec: decodeTable };
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
  const { enc } = tables();
  const n = bytes.length;
  const out = new Uint8Array(4 * Math.ceil(n / 3));
  let o = 0;
  let i = 0;
  for (; i + 2 < n; i += 3) {
    const x = ((bytes[i] as number) << 16) | ((bytes[i + 1] as number) << 8) | (bytes[i + 2] as number);
    out[o] = enc[x >>> 18] as number;
    out[o + 1] = enc[(x >>> 12) & 63] as number;
    out[o + 2] = enc[(x >>> 6) & 63] as number;
    out[o + 3] = enc[x & 63] as number;
    o += 4;
  }
  if (i < n) {
    const x = ((bytes[i] as number) << 16) | (i + 1 < n ? (bytes[i + 1] as number) << 8 : 0);
    out[o] = enc[x >>> 18] as number;
    out[o + 1] = enc[(x >>> 12) & 63] as number;
    out[o + 2] = i + 1 < n ? (enc[(x >>> 6) & 63] as number) : 61;
    out[o + 3] = 61;
  }
  const parts: string[] = [];
  for (let at = 0; at < out.length; at += 16_384)
    parts.push(String.fromCharCode.apply(null, out.subarray(at, at + 16_384) as unknown as number[]));
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
 * fromBase64('AA=A'); // => null
 * ```
 */
export function fromBase64(text: string): Uint8Array | null {
  const n = text.length;
  if (n % 4 !== 0) return null;
  const { dec } = tables();
  const pad = n === 0 ? 0 : text.charCodeAt(n - 1) === 61 ? (text.charCodeAt(n - 2) === 61 ? 2 : 1) : 0;
  const out = new Uint8Array((n / 4) * 3 - pad);
  const full = pad === 0 ? n : n - 4;
  let o = 0;
  for (let i = 0; i < full; i += 4) {
    const a = dec[text.charCodeAt(i) & 255] as number;
    const b = dec[text.charCodeAt(i + 1) & 255] as number;
    const c = dec[text.charCodeAt(i + 2) & 255] as number;
    const d = dec[text.charCodeAt(i + 3) & 255] as number;
    if (
      (a | b | c | d) < 0 ||
      (text.charCodeAt(i) | text.charCodeAt(i + 1) | text.charCodeAt(i + 2) | text.charCodeAt(i + 3)) > 255
    )
      return null;
    const x = (a << 18) | (b << 12) | (c << 6) | d;
    out[o] = x >>> 16;
    out[o + 1] = (x >>> 8) & 255;
    out[o + 2] = x & 255;
    o += 3;
  }
  if (pad > 0) {
    const i = n - 4;
    const a = dec[text.charCodeAt(i) & 255] as number;
    const b = dec[text.charCodeAt(i + 1) & 255] as number;
    const c = pad === 1 ? (dec[text.charCodeAt(i + 2) & 255] as number) : 0;
    if ((a | b | c) < 0 || text.charCodeAt(i) > 255 || text.charCodeAt(i + 1) > 255 || text.charCodeAt(i + 2) > 255)
      return null;
    const x = (a << 18) | (b << 12) | (c << 6);
    out[o++] = x >>> 16;
    if (pad === 1) out[o] = (x >>> 8) & 255;
  }
  return out;
}
