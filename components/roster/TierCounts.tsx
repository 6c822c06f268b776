import type { Tier } from '@/lib/domain/schema';
import { t } from '@/lib/i18n';
import type { RosterStatus } from '@/lib/protocol/schemas';
import { BadgePreview } from '../tiers/BadgePreview';

/** Active and lapsed subscribers per tier, as the background counts them (ROSTER_KEY). */
export function TierCounts({ status, tiers }: { status: RosterStatus; tiers: readonly Tier[] }) {
  const known = new Set(tiers.map((tier) => tier.id));
  // Records whose tier was deleted still count, under one line of their own.
  const orphaned = Object.entries(status.counts)
    .filter(([tierId]) => !known.has(tierId))
    .reduce((sum, [, c]) => ({ active: sum.active + c.active, lapsed: sum.lapsed + c.lapsed }), { active: 0, lapsed: 0 });
  const line = (active: number, lapsed: number) =>
    `${t('roster.ui.counts.active', { count: active })} · ${t('roster.ui.counts.lapsed', { count: lapsed })}`;
  return (
    <div class="roster-counts">
      <h3 id="roster-counts-heading">{t('roster.ui.counts.heading', { count: status.total })}</h3>
      <ul aria-labelledby="roster-counts-heading">
        {tiers.map((tier) => {
          const c = status.counts[tier.id] ?? { active: 0, lapsed: 0 };
          return (
            <li key={tier.id}>
              <BadgePreview badge={tier.badge} />
              <strong>{tier.name}</strong>
              <span>{line(c.active, c.lapsed)}</span>
            </li>
          );
        })}
        {orphaned.active + orphaned.lapsed > 0 ? (
          <li>
            <strong>{t('roster.ui.tierGone')}</strong>
            <span>{line(orphaned.active, orphaned.lapsed)}</span>
          </li>
        ) : null}
      </ul>
    </div>
  );
}
