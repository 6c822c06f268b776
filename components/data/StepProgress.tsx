import { locale, t } from '@/lib/i18n';
import type { TransferProgress } from './backup-transfer';

const MB = 1_048_576;

/**
 * How far a long backup step is (reading, checking, sending, saving): a progress bar named after the
 * step, whose value a screen reader reads, and a polite status line that speaks at each tenth, not at
 * every change, so a listener hears the import advance without a flood.
 */
export function StepProgress({ progress }: { progress: TransferProgress }) {
  const { phase, done, total } = progress;
  const percent = total > 0 ? Math.min(100, Math.floor((done / total) * 100)) : 0;
  const number = new Intl.NumberFormat(locale(), { maximumFractionDigits: phase === 'reading' ? 1 : 0 });
  const amount = (value: number) => number.format(phase === 'reading' ? value / MB : value);
  const label = t(`options.data.progress.${phase}`);
  const key = phase === 'reading' ? 'options.data.progress.megabytes' : 'options.data.progress.subscribers';
  const valueText = total > 0 ? t(key, { percent, done: amount(done), total: amount(total) }) : label;
  const tenth = Math.floor(percent / 10) * 10;
  return (
    <div class="step-progress">
      <div
        class="step-bar"
        role="progressbar"
        aria-label={label}
        aria-valuemin={0}
        aria-valuemax={100}
        aria-valuenow={total > 0 ? percent : undefined}
        aria-valuetext={valueText}
      >
        <span style={{ width: `${percent}%` }} />
      </div>
      <p class="muted small" aria-hidden="true">
        {label} {total > 0 ? valueText : null}
      </p>
      <p class="visually-hidden" role="status">
        {total > 0 ? `${label} ${t('options.data.progress.percent', { percent: tenth })}` : label}
      </p>
    </div>
  );
}
