// `npm run bench`: the popup's first render with data against an empty popup, and the gzipped size
// of every bundle. It prints and records the numbers (docs/performance.md) and fails only when a size
// budget is exceeded: timings are reported, never asserted (they vary with the machine). CI runs this
// file alone for the budgets, which leaves docs/performance.md as it is (a partial run).
import { mkdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { extensionDir, launchExtension, type Extension } from '../e2e/harness';
import { budgets, formatKB, KB, measureBundles } from './bundles';
import { measureFirstRender, median } from './first-render';
import { range as spanOf, record, type Figure } from './results';

const ROUNDS = Number(process.env.BENCH_ROUNDS ?? 15);
const WARM_UPS = 2;

let extension: Extension;
beforeAll(async () => {
  extension = await launchExtension();
});
afterAll(async () => {
  await extension?.close();
});

/** What each bundle is, for a reader of docs/performance.md. */
const bundleNames: Record<string, string> = {
  'popup JS': 'popup JS before the first render (entry and its static imports)',
  'popup JS on demand': 'popup JS on demand (profile form, tier and perk editors)',
  'popup CSS': 'popup CSS',
  'options JS': 'options JS before the first render',
  'options JS on demand': 'options JS on demand',
  'options worker': 'options worker (Studio import, started when a file is chosen)',
  'options CSS': 'options CSS',
  background: 'background (service worker)',
};

const pad = (text: string, width: number) => text.padEnd(width);
const padLeft = (text: string, width: number) => text.padStart(width);

it('measures the popup first render and the bundle sizes', async ({ task }) => {
  const timings = await measureFirstRender(extension, ROUNDS, WARM_UPS);
  const empty = median(timings.empty);
  const data = median(timings.data);
  const range = (values: number[]) => `${Math.min(...values).toFixed(1)}-${Math.max(...values).toFixed(1)}`;

  const { bundles, contentScripts } = measureBundles(extensionDir);
  const over = bundles.filter((b) => b.budgetBytes !== undefined && b.gzipBytes > b.budgetBytes);

  const lines = [
    '',
    `Popup first render (ms from navigation start to 'tierkit:first-render', median of ${ROUNDS} after ${WARM_UPS} warm-ups)`,
    `  ${pad('case', 10)}${padLeft('median', 9)}${padLeft('min-max', 16)}`,
    `  ${pad('empty', 10)}${padLeft(empty.toFixed(1), 9)}${padLeft(range(timings.empty), 16)}`,
    `  ${pad('with data', 10)}${padLeft(data.toFixed(1), 9)}${padLeft(range(timings.data), 16)}`,
    `  ratio data/empty: ${(data / empty).toFixed(2)}`,
    '',
    'Bundles (gzip -9 per file, summed; KB = 1024 bytes)',
    `  ${pad('bundle', 16)}${padLeft('raw', 10)}${padLeft('gzip', 10)}${padLeft('budget', 10)}  files`,
    ...bundles.map(
      (b) =>
        `  ${pad(b.name, 16)}${padLeft(formatKB(b.rawBytes), 10)}${padLeft(formatKB(b.gzipBytes), 10)}` +
        `${padLeft(b.budgetBytes ? formatKB(b.budgetBytes) : '-', 10)}  ${b.files.join(' ')}` +
        (b.budgetBytes !== undefined && b.gzipBytes > b.budgetBytes ? '  OVER BUDGET' : ''),
    ),
    ...(contentScripts ? [] : [`  ${pad('content script', 16)}  none yet (budget ${formatKB(budgets.contentScript)})`]),
    '',
  ];
  console.log(lines.join('\n'));

  const firstRender = (which: 'empty' | 'data') => `median of ${ROUNDS} popup loads after ${WARM_UPS} warm-ups; ${spanOf(timings[which])}`;
  const figures: Figure[] = [
    {
      section: 'popup',
      name: 'Popup first render, with data',
      measures:
        "From navigation start to the `tierkit:first-render` mark (components/mount.tsx: the first render with the workspace), with a profile, six perks and three active tiers.",
      value: data,
      unit: 'ms',
      spread: firstRender('data'),
      baseline: {
        name: 'the same popup empty (a new install: onboarding)',
        value: empty,
        unit: 'ms',
        why: 'The same page, scripts and browser with nothing to show: what a first render costs before any of the workspace does. The two cases alternate in one browser, so drift hits both.',
      },
    },
    ...bundles.map(
      (b): Figure => ({
        section: 'budgets',
        name: bundleNames[b.name] ?? b.name,
        measures: `gzip -9 per file, summed (KB = 1024 bytes); ${formatKB(b.rawBytes)} raw in ${b.files.length} file(s).`,
        value: b.gzipBytes / KB,
        unit: 'KB',
        ...(b.budgetBytes !== undefined
          ? { target: { text: `≤ ${formatKB(b.budgetBytes)}`, met: b.gzipBytes <= b.budgetBytes } }
          : {}),
      }),
    ),
  ];
  record(task, figures);

  await mkdir('test-results', { recursive: true });
  await writeFile(
    join('test-results', 'bench.json'),
    JSON.stringify({ date: new Date().toISOString(), rounds: ROUNDS, timings, medians: { empty, data }, bundles }, null, 2),
  );

  expect(over.map((b) => `${b.name}: ${formatKB(b.gzipBytes)} > ${formatKB(b.budgetBytes!)}`)).toEqual([]);
});
