import 'fake-indexeddb/auto';
import { afterEach } from 'vitest';
import { cleanup } from '@testing-library/preact';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { setLanguage } from '@/lib/i18n';

afterEach(() => {
  cleanup();
  fakeBrowser.reset();
  setLanguage('en');
});
