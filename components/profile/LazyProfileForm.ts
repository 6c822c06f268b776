import { loadAreas } from '@/lib/i18n';
import { lazyComponent } from '../lazy';

/** The profile form, loaded when shown (with the editors' messages): the popup needs it only on first run. */
export const LazyProfileForm = lazyComponent(() =>
  Promise.all([import('./ProfileForm'), loadAreas(['editors'])]).then(([module]) => module.ProfileForm),
);
