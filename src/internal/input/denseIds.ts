/**
 * The dense-id rule, written once: when every customer id of a log is a small non-negative integer, the id
 * itself indexes a table (no `Map`, no hashing), which is what makes the event-log kernels fast on the usual
 * warehouse export (integer surrogate keys). A table indexed by id has one entry per possible id, used or
 * not, so "small" is relative to the number of rows: see {@link directIdLimit}.
 *
 * The event-log reader (`eventLog.ts`) finds the largest id once ({@link largestDirectId}, or the typed-column
 * scan); the kernels then index by id ({@link directIdLimit} `'state'`), or number customers densely in
 * first-seen order through a lookup table ({@link denseCustomers}, {@link CustomerSlots}, `'lookup'`), falling
 * back to a `Map` for other ids. Ids are validated (see `customerId.ts`) where they enter the `Map`: an id
 * that passes the integer test is valid by construction.
 * @internal
 * @module
 */
import { failCustomerId, isCustomerId } from './customerId.ts';

/**
 * What a table indexed by customer id holds, which sets how sparse the ids may be:
 * - `'lookup'`: a 4-byte slot number per possible id, read once per row to number customers densely
 *   ({@link denseCustomers}, {@link CustomerSlots}); the cohort kernel's bitset then has one row per customer;
 * - `'state'`: a kernel's per-customer state indexed by the id itself (the RFM passes keep 32 bytes or more per
 *   customer, and no lookup table at all).
 */
export type IdTable = 'lookup' | 'state';

/**
 * The one threshold rule: a table indexed directly by id is used when every id is an integer in
 * [0, `directIdLimit(rows, table)`), i.e. when its size (largest id + 1) stays within a fixed allowance per row:
 * - `'lookup'`: 4 entries per row + 1024, at most 2^28 — at most 16 bytes of table per input row (the row
 *   itself takes 12 or more in typed columns), so a table never dominates memory, and the fixed 1024 lets tiny
 *   logs with ids in the hundreds skip the `Map`;
 * - `'state'`: a quarter of the rows, but at least 2^16 = 65 536 — per-customer state is 32 bytes or more, so
 *   a quarter per row is the same order of memory (8+ bytes per row) as the lookup's 16; the floor of 65 536
 *   ids (2 MB of 32-byte records) keeps small logs of warehouse ids on the fast path.
 *
 * The two differ because the entries differ in size by 8× or more; each is the threshold its kernel was
 * measured with (issue 3 for cohorts, issue 4 for RFM), kept so that no input changes path.
 * @example
 * ```ts
 * import { directIdLimit } from './denseIds.ts';
 *
 * directIdLimit(1000, 'lookup'); // => 5024
 * directIdLimit(1000, 'state'); // => 65536
 * directIdLimit(1_000_000, 'lookup'); // => 4001024
 * directIdLimit(1_000_000, 'state'); // => 250000
 * ```
 */
export function directIdLimit(rows: number, table: IdTable): number {
  return table === 'lookup' ? Math.min(4 * rows + 1024, 268_435_456) : Math.max(65_536, rows >>> 2);
}

/** Ids below this may index some table: the larger of the two limits (scans stop at the first id beyond it). */
export function anyDirectIdLimit(rows: number): number {
  return Math.max(directIdLimit(rows, 'lookup'), directIdLimit(rows, 'state'));
}

/**
 * The largest of the first `n` customer ids when every one is an integer in [0, {@link anyDirectIdLimit}(n)),
 * else −1 (stopping at the first id that is not). `-0` counts as 0.
 * @example
 * ```ts
 * import { largestDirectId } from './denseIds.ts';
 *
 * largestDirectId([3, 0, 7], 3); // => 7
 * largestDirectId([3, 'a', 7], 3); // => -1
 * largestDirectId([3, 1.5], 2); // => -1
 * largestDirectId([3, 1e9], 2); // => -1
 * largestDirectId([], 0); // => -1
 * ```
 */
export function largestDirectId(customers: ArrayLike<unknown>, n: number): number {
  const limit = anyDirectIdLimit(n);
  let max = -1;
  for (let i = 0; i < n; i++) {
    const c = customers[i];
    if (typeof c !== 'number' || !(c >= 0 && c < limit) || (c | 0) !== c) return -1;
    if (c > max) max = c;
  }
  return max;
}

/**
 * `idMax` (the largest id, every id being a non-negative integer, or −1) when a table of `table` kind may be
 * indexed by it for `rows` rows, else −1.
 * @example
 * ```ts
 * import { directIdMax } from './denseIds.ts';
 *
 * directIdMax(70_000, 1000, 'state'); // => -1
 * directIdMax(60_000, 1000, 'state'); // => 60000
 * directIdMax(60_000, 1000, 'lookup'); // => -1
 * directIdMax(-1, 1000, 'lookup'); // => -1
 * ```
 */
export function directIdMax(idMax: number, rows: number, table: IdTable): number {
  return idMax >= 0 && idMax < directIdLimit(rows, table) ? idMax : -1;
}

