/**
 * Decimal numbers read straight from UTF-8 bytes: `[+-]digits[.digits][e[+-]digits]` (also `.5` and `5.`), the
 * grammar of the command-line tool's cells and of JSON numbers. Up to 15 significant digits and 22 fraction
 * digits the value is computed exactly (an integer below 2^53 divided by an exact power of ten rounds once, as
 * `Number()` does); longer numbers and exponents go through `Number()` on the decoded text, so every result is
 * the one `Number()` gives.
 * @internal
 * @module
 */

/** Exact powers of ten 10^0 … 10^22 (a literal: a table filled at module load would stay in every bundle). */
const POW10: readonly number[] = [
  1, 1e1, 1e2, 1e3, 1e4, 1e5, 1e6, 1e7, 1e8, 1e9, 1e10, 1e11, 1e12, 1e13, 1e14, 1e15, 1e16, 1e17, 1e18, 1e19, 1e20,
  1e21, 1e22,
];

/** Latin-1 (= ASCII here) text of `bytes[start, end)`, for the rare numbers `Number()` must read. */
function asciiText(bytes: Uint8Array, start: number, end: number): string {
  let text = '';
  for (let i = start; i < end; i++) text += String.fromCharCode(bytes[i] as number);
  return text;
}

/**
 * The number written in `bytes[start, end)` (see the module notes), or NaN when the text is not a decimal
 * number. The result may be ±Infinity for huge exponents (`1e999`), as with `Number()`.
 * @example
 * ```ts
 * import { parseNumberBytes } from './numberBytes.ts';
 *
 * const read = (text: string): number => parseNumberBytes(new TextEncoder().encode(text), 0, text.length);
 * [read('12.5'), read('-0.25'), read('+3'), read('.5'), read('1e3'), read('0.1')]; // => [12.5, -0.25, 3, 0.5, 1000, 0.1]
 * [read(''), read('1,5'), read('NaN'), read('1e'), read('-')]; // => [NaN, NaN, NaN, NaN, NaN]
 * ```
 */
export function parseNumberBytes(bytes: Uint8Array, start: number, end: number): number {
  let i = start;
  let b = bytes[i];
  const negative = b === 45;
  if (negative || b === 43) i++;
  let mantissa = 0;
  let digits = 0;
  let fractionDigits = 0;
  let any = false;
  while (i < end) {
    const d = (bytes[i] as number) - 48;
    if (d < 0 || d > 9) break;
    if (mantissa !== 0 || d !== 0) digits++;
    mantissa = mantissa * 10 + d;
    any = true;
    i++;
  }
  if (i < end && bytes[i] === 46) {
    i++;
    while (i < end) {
      const d = (bytes[i] as number) - 48;
      if (d < 0 || d > 9) break;
      if (mantissa !== 0 || d !== 0) digits++;
      mantissa = mantissa * 10 + d;
      fractionDigits++;
      any = true;
      i++;
    }
  }
  if (!any) return Number.NaN;
  if (i === end && digits <= 15 && fractionDigits <= 22) {
    const value = fractionDigits === 0 ? mantissa : mantissa / (POW10[fractionDigits] as number);
    return negative ? -value : value;
  }
  if (i < end) {
    b = bytes[i];
    if (b !== 101 && b !== 69) return Number.NaN;
    i++;
    b = bytes[i];
    if (i < end && (b === 43 || b === 45)) i++;
    const from = i;
    while (i < end && (bytes[i] as number) >= 48 && (bytes[i] as number) <= 57) i++;
    if (i === from || i !== end) return Number.NaN;
  }
  return Number(asciiText(bytes, start, end));
}
