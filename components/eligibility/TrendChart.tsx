import { t } from '@/lib/i18n';
import { count, day } from './format';
import type { DailyValue } from './history';

const WIDTH = 600;
const HEIGHT = 180;
const PAD = { left: 8, right: 8, top: 12, bottom: 8 };

/** Path data with one "M" per run of consecutive days that have a figure: missing days stay gaps. */
export function gappedPath(series: readonly DailyValue[], x: (i: number) => number, y: (v: number) => number): string {
  let path = '';
  let drawing = false;
  series.forEach((point, i) => {
    if (point.value === null) {
      drawing = false;
      return;
    }
    path += `${drawing ? 'L' : 'M'}${x(i).toFixed(1)} ${y(point.value).toFixed(1)}`;
    drawing = true;
  });
  return path;
}

/**
 * One figure over time with its threshold as a dashed line. An image with a summary for screen
 * readers; the history table below is its full text alternative.
 */
export function TrendChart({ title, series, threshold }: { title: string; series: DailyValue[]; threshold: number | null }) {
  const known = series.filter((p) => p.value !== null) as { date: string; value: number }[];
  if (!known.length) return null;
  const top = Math.max(threshold ?? 0, ...known.map((p) => p.value)) * 1.1 || 1;
  const x = (i: number) => PAD.left + (series.length > 1 ? (i / (series.length - 1)) * (WIDTH - PAD.left - PAD.right) : (WIDTH - PAD.left - PAD.right) / 2);
  const y = (v: number) => HEIGHT - PAD.bottom - (v / top) * (HEIGHT - PAD.top - PAD.bottom);
  const missing = series.length - known.length;
  const first = known[0]!;
  const last = known[known.length - 1]!;
  const summary = [
    t('eligibilityOptions.chart.summary', {
      title,
      from: day(series[0]!.date),
      to: day(series[series.length - 1]!.date),
      first: count(first.value),
      last: count(last.value),
    }),
    threshold !== null ? t('eligibilityOptions.chart.threshold', { threshold: count(threshold) }) : '',
    missing ? t('eligibilityOptions.chart.missing', { count: missing }) : '',
  ]
    .filter(Boolean)
    .join(' ');
  // Days with a figure but no neighbour to join are drawn as dots, so they do not vanish.
  const lone = series
    .map((p, i) => ({ p, i }))
    .filter(({ p, i }) => p.value !== null && series[i - 1]?.value == null && series[i + 1]?.value == null);
  return (
    <figure class="elig-chart">
      <figcaption>
        <strong>{title}</strong>
        <span class="muted small">
          {' '}
          {day(series[0]!.date)} – {day(series[series.length - 1]!.date)}
        </span>
      </figcaption>
      <svg viewBox={`0 0 ${WIDTH} ${HEIGHT}`} role="img" aria-label={summary} preserveAspectRatio="none">
        <line class="elig-chart-axis" x1={PAD.left} x2={WIDTH - PAD.right} y1={y(0)} y2={y(0)} />
        {threshold !== null ? (
          <line class="elig-chart-threshold" x1={PAD.left} x2={WIDTH - PAD.right} y1={y(threshold)} y2={y(threshold)} />
        ) : null}
        <path class="elig-chart-series" d={gappedPath(series, x, y)} />
        {lone.map(({ p, i }) => (
          <circle key={p.date} class="elig-chart-dot" cx={x(i)} cy={y(p.value!)} r={3} />
        ))}
      </svg>
      <p class="muted small elig-chart-legend" aria-hidden="true">
        {t('eligibilityOptions.chart.legend', { top: count(Math.round(top)), threshold: threshold !== null ? count(threshold) : '—' })}
      </p>
    </figure>
  );
}
