// The bench's reporter: at the end of a run it collects the figures every bench test recorded
// (results.ts) and writes them to test-results/bench-results.json, and, on a full run only, renders
// docs/performance.md from performance.template.md. A full run is every bench file of this directory,
// each of its tests having recorded its figures: a single file (CI's size budgets, a developer's run)
// or a bench that failed before recording leaves the document as it was, so it always shows one run on
// one machine.
import { execFileSync } from 'node:child_process';
import { mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { cpus, loadavg, release, totalmem, arch } from 'node:os';
import { join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Reporter, TestModule } from 'vitest/node';
import { formatNumber, formatValue, verdict, type Figure, type Section } from './results';

const benchDir = fileURLToPath(new URL('.', import.meta.url));
const root = join(benchDir, '../..');
const TEMPLATE = join(benchDir, 'performance.template.md');
const DOCUMENT = join(root, 'docs/performance.md');
const RESULTS = join(root, 'test-results/bench-results.json');

/** The files vitest.config.ts includes: a run that ran all of them is a full run. */
const benchFiles = () =>
  readdirSync(benchDir)
    .filter((name) => name.endsWith('.bench.ts') || name.endsWith('.test.ts'))
    .map((name) => `tests/bench/${name}`)
    .sort();

export interface Machine {
  cpu: string;
  cores: number;
  memoryGiB: number;
  os: string;
  node: string;
  chromium: string;
  /** 1-minute load average at the start and the end of the run: the machine may be shared. */
  load: [number, number];
}

function osName(): string {
  try {
    const pretty = /^PRETTY_NAME="?([^"\n]*)"?$/m.exec(readFileSync('/etc/os-release', 'utf8'))?.[1];
    return `${pretty ?? 'unknown'}, kernel ${release()} ${arch()}`;
  } catch {
    return `${process.platform} ${release()} ${arch()}`;
  }
}

function chromiumVersion(): string {
  try {
    const out = execFileSync(process.env.CHROMIUM_PATH ?? '/usr/bin/chromium', ['--version'], { encoding: 'utf8', timeout: 20_000, stdio: ['ignore', 'pipe', 'ignore'] });
    return out.trim().split('\n').at(-1) ?? 'unknown';
  } catch {
    return 'unknown';
  }
}

const escape = (text: string) => text.replaceAll('|', '\\|').replaceAll('\n', ' ');

function table(figures: Figure[]): string {
  const rows = figures.map((f) => {
    const baseline = f.baseline ? `${formatValue(f.baseline.value, f.baseline.unit)}: ${f.baseline.name}` : '';
    const ratio = f.ratio ?? (f.baseline && f.baseline.value > 0 ? f.value / f.baseline.value : undefined);
    const value = formatValue(f.value, f.unit) + (f.spread ? ` (${f.spread})` : '');
    return `| ${escape(f.name)} | ${escape(value)} | ${escape(baseline)} | ${ratio === undefined ? '' : formatNumber(ratio)} | ${escape(f.target?.text ?? '')} | ${verdict(f)} |`;
  });
  const notes = figures.map(
    (f) => `- **${f.name}**: ${f.measures}${f.baseline ? ` Baseline, ${f.baseline.name}: ${f.baseline.why}` : ''}`,
  );
  return [
    '| Figure | Value | Baseline (same run) | Ratio | Target | Result |',
    '| --- | ---: | --- | ---: | --- | --- |',
    ...rows,
    '',
    ...notes,
  ].join('\n');
}

export function render(figures: Figure[], machine: Machine, date: Date): string {
  const bySection = new Map<Section, Figure[]>();
  for (const figure of figures) bySection.set(figure.section, [...(bySection.get(figure.section) ?? []), figure]);
  const used = new Set<Section>();
  let text = readFileSync(TEMPLATE, 'utf8')
    .replaceAll('{{date}}', date.toISOString().slice(0, 16).replace('T', ' ') + ' UTC')
    .replaceAll(
      '{{machine}}',
      [
        `- CPU: ${machine.cpu}, ${machine.cores} cores`,
        `- Memory: ${machine.memoryGiB.toFixed(1)} GiB`,
        `- OS: ${machine.os}`,
        `- Node ${machine.node}; ${machine.chromium}, headless`,
        `- Load average (1 min) at the start and the end of the run: ${machine.load.map((l) => l.toFixed(2)).join(' and ')}`,
      ].join('\n'),
    )
    .replaceAll('{{summary}}', summary(figures))
    .replace(/\{\{figures:([a-z-]+)\}\}/g, (_, section: Section) => {
      used.add(section);
      const these = bySection.get(section);
      if (!these) throw new Error(`No figures for the section "${section}" of the template`);
      return table(these);
    });
  const left = [...bySection.keys()].filter((section) => !used.has(section));
  if (left.length) throw new Error(`The template has no place for the figures of: ${left.join(', ')}`);
  text = `<!-- Written by \`npm run bench\` (tests/bench/performance-doc.ts from tests/bench/performance.template.md): edit those, not this file. -->\n\n${text}`;
  return text;
}

function summary(figures: Figure[]): string {
  const count = (v: string) => figures.filter((f) => verdict(f) === v).length;
  const failed = figures.filter((f) => verdict(f) === 'fail').map((f) => f.name);
  return (
    `${figures.length} figures: ${count('pass')} meet their target, ${count('fail')} miss it, ${count('tracked')} are tracked without one.` +
    (failed.length ? ` Missed: ${failed.join('; ')}.` : '')
  );
}

export default class PerformanceDoc implements Reporter {
  private readonly started = new Date();
  private readonly loadAtStart = loadavg()[0]!;

  onTestRunEnd(testModules: ReadonlyArray<TestModule>): void {
    const figures: Figure[] = [];
    const missing: string[] = [];
    const ran = new Set<string>();
    for (const module of testModules) {
      const file = relative(root, module.moduleId);
      ran.add(file);
      for (const test of module.children.allTests()) {
        const recorded = test.meta().figures;
        if (recorded?.length) figures.push(...recorded);
        else missing.push(`${file}: ${test.name}`);
      }
    }
    const notRun = benchFiles().filter((file) => !ran.has(file));
    const machine: Machine = {
      cpu: cpus()[0]?.model.trim() ?? 'unknown',
      cores: cpus().length,
      memoryGiB: totalmem() / 2 ** 30,
      os: osName(),
      node: process.version,
      chromium: chromiumVersion(),
      load: [this.loadAtStart, loadavg()[0]!],
    };
    const full = notRun.length === 0 && missing.length === 0;
    mkdirSync(join(root, 'test-results'), { recursive: true });
    writeFileSync(RESULTS, JSON.stringify({ date: this.started.toISOString(), full, machine, figures }, null, 2));
    if (!full) {
      const why = [...notRun.map((file) => `${file} did not run`), ...missing.map((test) => `${test} recorded nothing`)];
      console.log(`\ndocs/performance.md left as it is (written only by a full run): ${why.join('; ')}. This run's figures: ${relative(root, RESULTS)}`);
      return;
    }
    writeFileSync(DOCUMENT, render(figures, machine, this.started));
    console.log(`\ndocs/performance.md written: ${summary(figures)}`);
  }
}
