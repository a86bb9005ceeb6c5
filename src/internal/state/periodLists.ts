/**
 * The core of the incremental states (`cohortState`, `rfmState`): a dictionary of customers, each with the
 * sorted list of the periods it was active in (absolute period numbers of the time kernel) and, for the RFM
 * state, the value sum of each (customer, period) cell as a canonical double-double pair. Customers are kept in
 * one canonical order (numbers ascending, then strings by UTF-16 code units), so that merging is a linear walk
 * over two sorted dictionaries and the merged state does not depend on the order of the parts.
 *
 * Encoded (JSON-safe) form: `customers` (the ids), `periodBase` (the smallest period) and `periods`, base64 of
 * unsigned LEB128 varints, per customer: the number of its periods, its first period − `periodBase`, then each
 * gap − 1 between successive periods; with values, `valueSums` (the rounded sum of every cell, in the order of
 * the cells) and `valueErrors` (pairs cell, rounding error, for the cells whose error is not 0).
 *
 * The lists come from the cohort kernel's passes (`../cohorts/activityBits.ts` marks a bit per customer and
 * period, `../cohorts/cellLists.ts` lists the bits and, for values, adds every event to its cell): one build of
 * the same kernel that `retentionMatrix` and `buildCohorts` run.
 * @internal
 * @module
 */
import type { CohortKernelResult } from '../cohorts/cellLists.ts';
import { isCustomerId } from '../input/customerId.ts';
import { addPairs } from '../sum.ts';
import { describeValue, rangeFail, typeFail } from '../validate.ts';
import { ByteWriter, fromBase64, toBase64 } from './codec.ts';

/** Customers (canonical order) and their periods in CSR form, with optional value pairs per cell. */
export interface PeriodLists {
  readonly ids: (string | number)[];
  /** Periods of customer c: `periods[offsets[c] … offsets[c + 1] − 1]`, strictly increasing. */
  readonly offsets: Int32Array;
  readonly periods: Int32Array;
  /** Cell i's value sum is `sums[2i] + sums[2i + 1]` (canonical pair), or `null` without values. */
  readonly sums: Float64Array | null;
}

/** The JSON-safe form of {@link PeriodLists}. */
export interface EncodedLists {
  readonly customers: (string | number)[];
  readonly periodBase: number;
  readonly periods: string;
  readonly valueSums: number[] | null;
  readonly valueErrors: number[] | null;
}

/**
 * The canonical order of customer ids: numbers ascending, then strings by UTF-16 code units.
 * @example
 * ```ts
 * import { compareIds } from './periodLists.ts';
 *
 * [10, 'b', 2, 'a', -1].sort(compareIds); // => [-1, 2, 10, 'a', 'b']
 * ```
 */
export function compareIds(a: string | number, b: string | number): number {
  if (typeof a === 'number') return typeof b === 'number' ? a - b : -1;
  if (typeof b === 'number') return 1;
  return a < b ? -1 : a > b ? 1 : 0;
}

/**
 * The lists of a cohort-kernel build (all events, calendar periods): per customer, its active periods
 * (cohort period + column) and, when the build kept totals with values, each cell's compensated sum as a
 * canonical pair; customers sorted canonically.
 * @example
 * ```ts
 * import { readCohortEvents, readCohortSettings, runCohortKernel } from '../cohortKernel.ts';
 * import { listsFromKernel } from './periodLists.ts';
 *
 * const settings = readCohortSettings('rfmState', { period: 'day' });
 * const events = readCohortEvents('rfmState', { customer: ['b', 'a', 'b'], time: [0, 86_400_000, 172_800_000], value: [0.1, 5, 0.2] }, {}, 'UTC', true);
 * const lists = listsFromKernel(runCohortKernel('rfmState', events, settings, true));
 * lists.ids; // => ['a', 'b']
 * [Array.from(lists.offsets), Array.from(lists.periods)]; // => [[0, 1, 3], [1, 0, 2]]
 * Array.from(lists.sums ?? []); // => [5, 0, 0.1, 0, 0.2, 0]
 * ```
 */
