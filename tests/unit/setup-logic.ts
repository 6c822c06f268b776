// Setup of every unit test: fake IndexedDB for Dexie, WXT's fake browser reset after each test, and
// the strings of both pages registered, in English.
import 'fake-indexeddb/auto';
import { afterEach } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { addMessages, setLanguage } from '@/lib/i18n';
import { eligibilityOptions } from '@/lib/i18n/ui-eligibility-options';
import { options } from '@/lib/i18n/ui-options';
import { rosterUi } from '@/lib/i18n/ui-roster';
import { packsUi } from '@/lib/i18n/ui-packs';
import { dataUi } from '@/lib/i18n/ui-data';

// The options page registers its strings at start; code under test may be either page's.
addMessages(options);
addMessages(eligibilityOptions);
addMessages(rosterUi);
addMessages(packsUi);
addMessages(dataUi);

afterEach(() => {
  fakeBrowser.reset();
  setLanguage('en');
});