/** A log's customer column as the dense-id passes need it. */
export interface CustomerColumn {
  readonly length: number;
  readonly customers: ArrayLike<unknown>;
  readonly rowInput: boolean;
  /** Argument name of the log in messages (`'events'`, `'transactions'`); default `'events'`. */
  readonly name?: string;
}

/**
 * Dense customer numbers in first-seen order (`of[i]` for row i, `ids[k]` the id of number k): through a
 * lookup table indexed by id when `smallMax` ≥ 0 (every id is an integer in [0, smallMax], see
 * {@link directIdLimit} `'lookup'`), else through a `Map`, validating each new id.
 * @example
 * ```ts
 * import { denseCustomers } from './denseIds.ts';
 *
 * denseCustomers('f', { length: 3, customers: [5, 2, 5], rowInput: false }, 5); // => { of: [0, 1, 0], ids: [5, 2] }
 * denseCustomers('f', { length: 3, customers: ['b', 'a', 'b'], rowInput: true }, -1); // => { of: [0, 1, 0], ids: ['b', 'a'] }
 * denseCustomers('f', { length: 2, customers: ['b', ''], rowInput: true, name: 'events' }, -1); // => throws TypeError: f: row 1: customer must be a non-empty string or a finite number, got ""
 * ```
 */
export function denseCustomers(
  fn: string,
  events: CustomerColumn,
  smallMax: number,
): { of: Int32Array; ids: (string | number)[] } {
  const { customers, length: n, rowInput } = events;
  const of = new Int32Array(n);
  const ids: (string | number)[] = [];
  if (smallMax >= 0 || n === 0) {
    const remap = new Int32Array(smallMax + 1).fill(-1);
    for (let i = 0; i < n; i++) {
      const v = customers[i] as number;
      let c = remap[v] as number;
      if (c < 0) {
        c = ids.length;
        remap[v] = c;
        ids.push(v + 0); // -0 → 0
      }
      of[i] = c;
    }
    return { of, ids };
  }
  const name = events.name ?? 'events';
  const map = new Map<unknown, number>();
  for (let i = 0; i < n; i++) {
    const v = customers[i];
    let c = map.get(v);
    if (c === undefined) {
      if (!isCustomerId(v)) failCustomerId(fn, v, i, rowInput, name);
      c = ids.length;
      map.set(v, c);
      ids.push(v === 0 ? 0 : v); // -0 and 0 are one customer
    }
    of[i] = c;
  }
  return { of, ids };
}

/**
 * Customer → dense slot, in first-seen order, one customer at a time (for passes that meet customers as they
 * go): integer ids in [0, {@link directIdLimit}(expectedRows, `'lookup'`)) through a lookup table grown as
 * needed, other ids through a `Map` after validation. `input` names the log in messages.
 * @example
 * ```ts
 * import { CustomerSlots } from './denseIds.ts';
 *
 * const slots = new CustomerSlots(4);
 * [slots.slotOf('f', 9, 0, true), slots.slotOf('f', 'ann', 1, true), slots.slotOf('f', 9, 2, true)]; // => [0, 1, 0]
 * slots.keys; // => [9, 'ann']
 * [slots.find('ann'), slots.find(3)]; // => [1, -1]
 * slots.slotOf('f', Number.NaN, 3, false); // => throws RangeError: f: customer[3] (NaN) must be a finite number
 * ```
 */
export class CustomerSlots {
  /** Customer identifier of each slot. */
  readonly keys: unknown[] = [];
  private dense: Int32Array;
  private readonly denseLimit: number;
  private readonly map = new Map<unknown, number>();
  private readonly input: string;

  constructor(expectedRows: number, input = 'transactions') {
    this.denseLimit = directIdLimit(expectedRows, 'lookup');
    this.dense = new Int32Array(Math.min(1024, this.denseLimit));
    this.input = input;
  }

  /** Slot of `customer`, allocating the next slot for a new customer; validates the identifier. */
  slotOf(fn: string, customer: unknown, i: number, rowInput: boolean): number {
    if (typeof customer === 'number' && customer >>> 0 === customer && customer < this.denseLimit) {
      let dense = this.dense;
      if (customer >= dense.length) {
        let size = dense.length;
        while (size <= customer) size *= 2;
        const grown = new Int32Array(Math.min(size, this.denseLimit));
        grown.set(dense);
        this.dense = dense = grown;
      }
      const s = dense[customer] as number;
      if (s !== 0) return s - 1;
      const slot = this.keys.length;
      this.keys.push(customer);
      dense[customer] = slot + 1;
      return slot;
    }
    if (!isCustomerId(customer)) failCustomerId(fn, customer, i, rowInput, this.input);
    const s = this.map.get(customer);
    if (s !== undefined) return s;
    const slot = this.keys.length;
    this.keys.push(customer);
    this.map.set(customer, slot);
    return slot;
  }

  /** Slot of a customer already seen, or -1. */
  find(customer: unknown): number {
    if (typeof customer === 'number' && customer >>> 0 === customer && customer < this.denseLimit) {
      return customer < this.dense.length ? (this.dense[customer] as number) - 1 : -1;
    }
    return this.map.get(customer) ?? -1;
  }
}