export function listsFromKernel(k: CohortKernelResult): PeriodLists {
  const { rows, ids: slotIds, customerRow, cellStart, cellColumn, cellSums } = k;
  const direct = slotIds.length === 0;
  const chosen: number[] = [];
  for (let c = 0; c < customerRow.length; c++) if ((customerRow[c] as number) >= 0) chosen.push(c);
  const idOf = (c: number): string | number => (direct ? c : (slotIds[c] as string | number));
  if (!direct) {
    let numeric = true;
    for (const c of chosen) if (typeof slotIds[c] !== 'number') numeric = false;
    if (numeric) chosen.sort((a, b) => (slotIds[a] as number) - (slotIds[b] as number));
    else chosen.sort((a, b) => compareIds(slotIds[a] as string | number, slotIds[b] as string | number));
  }
  const n = chosen.length;
  const ids = new Array<string | number>(n);
  const offsets = new Int32Array(n + 1);
  let cells = 0;
  for (let j = 0; j < n; j++) {
    const c = chosen[j] as number;
    ids[j] = idOf(c);
    cells += (cellStart[c + 1] as number) - (cellStart[c] as number);
    offsets[j + 1] = cells;
  }
  const periods = new Int32Array(cells);
  const sums = cellSums === null ? null : new Float64Array(2 * cells);
  for (let j = 0; j < n; j++) {
    const c = chosen[j] as number;
    const key = (rows[customerRow[c] as number] as { key: number }).key;
    const lo = cellStart[c] as number;
    const hi = cellStart[c + 1] as number;
    let at = offsets[j] as number;
    for (let i = lo; i < hi; i++, at++) {
      periods[at] = key + (cellColumn[i] as number);
      if (sums !== null && cellSums !== null)
        addPairs(cellSums[2 * i] as number, 0, cellSums[2 * i + 1] as number, 0, sums, 2 * at);
    }
  }
  return { ids, offsets, periods, sums };
}

/**
 * The JSON-safe form of lists.
 * @example
 * ```ts
 * import { decodeLists, encodeLists } from './periodLists.ts';
 *
 * const lists = { ids: ['a', 'b'], offsets: Int32Array.of(0, 1, 3), periods: Int32Array.of(19_725, 19_724, 19_726), sums: Float64Array.of(5, 0, 0.1, 0, 0.2, 1e-17) };
 * const encoded = encodeLists(lists);
 * encoded; // => { customers: ['a', 'b'], periodBase: 19724, periods: 'AQECAAE=', valueSums: [5, 0.1, 0.2], valueErrors: [2, 1e-17] }
 * decodeLists('mergeRfmStates', 'states[0]', encoded, true); // => { ids: ['a', 'b'], offsets: [0, 1, 3], periods: [19725, 19724, 19726] }
 * ```
 */
export function encodeLists(lists: PeriodLists): EncodedLists {
  const { ids, offsets, periods, sums } = lists;
  const n = ids.length;
  let base = 0;
  if (n > 0) {
    base = 0x7fffffff;
    for (let c = 0; c < n; c++) base = Math.min(base, periods[offsets[c] as number] as number);
  }
  const w = new ByteWriter();
  for (let c = 0; c < n; c++) {
    const lo = offsets[c] as number;
    const hi = offsets[c + 1] as number;
    w.varint(hi - lo);
    w.varint((periods[lo] as number) - base);
    for (let i = lo + 1; i < hi; i++) w.varint((periods[i] as number) - (periods[i - 1] as number) - 1);
  }
  let valueSums: number[] | null = null;
  let valueErrors: number[] | null = null;
  if (sums !== null) {
    const cells = periods.length;
    valueSums = new Array<number>(cells);
    valueErrors = [];
    for (let i = 0; i < cells; i++) {
      valueSums[i] = sums[2 * i] as number;
      const e = sums[2 * i + 1] as number;
      if (e !== 0) valueErrors.push(i, e);
    }
  }
  return { customers: ids.slice(), periodBase: base, periods: toBase64(w.result()), valueSums, valueErrors };
}

function corrupt(fn: string, name: string, what: string, value?: unknown): never {
  return rangeFail(fn, `${name}.${what} is not the field of a state made by this library`, {
    argument: `${name}.${what}`,
    value,
  });
}

/**
 * Reads and validates the lists of an encoded state (`name` is its argument path in messages).
 * @throws {TypeError} When a field has the wrong kind.
 * @throws {RangeError} When a field is not what this library writes (ids out of order or repeated, a corrupt
 *   period stream, value sums of another length or not canonical).
 */
