import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vitest/config';
import PerformanceDoc from './performance-doc';

const root = fileURLToPath(new URL('../..', import.meta.url));

// The benchmark runs as one vitest file so it shares the e2e harness (TypeScript) without a loader.
// Its console output is the report, so it goes straight to the terminal; the figures each bench
// records go to docs/performance.md at the end of a full run (performance-doc.ts).
export default defineConfig({
  root,
  resolve: { alias: { '@': root } },
  test: {
    environment: 'node',
    include: ['tests/bench/**/*.test.ts', 'tests/bench/**/*.bench.ts'],
    testTimeout: 300_000,
    hookTimeout: 60_000,
    disableConsoleIntercept: true,
    reporters: ['default', new PerformanceDoc()],
  },
});
