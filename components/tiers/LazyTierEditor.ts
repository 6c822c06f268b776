import { lazyComponent } from '../lazy';

/** The tier editor (with the perk editor inside it), loaded when the creator first opens it. */
export const LazyTierEditor = lazyComponent(() => import('./TierEditor').then((module) => module.TierEditor));
