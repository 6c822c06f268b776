// Imports go one way: entrypoints wire components and lib; components use lib; lib's pure domain
// (schemas, rules, parsers, roster, packs, strings) uses no browser API and none of the storage,
// messaging or page code beside it; and no module reaches itself again through its imports, types
// included. Read from the sources: every import and re-export statement (static, type-only or
// side-effect) and every dynamic import() of a literal.
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';

const root = resolve(import.meta.dirname, '../../..');
const PURE = ['lib/domain', 'lib/eligibility', 'lib/parsers', 'lib/roster', 'lib/packs', 'lib/i18n'];
const IMPURE_LIB = ['lib/store', 'lib/client', 'lib/background', 'lib/protocol', 'lib/page'];
const BROWSER_PACKAGES = /^(wxt|webextension-polyfill|dexie|preact|@preact)(\/|$)/;

interface Module {
  /** Path from the repository's root. */
  path: string;
  /** Modules of the project it imports (paths from the root). */
  local: string[];
  /** Packages it imports. */
  packages: string[];
  /** Project imports that name no file. */
  unresolved: string[];
}

function sourceFiles(dir: string): string[] {
  return readdirSync(join(root, dir)).flatMap((name) => {
    const path = `${dir}/${name}`;
    if (statSync(join(root, path)).isDirectory()) return sourceFiles(path);
    return /\.tsx?$/.test(name) && !name.endsWith('.d.ts') ? [path] : [];
  });
}

function resolveImport(from: string, specifier: string): string | null {
  const bare = specifier.replace(/\?.*$/, '');
  const base = bare.startsWith('@/') ? bare.slice(2) : relative(root, resolve(root, dirname(from), bare));
  for (const candidate of [base, `${base}.ts`, `${base}.tsx`, `${base}/index.ts`]) {
    if (existsSync(join(root, candidate)) && statSync(join(root, candidate)).isFile()) return candidate;
  }
  return null;
}

// Statements begin a line; an import list may span lines. Comments (`//`, ` * `) do not begin with them.
const STATIC = /^\s*(?:import|export)\b[^;]*?\bfrom\s*['"]([^'"]+)['"]/gm;
const SIDE_EFFECT = /^\s*import\s*['"]([^'"]+)['"]/gm;
const DYNAMIC = /\bimport\(\s*['"]([^'"]+)['"]\s*\)/g;

function importsOf(source: string): string[] {
  return [STATIC, SIDE_EFFECT, DYNAMIC].flatMap((pattern) => [...source.matchAll(pattern)].map((match) => match[1]!));
}

function readModules(): Map<string, Module> {
  const modules = new Map<string, Module>();
  for (const path of ['lib', 'components', 'entrypoints'].flatMap(sourceFiles)) {
    const module: Module = { path, local: [], packages: [], unresolved: [] };
    for (const fileName of importsOf(readFileSync(join(root, path), 'utf8'))) {
      if (!fileName.startsWith('.') && !fileName.startsWith('@/')) module.packages.push(fileName);
      else {
        const target = resolveImport(path, fileName);
        if (target) module.local.push(target);
        else module.unresolved.push(fileName);
      }
    }
    modules.set(path, module);
  }
  return modules;
}

/** The import cycles (strongly connected sets of more than one module, or a module importing itself). */
function importCycles(graph: Map<string, string[]>): string[][] {
  let next = 0;
  const index = new Map<string, number>();
  const low = new Map<string, number>();
  const stack: string[] = [];
  const onStack = new Set<string>();
  const cycles: string[][] = [];
  const visit = (v: string) => {
    index.set(v, next);
    low.set(v, next++);
    stack.push(v);
    onStack.add(v);
    for (const w of graph.get(v) ?? []) {
      if (!graph.has(w)) continue;
      if (!index.has(w)) {
        visit(w);
        low.set(v, Math.min(low.get(v)!, low.get(w)!));
      } else if (onStack.has(w)) low.set(v, Math.min(low.get(v)!, index.get(w)!));
    }
    if (low.get(v) === index.get(v)) {
      const set: string[] = [];
      let w: string;
      do {
        w = stack.pop()!;
        onStack.delete(w);
        set.push(w);
      } while (w !== v);
      if (set.length > 1 || graph.get(v)!.includes(v)) cycles.push(set.sort());
    }
  };
  for (const v of graph.keys()) if (!index.has(v)) visit(v);
  return cycles;
}

const modules = readModules();
const inFolder = (path: string, folders: string[]) => folders.some((folder) => path.startsWith(`${folder}/`));

describe('imports', () => {
  it('are all read, each naming a file', () => {
    expect(modules.size).toBeGreaterThan(100);
    expect([...modules.values()].filter((m) => m.unresolved.length).map((m) => [m.path, m.unresolved])).toEqual([]);
  });

  it('go one way: lib uses only lib, components use no entrypoint', () => {
    const wrong = [...modules.values()].flatMap((m) =>
      m.local
        .filter((target) => (m.path.startsWith('lib/') && !target.startsWith('lib/')) || (m.path.startsWith('components/') && target.startsWith('entrypoints/')))
        .map((target) => `${m.path} -> ${target}`),
    );
    expect(wrong).toEqual([]);
  });

  it('keep the pure domain free of browser APIs, storage, messaging and page code', () => {
    const wrong = [...modules.values()]
      .filter((m) => inFolder(m.path, PURE))
      .flatMap((m) => [
        ...m.packages.filter((name) => BROWSER_PACKAGES.test(name)).map((name) => `${m.path} -> ${name}`),
        ...m.local.filter((target) => inFolder(target, IMPURE_LIB)).map((target) => `${m.path} -> ${target}`),
      ]);
    expect(wrong).toEqual([]);
  });

  it('form no cycle', () => {
    expect(importCycles(new Map([...modules.values()].map((m) => [m.path, m.local])))).toEqual([]);
  });

  it('are read from every form a statement takes (the reading itself)', () => {
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

  it('find a cycle where there is one (the check itself)', () => {
    const graph = new Map([
      ['a', ['b']],
      ['b', ['c']],
      ['c', ['a', 'd']],
      ['d', []],
      ['e', ['e']],
    ]);
    expect(importCycles(graph)).toEqual([['a', 'b', 'c'], ['e']]);
  });
});