export function decodeLists(
  fn: string,
  name: string,
  state: Readonly<Record<string, unknown>>,
  values: boolean,
): PeriodLists {
  const rawIds = state.customers;
  if (!Array.isArray(rawIds))
    typeFail(fn, `${name}.customers must be an array, got ${describeValue(rawIds)}`, {
      argument: `${name}.customers`,
      value: rawIds,
    });
  const n = rawIds.length;
  const ids = new Array<string | number>(n);
  for (let c = 0; c < n; c++) {
    const id: unknown = rawIds[c];
    if (!isCustomerId(id))
      typeFail(fn, `${name}.customers[${c}] must be a non-empty string or a finite number, got ${describeValue(id)}`, {
        argument: `${name}.customers[${c}]`,
        value: id,
      });
    ids[c] = id === 0 ? 0 : id;
    if (c > 0 && compareIds(ids[c - 1] as string | number, id) >= 0)
      rangeFail(fn, `${name}.customers[${c}] (${describeValue(id)}) must come after the previous id (sorted, unique)`, {
        argument: `${name}.customers[${c}]`,
        value: id,
      });
  }
  const base = state.periodBase;
  if (typeof base !== 'number')
    typeFail(fn, `${name}.periodBase must be a number, got ${describeValue(base)}`, {
      argument: `${name}.periodBase`,
      value: base,
    });
  if (!Number.isInteger(base) || Math.abs(base) > 0x3fffffff) corrupt(fn, name, 'periodBase', base);
  const text = state.periods;
  if (typeof text !== 'string')
    typeFail(fn, `${name}.periods must be a string, got ${describeValue(text)}`, {
      argument: `${name}.periods`,
      value: text,
    });
  const bytes = fromBase64(text);
  if (bytes === null) corrupt(fn, name, 'periods', text);
  const offsets = new Int32Array(n + 1);
  // Every period takes at least one byte, so the stream's length bounds the cells.
  let periods = new Int32Array(bytes.length);
  const cells = decodeStream(bytes, n, base, offsets, periods);
  if (cells < 0) corrupt(fn, name, 'periods', text);
  periods = periods.slice(0, cells);
  if (!values) return { ids, offsets, periods, sums: null };
  const rawSums = state.valueSums;
  const rawErrors = state.valueErrors;
  if (!Array.isArray(rawSums) || !Array.isArray(rawErrors))
    typeFail(fn, `${name}.valueSums and ${name}.valueErrors must be arrays, got ${describeValue(rawSums)}`, {
      argument: `${name}.valueSums`,
      value: rawSums,
    });
  if (rawSums.length !== cells) corrupt(fn, name, 'valueSums', rawSums);
  const sums = new Float64Array(2 * cells);
  for (let i = 0; i < cells; i++) {
    const v: unknown = rawSums[i];
    if (typeof v !== 'number' || !Number.isFinite(v)) corrupt(fn, name, `valueSums`, v);
    sums[2 * i] = v;
  }
  if (rawErrors.length % 2 !== 0) corrupt(fn, name, 'valueErrors', rawErrors);
  let previous = -1;
  for (let j = 0; j < rawErrors.length; j += 2) {
    const i: unknown = rawErrors[j];
    const e: unknown = rawErrors[j + 1];
    if (typeof i !== 'number' || !Number.isInteger(i) || i <= previous || i >= cells)
      corrupt(fn, name, 'valueErrors', i);
    if (typeof e !== 'number' || !Number.isFinite(e) || e === 0 || (sums[2 * i] as number) + e !== sums[2 * i])
      corrupt(fn, name, 'valueErrors', e);
    sums[2 * i + 1] = e;
    previous = i;
  }
  return { ids, offsets, periods, sums };
}

/**
 * Decodes the varint stream of `n` customers into `offsets` and `periods`; returns the number of cells, or −1
 * when the stream is not one this module writes (a varint cut short or over 31 bits, a customer without
 * periods, a period beyond ±2^30, bytes left over).
 */
function decodeStream(bytes: Uint8Array, n: number, base: number, offsets: Int32Array, periods: Int32Array): number {
  const end = bytes.length;
  let at = 0;
  let cells = 0;
  for (let c = 0; c < n; c++) {
    let count = -1;
    let p = base;
    for (let i = 0; count < 0 || i < count; i++) {
      let v = 0;
      let shift = 0;
      let b = 128;
      while (b >= 128) {
        if (at >= end || shift > 28) return -1;
        b = bytes[at++] as number;
        v += (b & 127) * 2 ** shift;
        shift += 7;
      }
      if (v > 0x7fffffff) return -1;
      if (count < 0) {
        if (v < 1 || cells + v > periods.length) return -1;
        count = v;
        i = -1;
        continue;
      }
      p += i === 0 ? v : v + 1;
      if (p > 0x3fffffff) return -1;
      periods[cells++] = p;
    }
    offsets[c + 1] = cells;
  }
  return at === end ? cells : -1;
}

