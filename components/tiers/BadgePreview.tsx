import type { Badge } from '@/lib/domain/schema';

/** CONTRACT (being written): the badge as fans will see it; `level` shows a tenure level. */
export function BadgePreview(_props: { badge: Badge; level?: number }) {
  return null;
}
