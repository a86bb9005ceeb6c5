/** One row of a chart's inline data: plain JSON values. */
export type ChartDatum = Readonly<Record<string, string | number | boolean | null>>;

/**
 * A Vega-Lite v5 specification as plain JSON: render it with `vega-embed`, in a Jupyter or Deno notebook
 * (MIME type `application/vnd.vegalite.v5+json`), in Observable, or save it and open it in the Vega editor.
 * Only `$schema`, `description` and the inline `data.values` are typed; the rest is Vega-Lite.
 */
export interface VegaLiteSpec {
  readonly $schema: string;
  readonly description: string;
  readonly data: { readonly values: readonly ChartDatum[] };
  readonly [key: string]: unknown;
}

/** The cohort rows a heatmap or curve reads; `retentionMatrix`, `cohortRetention` and `cohortChurn` results fit. */
export interface CohortMatrixCohort {
  /** Cohort label (the ISO date of its first day). */
  readonly label: string;
  /** Customers in the cohort. */
  readonly size: number;
  /** Customers counted per column (shown in tooltips when present). */
  readonly counts?: readonly number[];
  /** Share of the cohort per column, in [0, 1]. */
  readonly rates: readonly number[];
  /** Whether each column had fully ended by the observation end. */
  readonly complete: readonly boolean[];
  /**
   * Whether each cell can no longer change (`retentionMatrix`'s `final`; default `complete`). A complete cell
   * that is not final is an on-or-after lower bound: the heatmaps draw it distinctly.
   */
  readonly final?: readonly boolean[];
}

/** A cohort matrix as `retentionMatrix` returns it (only the fields the charts read). */
export interface CohortMatrix {
  /** Period kind of the columns (`'day'`, `'month'`, …), used in axis titles. */
  readonly period?: string;
  readonly cohorts: readonly CohortMatrixCohort[];
  /** Size-weighted average over complete cells per column; `null` where no cohort qualifies. */
  readonly average?: readonly (number | null)[];
  /** With bracket columns, the `[from, to]` periods of each column. */
  readonly brackets?: readonly (readonly [number, number])[] | null;
}

/** One named curve: values by column (period 0, 1, …); `null` values are gaps. */
export interface CurveSeries {
  readonly label: string;
  readonly values: readonly (number | null)[];
}
