import { lazyComponent } from '../lazy';

/** The profile form, loaded when shown: the popup needs it only on first run. */
export const LazyProfileForm = lazyComponent(() => import('./ProfileForm').then((module) => module.ProfileForm));
