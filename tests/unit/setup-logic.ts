// Setup of every unit test: fake IndexedDB for Dexie, WXT's fake browser reset after each test, and
// every area's messages loaded in every language, English current.
import 'fake-indexeddb/auto';
import { afterEach } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { areas, languages, loadLanguage, setLanguage } from '@/lib/i18n';

// Code under test may be any page's, the background's or a worker's, in any language.
await Promise.all(languages.map((language) => loadLanguage(language, areas)));

afterEach(() => {
  fakeBrowser.reset();
  setLanguage('en');
});
