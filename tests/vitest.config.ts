import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vitest/config';
import { WxtVitest } from 'wxt/testing/vitest-plugin';

// Tests that render or run page code need a DOM (happy-dom), Testing Library and the lazy editors, each
// file in its own module graph. The domain, storage and messaging tests need none of it: they run in
// Node with a lighter setup, sharing one module graph per worker (no file mocks a module or leaves a
// global changed, so none can see another's).
const dom = [
  'tests/unit/components/**/*.test.{ts,tsx}',
  'tests/unit/page/**/*.test.{ts,tsx}',
  // TikTok's pages read with DOMParser.
  'tests/unit/parsers/tiktok-profile.test.ts',
  'tests/unit/background/read-captured-page.test.ts',
  // Two pages' app state beside the background.
  'tests/unit/store/keyed-lists.test.ts',
  // Mocks modules (vi.mock), which a shared module graph would not apply.
  'tests/unit/parsers/studio-zip.test.ts',
];

const shared = {
  // Timeouts catch a hung test, not a slow one: CI machines can be twice as slow as this one and
  // busy. A test that builds large data says so with its own, larger timeout.
  testTimeout: 30_000,
  hookTimeout: 30_000,
  globals: true,
  // A spy left on a shared object goes with its test.
  restoreMocks: true,
};

export default defineConfig({
  root: fileURLToPath(new URL('..', import.meta.url)),
  plugins: [WxtVitest()],
  test: {
    // Vitest's default leaves one of two cores idle.
    maxWorkers: '100%',
    projects: [
      {
        extends: true,
        test: { ...shared, name: 'dom', environment: 'happy-dom', include: dom, setupFiles: ['tests/unit/setup-logic.ts', 'tests/unit/setup-dom.ts'] },
      },
      {
        extends: true,
        test: {
          ...shared,
          name: 'logic',
          environment: 'node',
          isolate: false,
          include: ['tests/unit/**/*.test.{ts,tsx}'],
          exclude: dom,
          setupFiles: ['tests/unit/setup-logic.ts'],
        },
      },
    ],
  },
});
