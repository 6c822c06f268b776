import 'fake-indexeddb/auto';
import { afterEach } from 'vitest';
import { cleanup } from '@testing-library/preact';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { addMessages, setLanguage } from '@/lib/i18n';
import { eligibilityOptions } from '@/lib/i18n/ui-eligibility-options';
import { options } from '@/lib/i18n/ui-options';

// The options page registers its strings at start; components under test may be either page's.
addMessages(options);
addMessages(eligibilityOptions);

afterEach(() => {
  cleanup();
  fakeBrowser.reset();
  setLanguage('en');
});
