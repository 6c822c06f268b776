import type { Badge } from '@/lib/domain/schema';
import { readableTextOn } from '@/lib/domain/contrast';
import { t } from '@/lib/i18n';
import './tiers.css';

/** The badge as fans will see it; `level` shows a tenure level. */
export function BadgePreview({ badge, level }: { badge: Badge; level?: number }) {
  const name = level
    ? t('badge.previewLevel', { label: badge.label, level })
    : t('badge.preview', { label: badge.label });
  return (
    <span
      class="badge-preview"
      role="img"
      aria-label={name}
      style={{ background: badge.color, color: readableTextOn(badge.color) }}
    >
      {badge.emoji ? <span>{badge.emoji}</span> : null}
      <span>{badge.label}</span>
      {level ? <span class="badge-level">{level}</span> : null}
    </span>
  );
}
