/**
 * Freeing the readers' own buffers as soon as they are copied, where the runtime can detach a buffer.
 * @internal
 * @module
 */

/** The runtime's ways of detaching a buffer, when it has them (ES2024 `transfer`, HTML `structuredClone`). */
type Transfer = (this: ArrayBuffer, length: number) => ArrayBuffer;
type Clone = (value: unknown, options: { transfer: unknown[] }) => unknown;

/**
 * Detaches `buffer` (it, and every view of it, then has length 0), so that its memory is freed now — or, where
 * only `structuredClone` detaches, at the next minor collection (the memory moves to a new, short-lived
 * buffer) — instead of at the next full collection. Does nothing where neither exists. For buffers the library
 * made and nobody else holds.
 * @example
 * ```ts
 * import { letGo } from './buffers.ts';
 *
 * const block = new Float64Array(1024);
 * letGo(block.buffer);
 * block.length; // => 0
 * ```
 */
export function letGo(buffer: ArrayBufferLike): void {
  if (buffer.byteLength === 0) return;
  const transfer = (buffer as { transfer?: Transfer }).transfer;
  const clone = (globalThis as { structuredClone?: Clone }).structuredClone;
  try {
    if (typeof transfer === 'function') transfer.call(buffer as ArrayBuffer, 0);
    else if (typeof clone === 'function') clone(buffer, { transfer: [buffer] });
  } catch {
    // not detachable (a SharedArrayBuffer, a buffer of WebAssembly memory): left to the collector
  }
}
