/**
 * Freeing the readers' own buffers as soon as they are copied, where the runtime can detach a buffer.
 * @internal
 * @module
 */

/** The runtime's ways of detaching a buffer, when it has them (ES2024 `transfer`, HTML `structuredClone`). */
type Transfer = (this: ArrayBuffer, length: number) => ArrayBuffer;
type Clone = (value: unknown, options: { transfer: unknown[] }) => unknown;

/**
 * Detaches `buffer` (it, and every view of it, then has length 0) so that its memory is freed now instead of at
 * the next full collection: by `transfer(0)` where the runtime has it (the memory is freed at once); else by
 * `structuredClone` with a transfer, which moves the memory to a new, short-lived buffer — then a small
 * allocation follows, at which V8 collects the young generation when its buffers hold much memory, so the
 * memory is freed at once there too. Does nothing where neither exists. For buffers the library made and
 * nobody else holds.
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
    else if (typeof clone === 'function') {
      clone(buffer, { transfer: [buffer] });
      nudged += new ArrayBuffer(8).byteLength;
    }
  } catch {
    // not detachable (a SharedArrayBuffer, a buffer of WebAssembly memory): left to the collector
  }
}

/** Bytes of the allocations after a clone (summed so they are not optimised away). */
let nudged = 0;

/**
 * Bytes allocated by {@link letGo} after clones so far (for the tests: 0 where the runtime has `transfer`).
 * @example
 * ```ts
 * import { letGo, nudgedBytes } from './buffers.ts';
 *
 * const before = nudgedBytes();
 * letGo(new ArrayBuffer(16));
 * nudgedBytes() - before >= 0; // => true
 * ```
 */
export function nudgedBytes(): number {
  return nudged;
}
