// Entry of the scoring UDF bundle (src/internal/udfBundle.ts, written by scripts/build-udf.ts): the library's own
// BG/NBD and Gamma-Gamma functions, behind one `score` call, bundled into a single self-contained script that a
// BigQuery or Snowflake JavaScript UDF can carry (no imports, no Node or browser API).
import {
  bgNbdConditionalExpectedPurchases,
  bgNbdProbabilityAlive,
  type GammaGammaParams,
  modelClv,
  type ModelClvOptions,
} from '../src/index.ts';

/** The fitted parameters and settings the generated SQL embeds. */
export interface UdfConfig {
  readonly params: { readonly r: number; readonly alpha: number; readonly a: number; readonly b: number };
  /** Horizon of the expected purchases, in the model's unit. */
  readonly t: number;
  readonly spend: GammaGammaParams | null;
  readonly clv: ModelClvOptions | null;
}

type Input = number | null | undefined;

/** SQL NULL arrives as `null` (BigQuery) or `undefined` (Snowflake). */
const missing = (x: Input): x is null | undefined => x === null || x === undefined;

/** The scores of one customer; `null` for a NULL input (SQL NULL in, NULL out). */
export function score(
  config: UdfConfig,
  frequency: Input,
  recency: Input,
  T: Input,
  monetaryValue: Input,
): { p_alive: number; expected_purchases: number; clv: number | null } | null {
  if (missing(frequency) || missing(recency) || missing(T)) return null;
  const customer = { frequency, recency, T };
  const clv =
    config.spend === null || config.clv === null || missing(monetaryValue)
      ? null
      : modelClv({ model: 'bgNbd', params: config.params }, config.spend, { ...customer, monetaryValue }, config.clv);
  return {
    p_alive: bgNbdProbabilityAlive(config.params, customer),
    expected_purchases: bgNbdConditionalExpectedPurchases(config.params, config.t, customer),
    clv,
  };
}
