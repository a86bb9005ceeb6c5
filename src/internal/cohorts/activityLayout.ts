/**
 * The activity bitset of a cohort build, shared by the passes that write it (`activityBits.ts`) and those that
 * read it (`cellLists.ts` for `buildCohorts`, `retentionCounts.ts` for `retentionMatrix`): one layout, one file.
 *
 * Bit b of slot c is bit b & 31 of word c·words + (b >>> 5) of `bits`: the slot was active in absolute period
 * base + b (calendar windows) or in window b since its start (rolling windows). No bit below a slot's start bit
 * is set, and a slot without a start has the start bit {@link NONE}.
 * @internal
 * @module
 */

/** Start bit of a slot without a start (no cohort): larger than any bit of the bitset. */
export const NONE = 0x7fffffff;

/** One cohort row before metrics: the period it starts, and which of its columns are observable / complete. */
export interface CohortRowInfo {
  /** Period number of the cohort (see the time kernel). */
  readonly key: number;
  readonly label: string;
  /** First instant of the cohort's period (epoch ms). */
  readonly start: number;
  /** Customers in the cohort. */
  readonly size: number;
  /** Number of observable columns (0 … columns − 1). */
  readonly columns: number;
  /** Columns 0 … completeColumns − 1 are complete (ended by the observation end). */
  readonly completeColumns: number;
}

/** Activity bitset and cohort rows of a build: what both outputs (CSR cells, retention counts) are read from. */
export interface CohortActivity {
  readonly observationEnd: number;
  readonly rolling: boolean;
  /** Dense slot of each event, or `null` on the direct path (slot = the integer customer id). */
  readonly of: Int32Array | null;
  readonly ids: (string | number)[];
  readonly slots: number;
  /** Words per slot in `bits` (0 when there is no activity). */
  readonly words: number;
  /** Bit b of slot c (word c·words + b/32): active in absolute period base + b (calendar) or window b (rolling). */
  readonly bits: Int32Array;
  /** Bit of each slot's start period (0 with rolling windows), NONE without a start; no lower bit is set. */
  readonly startBit: Int32Array;
  /** Start instant of each slot (not on the direct path, where it is empty). */
  readonly first: Float64Array;
  readonly base: number;
  readonly windowMs: number;
  readonly rows: CohortRowInfo[];
  readonly customerRow: Int32Array;
  readonly customerStart: Float64Array;
  /**
   * Retention counts already taken during the start-bit pass (see `count` of `cohortActivity` in `activityBits.ts`), or `null`:
   * the cohort starting at bit s has its columns at `counted[countedAt[s]]` onwards (rolling windows, counted
   * while marking: row r at `counted[countedAt[r]]`). When set, `startBit` and `customerRow` are not filled.
   */
  readonly counted: Int32Array | null;
  readonly countedAt: Int32Array | null;
}
