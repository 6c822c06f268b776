// What a bench measured, as docs/performance.md shows it. A bench test attaches its figures to its own
// task (vitest's task meta), which reaches the reporter in the main process (performance-doc.ts): no
// file is shared between the workers, so a figure cannot come from another run.
import type { RunnerTask } from 'vitest';

/** The parts of docs/performance.md, in the order the template names them. */
export type Section =
  | 'budgets'
  | 'popup'
  | 'badges-batches'
  | 'badges-page'
  | 'badges-bounds'
  | 'badges-more'
  | 'lookup'
  | 'cold'
  | 'table'
  | 'eligibility'
  | 'studio'
  | 'backup';

export interface Figure {
  section: Section;
  /** Its name in the table. */
  name: string;
  /** What it measures, in a sentence or two. */
  measures: string;
  value: number;
  /** 'ms', 'µs', 's', 'KB', 'MB', 'frames', 'rows', 'badges', ... */
  unit: string;
  /** How the value was taken and how far it spread: "median of 7; 42.5-57.4". */
  spread?: string;
  /** Measured in the same run, on the same machine, alternating with the figure. */
  baseline?: {
    name: string;
    value: number;
    unit: string;
    /** Why nothing that does the figure's job could be faster: what makes it the floor. */
    why: string;
  };
  /** value / baseline, unless the figure says otherwise (a ratio of medians of paired rounds). */
  ratio?: number;
  /**
   * A requirement the figure is judged against. Only size budgets fail `npm run bench`; a timing
   * target is judged in the document, never asserted, because the machine's speed varies.
   */
  target?: { text: string; met: boolean };
}

export type Verdict = 'pass' | 'fail' | 'tracked';

export const verdict = (figure: Figure): Verdict => (figure.target ? (figure.target.met ? 'pass' : 'fail') : 'tracked');

declare module 'vitest' {
  interface TaskMeta {
    figures?: Figure[];
  }
}

/** Attaches the figures to the running test; call it before any assertion that could fail the test. */
export function record(task: RunnerTask, figures: Figure[]): void {
  task.meta.figures = [...(task.meta.figures ?? []), ...figures];
}

/** Digits by size, so 0.35 ms, 12.4 ms and 1,016 ms all read at a glance. */
export function formatNumber(value: number): string {
  const abs = Math.abs(value);
  const digits = abs === 0 || Number.isInteger(value) ? 0 : abs >= 100 ? 0 : abs >= 10 ? 1 : 2;
  return value.toLocaleString('en', { minimumFractionDigits: digits, maximumFractionDigits: digits });
}

export const formatValue = (value: number, unit: string) =>
  unit === '%' || !unit ? `${formatNumber(value)}${unit}` : `${formatNumber(value)} ${unit}`;

/** "min-max" of a series, for a figure's spread. */
export function range(values: number[]): string {
  return `${formatNumber(Math.min(...values))}-${formatNumber(Math.max(...values))}`;
}
