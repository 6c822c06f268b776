// What the content script reports when a page feature's expected containers stop appearing (TikTok
// changed its markup), kept for the options page: one entry per feature, page kind and selector.
import type { Diagnostic } from '../protocol/schemas';

export interface DiagnosticReport {
  feature: string;
  page: string;
  selector: string;
  status: 'missing' | 'found';
}

/** Entries kept: a changed page can report every feature, and nothing more is worth a list. */
export const MAX_DIAGNOSTICS = 50;

/**
 * The list after a report. A miss is counted and timestamped; a find closes the feature's open miss
 * (and is not kept when there was none: a working page is not news).
 */
export function recordDiagnostic(list: readonly Diagnostic[], report: DiagnosticReport, now: number): Diagnostic[] {
  const same = (d: Diagnostic) => d.feature === report.feature && d.page === report.page && d.selector === report.selector;
  const existing = list.find(same);
  const others = list.filter((d) => !same(d));
  if (report.status === 'found') {
    return existing && existing.foundAt === null ? [...others, { ...existing, foundAt: now }] : [...list];
  }
  const entry: Diagnostic = {
    feature: report.feature,
    page: report.page,
    selector: report.selector,
    lastMissedAt: now,
    count: (existing?.count ?? 0) + 1,
    foundAt: null,
  };
  return [...others, entry].slice(-MAX_DIAGNOSTICS);
}
