import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vitest/config';
import { WxtVitest } from 'wxt/testing/vitest-plugin';

// Unit tests: happy-dom for components, fake-indexeddb for Dexie, WXT's fakeBrowser for extension APIs.
export default defineConfig({
  root: fileURLToPath(new URL('..', import.meta.url)),
  plugins: [WxtVitest()],
  test: {
    environment: 'happy-dom',
    include: ['tests/unit/**/*.test.{ts,tsx}'],
    setupFiles: ['tests/unit/setup.ts'],
    globals: true,
    // Timeouts catch a hung test, not a slow one: CI machines can be twice as slow as this one and
    // busy. A test that builds large data says so with its own, larger timeout.
    testTimeout: 30_000,
    hookTimeout: 30_000,
  },
});
