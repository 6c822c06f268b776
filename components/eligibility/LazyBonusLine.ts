import { loadAreas } from '@/lib/i18n';
import { lazyComponent } from '../lazy';

/** The bonus line, loaded with its messages when there is a bonus to show: the popup's budget is nearly spent. */
export const LazyBonusLine = lazyComponent(() =>
  Promise.all([import('./BonusLine'), loadAreas(['bonus-line'])]).then(([module]) => module.BonusLine),
);
