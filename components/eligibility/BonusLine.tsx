import { t } from '@/lib/i18n';
import { bonusLineSchema } from '@/lib/protocol/bonus-line';

/** The month's bonus in one line: met, on track, or at risk with its most urgent missing item (a whole count). */
export function BonusLine({ bonus }: { bonus: unknown }) {
  const parsed = bonusLineSchema.safeParse(bonus);
  if (!parsed.success) return null;
  const { status, urgent, conditions } = parsed.data;
  const item = urgent === null ? undefined : conditions[urgent];
  return (
    <p class={`elig-bonus ${status}`}>
      {status === 'at-risk' && item
        ? t(`bonus.risk.${item.kind}`, { count: item.missing })
        : t(status === 'met' ? 'bonus.met' : 'bonus.on-track')}
    </p>
  );
}
