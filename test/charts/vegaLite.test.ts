import * as vega from 'vega';
import * as vegaLite from 'vega-lite';
import { describe, expect, it } from 'vitest';
import {
  buildCohorts,
  cohortHeatmapSpec,
  cohortRevenue,
  cohortRevenueSpec,
  kaplanMeier,
  probabilityAliveMatrixSpec,
  retentionCurveSpec,
  retentionMatrix,
  survivalCurveSpec,
  type VegaLiteSpec,
} from '../../src/index.ts';

// The specs are compiled by the real Vega-Lite 5 compiler (any warning fails the test) and rendered to SVG
// by Vega, headless: what a notebook or vega-embed would draw.
async function render(spec: VegaLiteSpec): Promise<{ svg: string; warnings: string[] }> {
  const warnings: string[] = [];
  const logger = {
    level: () => logger,
    warn: (...args: unknown[]) => {
      warnings.push(args.map(String).join(' '));
      return logger;
    },
    info: () => logger,
    debug: () => logger,
    error: (...args: unknown[]) => {
      throw new Error(args.map(String).join(' '));
    },
  };
  const { spec: compiled } = vegaLite.compile(spec as unknown as vegaLite.TopLevelSpec, { logger: logger as never });
  const view = new vega.View(vega.parse(compiled), { renderer: 'none' });
  const svg = await view.toSVG();
  view.finalize();
  return { svg, warnings };
}

const count = (text: string, needle: string): number => text.split(needle).length - 1;

const events = [
  { user: 'a', at: '2024-01-01' },
  { user: 'a', at: '2024-01-02' },
  { user: 'b', at: '2024-01-01' },
  { user: 'b', at: '2024-01-03' },
  { user: 'c', at: '2024-01-02' },
  { user: 'c', at: '2024-01-04' },
];
const matrix = retentionMatrix(events, { customer: 'user', time: 'at', period: 'day' });

describe('Vega-Lite specs render with Vega-Lite 5 and Vega', () => {
  it('the uncertainty layers (curve band, significance outlines) compile without warnings', async () => {
    const withCi = retentionMatrix(events, { customer: 'user', time: 'at', period: 'day', confidenceLevel: 0.95 });
    const band = await render(retentionCurveSpec(withCi));
    expect(band.warnings).toEqual([]);
    expect(band.svg).toContain('<path');
    const marked = await render(cohortHeatmapSpec(withCi, { significance: true }));
    expect(marked.warnings).toEqual([]);
  });
  it('cohortHeatmapSpec: one rect and one label per cell', async () => {
    const spec = cohortHeatmapSpec(matrix);
    const cells = spec.data.values.length;
    const { svg, warnings } = await render(spec);
    expect(warnings).toEqual([]);
    expect(count(svg, 'role="graphics-symbol"')).toBeGreaterThanOrEqual(2 * cells);
    expect(svg).toContain('days since start');
  });

  it('retentionCurveSpec and survivalCurveSpec draw their lines', async () => {
    for (const spec of [
      retentionCurveSpec(matrix),
      survivalCurveSpec(kaplanMeier({ durations: [3, 5, 6, 7, 8, 10, 12, 12], events: [1, 0, 1, 1, 0, 1, 1, 0] })),
    ]) {
      const { svg, warnings } = await render(spec);
      expect(warnings).toEqual([]);
      expect(svg).toContain('<path');
    }
  });

  it('probabilityAliveMatrixSpec and cohortRevenueSpec render', async () => {
    const day = 86_400_000;
    const revenue = cohortRevenue(
      buildCohorts({ customer: [1, 1, 2], time: [0, day, 0], value: [10, 30, 20] }, { period: 'day' }),
    );
    for (const spec of [
      probabilityAliveMatrixSpec(
        { r: 0.243, alpha: 4.414, a: 0.793, b: 2.426 },
        { maxFrequency: 5, maxRecency: 10, T: 10 },
      ),
      cohortRevenueSpec(revenue),
    ]) {
      const { svg, warnings } = await render(spec);
      expect(warnings).toEqual([]);
      expect(svg.startsWith('<svg')).toBe(true);
    }
  });
});