/**
 * Union of two lists: every customer of either, each with the union of its periods; the value pairs of a
 * period both have are added ({@link addPairs}). Symmetric: `mergeLists(a, b)` and `mergeLists(b, a)` are
 * equal to the bit.
 * @example
 * ```ts
 * import { mergeLists } from './periodLists.ts';
 *
 * const a = { ids: [1, 'x'], offsets: Int32Array.of(0, 2, 3), periods: Int32Array.of(5, 7, 6), sums: null };
 * const b = { ids: [1, 2], offsets: Int32Array.of(0, 2, 3), periods: Int32Array.of(6, 7, 9), sums: null };
 * const m = mergeLists(a, b);
 * [m.ids, Array.from(m.offsets), Array.from(m.periods)]; // => [[1, 2, 'x'], [0, 3, 4, 5], [5, 6, 7, 9, 6]]
 * ```
 */
export function mergeLists(a: PeriodLists, b: PeriodLists): PeriodLists {
  const na = a.ids.length;
  const nb = b.ids.length;
  const ids: (string | number)[] = [];
  const offsets = new Int32Array(na + nb + 1);
  const periods = new Int32Array(a.periods.length + b.periods.length);
  const withSums = a.sums !== null && b.sums !== null;
  const sums = withSums ? new Float64Array(2 * periods.length) : null;
  const as = a.sums ?? new Float64Array(0);
  const bs = b.sums ?? new Float64Array(0);
  let i = 0;
  let j = 0;
  let cells = 0;
  const copy = (from: PeriodLists, src: Float64Array, c: number): void => {
    const lo = from.offsets[c] as number;
    const hi = from.offsets[c + 1] as number;
    const fp = from.periods;
    for (let x = lo; x < hi; x++) periods[cells + x - lo] = fp[x] as number;
    if (sums !== null) for (let x = 2 * lo; x < 2 * hi; x++) sums[2 * cells + x - 2 * lo] = src[x] as number;
    cells += hi - lo;
  };
  while (i < na || j < nb) {
    const order = i === na ? 1 : j === nb ? -1 : compareIds(a.ids[i] as string | number, b.ids[j] as string | number);
    if (order < 0) {
      ids.push(a.ids[i] as string | number);
      copy(a, as, i++);
    } else if (order > 0) {
      ids.push(b.ids[j] as string | number);
      copy(b, bs, j++);
    } else {
      ids.push(a.ids[i] as string | number);
      cells = unionInto(a, as, i++, b, bs, j++, periods, sums, cells);
    }
    offsets[ids.length] = cells;
  }
  return {
    ids,
    offsets: offsets.slice(0, ids.length + 1),
    periods: periods.slice(0, cells),
    sums: sums === null ? null : sums.slice(0, 2 * cells),
  };
}

/** Union of customer ca of a and cb of b, written from cell `at`; returns the next free cell. */
function unionInto(
  a: PeriodLists,
  as: Float64Array,
  ca: number,
  b: PeriodLists,
  bs: Float64Array,
  cb: number,
  periods: Int32Array,
  sums: Float64Array | null,
  at: number,
): number {
  let x = a.offsets[ca] as number;
  const xe = a.offsets[ca + 1] as number;
  let y = b.offsets[cb] as number;
  const ye = b.offsets[cb + 1] as number;
  const ap = a.periods;
  const bp = b.periods;
  while (x < xe || y < ye) {
    const p = x < xe ? (ap[x] as number) : 0x7fffffff;
    const q = y < ye ? (bp[y] as number) : 0x7fffffff;
    if (p < q) {
      periods[at] = p;
      if (sums !== null) {
        sums[2 * at] = as[2 * x] as number;
        sums[2 * at + 1] = as[2 * x + 1] as number;
      }
      x++;
    } else if (q < p) {
      periods[at] = q;
      if (sums !== null) {
        sums[2 * at] = bs[2 * y] as number;
        sums[2 * at + 1] = bs[2 * y + 1] as number;
      }
      y++;
    } else {
      periods[at] = p;
      if (sums !== null)
        addPairs(
          as[2 * x] as number,
          as[2 * x + 1] as number,
          bs[2 * y] as number,
          bs[2 * y + 1] as number,
          sums,
          2 * at,
        );
      x++;
      y++;
    }
    at++;
  }
  return at;
}
