// Tierkit's layers, and the reading of every import in the sources that checks them. Used by the CI
// script (tests/tools/check-layers.mjs), which names each offending import, and by the unit test of
// the check itself (tests/unit/architecture/imports.test.ts).
//
//   entrypoints
//     -> components | lib/background | lib/page
//     -> lib/client | lib/store
//     -> lib/protocol
//     -> lib/domain, lib/eligibility, lib/parsers, lib/roster, lib/packs
//     -> lib/i18n
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';

const DOMAIN = ['lib/domain', 'lib/eligibility', 'lib/parsers', 'lib/roster', 'lib/packs'];
const BELOW_PROTOCOL = [...DOMAIN, 'lib/i18n'];

/**
 * What each folder may import besides itself. The domain's folders are one layer and may use each
 * other; in the layers above, folders side by side do not (pages never open the database, the
 * background never runs page code).
 */
export const ALLOWED = {
  entrypoints: ['components', 'lib'],
  components: ['lib/client', 'lib/protocol', ...BELOW_PROTOCOL],
  'lib/background': ['lib/store', 'lib/protocol', ...BELOW_PROTOCOL],
  'lib/page': ['lib/protocol', ...BELOW_PROTOCOL],
  'lib/client': ['lib/protocol', ...BELOW_PROTOCOL],
  'lib/store': ['lib/protocol', ...BELOW_PROTOCOL],
  'lib/protocol': BELOW_PROTOCOL,
  ...Object.fromEntries(DOMAIN.map((folder) => [folder, BELOW_PROTOCOL])),
  'lib/i18n': [],
};

/** Packages that need a browser, a database or a UI: the layers below storage use none of them. */
const BROWSER_PACKAGES = /^(wxt|webextension-polyfill|dexie|preact|@preact)(\/|$)/;
const NO_BROWSER = ['lib/protocol', ...BELOW_PROTOCOL];

/** One page feature never imports another: what they share has its own module outside this folder. */
const FEATURES = 'lib/page/features';
const FEATURE_LIST = `${FEATURES}/index.ts`;

export const SOURCE_ROOTS = ['lib', 'components', 'entrypoints'];

// Statements begin a line; an import list may span lines. Comments (`//`, ` * `) do not begin with them.
const STATIC = /^\s*(?:import|export)\b[^;]*?\bfrom\s*['"]([^'"]+)['"]/gm;
const SIDE_EFFECT = /^\s*import\s*['"]([^'"]+)['"]/gm;
const DYNAMIC = /\bimport\(\s*['"]([^'"]+)['"]\s*\)/g;

/** Every module a source names: static, type-only, re-export, side-effect, and import() of a literal. */
export function importsOf(source) {
  return [STATIC, SIDE_EFFECT, DYNAMIC].flatMap((pattern) => [...source.matchAll(pattern)].map((match) => match[1]));
}

function sourceFiles(root, dir) {
  return readdirSync(join(root, dir)).flatMap((name) => {
    const path = `${dir}/${name}`;
    if (statSync(join(root, path)).isDirectory()) return sourceFiles(root, path);
    return /\.tsx?$/.test(name) && !name.endsWith('.d.ts') ? [path] : [];
  });
}

function resolveImport(root, from, specifier) {
  const bare = specifier.replace(/\?.*$/, '');
  const base = bare.startsWith('@/') ? bare.slice(2) : relative(root, resolve(root, dirname(from), bare));
  for (const candidate of [base, `${base}.ts`, `${base}.tsx`, `${base}/index.ts`]) {
    if (existsSync(join(root, candidate)) && statSync(join(root, candidate)).isFile()) return candidate;
  }
  return null;
}

/**
 * The project's modules with what each imports: `local` (paths from the root), `packages`, and
 * `unresolved` (project imports that name no file).
 */
export function readModules(root) {
  const modules = new Map();
  for (const path of SOURCE_ROOTS.flatMap((dir) => sourceFiles(root, dir))) {
    const module = { path, local: [], packages: [], unresolved: [] };
    for (const name of importsOf(readFileSync(join(root, path), 'utf8'))) {
      if (!name.startsWith('.') && !name.startsWith('@/')) module.packages.push(name);
      else {
        const target = resolveImport(root, path, name);
        if (target) module.local.push(target);
        else module.unresolved.push(name);
      }
    }
    modules.set(path, module);
  }
  return modules;
}

const within = (path, folder) => path.startsWith(`${folder}/`);

/** The folder of ALLOWED a path belongs to (the longest that holds it). */
export function layerOf(path) {
  return Object.keys(ALLOWED)
    .filter((folder) => within(path, folder))
    .sort((a, b) => b.length - a.length)[0];
}

/** Every import that breaks a rule, as "from -> to: why". */
export function layerViolations(modules) {
  const found = [];
  for (const m of modules.values()) {
    const layer = layerOf(m.path);
    for (const target of m.local) {
      if (!/\.tsx?$/.test(target)) continue; // styles and assets
      const to = layerOf(target);
      if (!layer || !to) found.push(`${m.path} -> ${target}: outside the layers`);
      else if (to !== layer && !ALLOWED[layer].some((folder) => to === folder || within(to, folder)))
        found.push(`${m.path} -> ${target}: ${layer} may not import ${to}`);
      else if (within(m.path, FEATURES) && within(target, FEATURES) && m.path !== FEATURE_LIST)
        found.push(`${m.path} -> ${target}: one page feature may not import another`);
    }
    if (layer && NO_BROWSER.includes(layer)) {
      for (const name of m.packages) if (BROWSER_PACKAGES.test(name)) found.push(`${m.path} -> ${name}: ${layer} uses no browser, database or UI package`);
    }
    for (const name of m.unresolved) found.push(`${m.path} -> ${name}: names no file`);
  }
  return found;
}

/** The import cycles (strongly connected sets of more than one module, or a module importing itself). */
export function importCycles(graph) {
  let next = 0;
  const index = new Map();
  const low = new Map();
  const stack = [];
  const onStack = new Set();
  const cycles = [];
  const visit = (v) => {
    index.set(v, next);
    low.set(v, next++);
    stack.push(v);
    onStack.add(v);
    for (const w of graph.get(v) ?? []) {
      if (!graph.has(w)) continue;
      if (!index.has(w)) {
        visit(w);
        low.set(v, Math.min(low.get(v), low.get(w)));
      } else if (onStack.has(w)) low.set(v, Math.min(low.get(v), index.get(w)));
    }
    if (low.get(v) === index.get(v)) {
      const set = [];
      let w;
      do {
        w = stack.pop();
        onStack.delete(w);
        set.push(w);
      } while (w !== v);
      if (set.length > 1 || graph.get(v).includes(v)) cycles.push(set.sort());
    }
  };
  for (const v of graph.keys()) if (!index.has(v)) visit(v);
  return cycles;
}

/** Everything wrong with the project's imports: rule violations, then cycles. */
export function checkLayers(root) {
  const modules = readModules(root);
  const cycles = importCycles(new Map([...modules.values()].map((m) => [m.path, m.local])));
  return [...layerViolations(modules), ...cycles.map((cycle) => `import cycle: ${cycle.join(' -> ')}`)];
}
