import { existsSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { chromium, type Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildReport } from '../../examples/report.ts';
import { root } from '../package/build.ts';

// The report of examples/report.ts, opened in a real headless Chromium (Debian's package, driven by
// playwright-core, which downloads no browser). .ci/run installs Chromium; without it this test fails.
const executablePath = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
let browser: Browser | undefined;
let file = '';

beforeAll(async () => {
  if (!existsSync(executablePath))
    throw new Error(
      `Chromium not found at ${executablePath}: install Debian's chromium package (bash .ci/run does) or set CHROMIUM_PATH`,
    );
  const html = buildReport(
    readFileSync(join(root, 'examples/data/orders.csv'), 'utf8'),
    readFileSync(join(root, 'examples/data/survey.csv'), 'utf8'),
  );
  file = join(mkdtempSync(join(tmpdir(), 'loyalty-metrics-report-')), 'report.html');
  writeFileSync(file, html);
  browser = await chromium.launch({ executablePath, args: ['--no-sandbox', '--disable-gpu'] });
}, 60_000);

afterAll(async () => {
  await browser?.close();
});

describe('examples/report.ts in Chromium', () => {
  it('loads with no console error, no page error and no network request', async () => {
    const page = await (browser as Browser).newPage({ viewport: { width: 1200, height: 900 } });
    const problems: string[] = [];
    page.on('console', (message) => {
      if (message.type() === 'error' || message.type() === 'warning')
        problems.push(`console ${message.type()}: ${message.text()}`);
    });
    page.on('pageerror', (error) => problems.push(`page error: ${error.message}`));
    page.on('request', (request) => {
      if (!request.url().startsWith('file:')) problems.push(`request: ${request.url()}`);
    });
    await page.goto(pathToFileURL(file).href, { waitUntil: 'load' });
    expect(await page.title()).toBe('Retention report: CDNOW sample');
    expect(await page.locator('svg').count()).toBe(3);
    expect(problems).toEqual([]);
    await page.close();
  }, 60_000);

  it('paints a non-blank heatmap: many distinct colours over a large share of its area', async () => {
    const page = await (browser as Browser).newPage({ viewport: { width: 1200, height: 900 }, deviceScaleFactor: 1 });
    await page.goto(pathToFileURL(file).href, { waitUntil: 'load' });
    const heatmap = page.locator('#heatmap svg');
    const box = await heatmap.boundingBox();
    expect(box?.width ?? 0).toBeGreaterThan(600);
    expect(box?.height ?? 0).toBeGreaterThan(120);
    // Rasterise the SVG as the browser renders it and measure its pixels.
    // (In-page code is a string: the test project has no DOM types.)
    const stats = (await page.evaluate(`(async () => {
      const svg = document.querySelector('#heatmap svg');
      const { width, height } = svg.getBoundingClientRect();
      const image = new Image();
      image.src = 'data:image/svg+xml;charset=utf-8,' + encodeURIComponent(new XMLSerializer().serializeToString(svg));
      await image.decode();
      const canvas = document.createElement('canvas');
      canvas.width = Math.round(width);
      canvas.height = Math.round(height);
      const context = canvas.getContext('2d');
      context.drawImage(image, 0, 0);
      const { data } = context.getImageData(0, 0, canvas.width, canvas.height);
      const colours = new Set();
      let inked = 0;
      for (let i = 0; i < data.length; i += 4) {
        const r = data[i], g = data[i + 1], b = data[i + 2];
        if (r < 240 || g < 240 || b < 240) inked++;
        colours.add((r << 16) | (g << 8) | b);
      }
      return { inked: inked / (data.length / 4), colours: colours.size };
    })()`)) as { inked: number; colours: number };
    expect(stats.inked).toBeGreaterThan(0.15);
    expect(stats.colours).toBeGreaterThan(20);
    // The cells carry their numbers as tooltips.
    expect(await page.locator('#heatmap svg title').first().textContent()).toBe(
      'cohort 1997-01-01 (781 customers), month 0: 100.0% (781 of 781)',
    );
    const shot = await heatmap.screenshot();
    expect(shot.length).toBeGreaterThan(10_000);
    writeFileSync(join(file, '..', 'cohort-heatmap.png'), shot);
    // `UPDATE_SCREENSHOTS=1 npx vitest run test/charts/report.browser.test.ts` refreshes the picture in the docs.
    if (process.env.UPDATE_SCREENSHOTS === '1') writeFileSync(join(root, 'docs/cohort-heatmap.png'), shot);
    await page.close();
  }, 60_000);
});
