import type { Area } from '@/lib/i18n';

/**
 * The message areas the popup shows from its first render. The editors' area comes with their code
 * (LazyProfileForm, LazyTierEditor); the bench counts these areas' chunks in the popup's budget.
 */
export const popupAreas = ['domain', 'popup'] as const satisfies readonly Area[];
