// Imports go one way through Tierkit's layers (tests/tools/layers.mjs, which CI also runs on its own
// to name each offending import): the project passes, and the check finds what it is there to find.
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { checkLayers, importCycles, importsOf, layerViolations, readModules, type Module } from '../../tools/layers.mjs';

const root = resolve(import.meta.dirname, '../../..');

const module = (path: string, local: string[] = [], packages: string[] = []): Module => ({ path, local, packages, unresolved: [] });
const graph = (...modules: Module[]) => new Map(modules.map((m) => [m.path, m]));

describe('the project', () => {
  it('reads every source and every import names a file', () => {
    const modules = readModules(root);
    expect(modules.size).toBeGreaterThan(150);
    expect([...modules.values()].filter((m) => m.unresolved.length).map((m) => [m.path, m.unresolved])).toEqual([]);
  });

  it('keeps its imports one way, with no cycle', () => {
    expect(checkLayers(root)).toEqual([]);
  });
});

describe('the layer check', () => {
  it('allows each layer what lies below it', () => {
    expect(
      layerViolations(
        graph(
          module('entrypoints/background.ts', ['lib/background/create-background.ts', 'lib/store/db.ts']),
          module('components/popup/PopupApp.tsx', ['lib/client/ask.ts', 'lib/protocol/schemas.ts', 'lib/i18n/index.ts', 'components/popup/popup.css']),
          module('lib/background/pages-handler.ts', ['lib/store/workspace-store.ts', 'lib/domain/backup.ts']),
          module('lib/page/features/comment-badges.ts', ['lib/page/feature.ts', 'lib/page/selectors.ts', 'lib/protocol/schemas.ts']),
          module('lib/page/features/index.ts', ['lib/page/features/comment-badges.ts']),
          module('lib/roster/csv.ts', ['lib/domain/schema.ts', 'lib/i18n/roster.ts'], ['papaparse', 'zod/mini']),
        ),
      ),
    ).toEqual([]);
  });

  it('names each import that goes the wrong way', () => {
    expect(
      layerViolations(
        graph(
          module('components/roster/RosterGrid.tsx', ['lib/store/db.ts', 'lib/page/selectors.ts', 'lib/background/senders.ts']),
          module('lib/background/context-menus.ts', ['lib/page/routes.ts', 'lib/client/ask.ts']),
          module('lib/page/features/comment-badges.ts', ['lib/page/features/feed-author-badges.ts']),
          module('lib/store/db.ts', ['lib/client/ask.ts']),
          module('lib/protocol/schemas.ts', ['lib/store/db.ts']),
          module('lib/domain/schema.ts', ['lib/protocol/schemas.ts'], ['dexie']),
          module('lib/i18n/index.ts', ['lib/domain/schema.ts']),
          module('lib/roster/csv.ts', ['components/save-file.ts']),
        ),
      ),
    ).toEqual([
      'components/roster/RosterGrid.tsx -> lib/store/db.ts: components may not import lib/store',
      'components/roster/RosterGrid.tsx -> lib/page/selectors.ts: components may not import lib/page',
      'components/roster/RosterGrid.tsx -> lib/background/senders.ts: components may not import lib/background',
      'lib/background/context-menus.ts -> lib/page/routes.ts: lib/background may not import lib/page',
      'lib/background/context-menus.ts -> lib/client/ask.ts: lib/background may not import lib/client',
      'lib/page/features/comment-badges.ts -> lib/page/features/feed-author-badges.ts: one page feature may not import another',
      'lib/store/db.ts -> lib/client/ask.ts: lib/store may not import lib/client',
      'lib/protocol/schemas.ts -> lib/store/db.ts: lib/protocol may not import lib/store',
      'lib/domain/schema.ts -> lib/protocol/schemas.ts: lib/domain may not import lib/protocol',
      'lib/domain/schema.ts -> dexie: lib/domain uses no browser, database or UI package',
      'lib/i18n/index.ts -> lib/domain/schema.ts: lib/i18n may not import lib/domain',
      'lib/roster/csv.ts -> components/save-file.ts: lib/roster may not import components',
    ]);
  });

  it('reads every form an import statement takes', () => {
    const source = [
      "import * as z from 'zod/mini';",
      "import type { Tier } from '../domain/schema';",
      'import {',
      '  a,',
      '  b,',
      "} from './two-lines';",
      "export { c } from '@/lib/three';",
      "import './styles.css';",
      "const lazy = () => import('./later');",
      "// import { not } from './a-comment';",
      " * import { not } from './a-doc-comment';",
      "const text = 'words from elsewhere';",
    ].join('\n');
    expect(importsOf(source).sort()).toEqual(['../domain/schema', './later', './styles.css', './two-lines', '@/lib/three', 'zod/mini']);
  });

  it('finds a cycle where there is one', () => {
    const edges = new Map([
      ['a', ['b']],
      ['b', ['c']],
      ['c', ['a', 'd']],
      ['d', []],
      ['e', ['e']],
    ]);
    expect(importCycles(edges)).toEqual([['a', 'b', 'c'], ['e']]);
  });
});
