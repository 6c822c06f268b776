import 'fake-indexeddb/auto';
import { afterEach, vi } from 'vitest';
import { cleanup, configure } from '@testing-library/preact';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { addMessages, setLanguage } from '@/lib/i18n';
import { eligibilityOptions } from '@/lib/i18n/ui-eligibility-options';
import { options } from '@/lib/i18n/ui-options';
import { rosterUi } from '@/lib/i18n/ui-roster';
import { packsUi } from '@/lib/i18n/ui-packs';
import { dataUi } from '@/lib/i18n/ui-data';
import { LazyProfileForm } from '@/components/profile/LazyProfileForm';
import { LazyTierEditor } from '@/components/tiers/LazyTierEditor';
import { InThreadWorker } from './helpers/in-thread-worker';

// waitFor and findBy* give up after 1 s by default: on a slow, busy machine a render of many rows can
// take longer. A hung wait still fails, later.
configure({ asyncUtilTimeout: 15_000 });

// The options page registers its strings at start; components under test may be either page's.
addMessages(options);
addMessages(eligibilityOptions);
addMessages(rosterUi);
addMessages(packsUi);
addMessages(dataUi);
// The Studio import reads files in a worker; here the same work runs in the test's thread.
vi.stubGlobal('Worker', InThreadWorker);
// The popup loads its editors on demand (the end-to-end tests cover that); here they are ready at once.
await Promise.all([LazyProfileForm.preload(), LazyTierEditor.preload()]);

afterEach(() => {
  cleanup();
  fakeBrowser.reset();
  setLanguage('en');
});
