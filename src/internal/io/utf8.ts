/**
 * UTF-8 encoding and decoding for the file readers: the runtime's `TextEncoder` / `TextDecoder` (Node, Deno, Bun,
 * browsers all have them), reached through `globalThis` so the library's source declares no DOM global, with a
 * small fallback for runtimes without them (invalid sequences decode to U+FFFD, as `TextDecoder` does).
 * @internal
 * @module
 */

interface Encoder {
  encode(text: string): Uint8Array;
}
interface Decoder {
  decode(bytes: Uint8Array): string;
}
const runtime = globalThis as {
  TextEncoder?: new () => Encoder;
  TextDecoder?: new () => Decoder;
};

let encoder: Encoder | undefined;
let decoder: Decoder | undefined;

/**
 * UTF-8 bytes of `text`.
 * @example
 * ```ts
 * import { encodeUtf8 } from './utf8.ts';
 *
 * Array.from(encodeUtf8('a€')); // => [97, 226, 130, 172]
 * ```
 */
export function encodeUtf8(text: string): Uint8Array {
  if (runtime.TextEncoder !== undefined) {
    encoder ??= new runtime.TextEncoder();
    return encoder.encode(text);
  }
  const out: number[] = [];
  for (const ch of text) {
    let c = ch.codePointAt(0) as number;
    if (c >= 0xd800 && c <= 0xdfff) c = 0xfffd;
    if (c < 0x80) out.push(c);
    else if (c < 0x800) out.push(0xc0 | (c >> 6), 0x80 | (c & 63));
    else if (c < 0x10000) out.push(0xe0 | (c >> 12), 0x80 | ((c >> 6) & 63), 0x80 | (c & 63));
    else out.push(0xf0 | (c >> 18), 0x80 | ((c >> 12) & 63), 0x80 | ((c >> 6) & 63), 0x80 | (c & 63));
  }
  return Uint8Array.from(out);
}

/**
 * The text of the UTF-8 bytes `bytes[start, end)`; short ASCII runs are decoded without the runtime decoder.
 * @example
 * ```ts
 * import { decodeUtf8 } from './utf8.ts';
 *
 * decodeUtf8(new Uint8Array([120, 97, 226, 130, 172]), 1, 5); // => 'a€'
 * ```
 */
export function decodeUtf8(bytes: Uint8Array, start: number, end: number): string {
  if (end - start <= 16) {
    let ascii = true;
    for (let i = start; i < end; i++) if ((bytes[i] as number) >= 0x80) ascii = false;
    if (ascii) {
      let text = '';
      for (let i = start; i < end; i++) text += String.fromCharCode(bytes[i] as number);
      return text;
    }
  }
  if (runtime.TextDecoder !== undefined) {
    decoder ??= new runtime.TextDecoder();
    return decoder.decode(bytes.subarray(start, end));
  }
  let text = '';
  for (let i = start; i < end; ) {
    const b = bytes[i] as number;
    const size = b < 0x80 ? 1 : b >= 0xf0 && b < 0xf8 ? 4 : b >= 0xe0 ? 3 : b >= 0xc0 ? 2 : 0;
    let c = size === 1 ? b : size === 2 ? b & 31 : size === 3 ? b & 15 : b & 7;
    let ok = size > 0 && i + size <= end;
    for (let k = 1; ok && k < size; k++) {
      const next = bytes[i + k] as number;
      if ((next & 0xc0) !== 0x80) ok = false;
      else c = (c << 6) | (next & 63);
    }
    if (!ok) {
      text += '\ufffd';
      i++;
      continue;
    }
    text += String.fromCodePoint(c);
    i += size;
  }
  return text;
}
