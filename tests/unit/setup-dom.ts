// Setup of the tests that render (components) or run page code (the content script's features): Testing
// Library, the Studio worker run in-thread and the lazy editors, on top of setup-logic.ts.
import { afterEach, vi } from 'vitest';
import { cleanup, configure } from '@testing-library/preact';
import { LazyProfileForm } from '@/components/profile/LazyProfileForm';
import { LazyTierEditor } from '@/components/tiers/LazyTierEditor';
import { InThreadWorker } from './helpers/in-thread-worker';

// waitFor and findBy* give up after 1 s by default: on a slow, busy machine a render of many rows can
// take longer. A hung wait still fails, later.
configure({ asyncUtilTimeout: 15_000 });

// The Studio import reads files in a worker; here the same work runs in the test's thread.
vi.stubGlobal('Worker', InThreadWorker);
// The popup loads its editors on demand (the end-to-end tests cover that); here they are ready at once.
await Promise.all([LazyProfileForm.preload(), LazyTierEditor.preload()]);

afterEach(() => {
  cleanup();
});
