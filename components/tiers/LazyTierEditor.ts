import { loadAreas } from '@/lib/i18n';
import { lazyComponent } from '../lazy';

/** The tier editor (with the perk editor inside it) and the editors' messages, loaded when the creator first opens it. */
export const LazyTierEditor = lazyComponent(() =>
  Promise.all([import('./TierEditor'), loadAreas(['editors'])]).then(([module]) => module.TierEditor),
);
