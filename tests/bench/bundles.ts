// Gzipped size of what each part of the built extension loads: a page's entry script plus every chunk
// it imports statically and its messages in one language (what must arrive before the first render),
// what it loads on demand, the workers it starts, the page's CSS, the background, and the content
// scripts. Sizes are per file, gzip level 9, summed: each file is read on its own.
import { readdirSync, readFileSync } from 'node:fs';
import { dirname, join, posix } from 'node:path';
import { gzipSync } from 'node:zlib';
import { optionsAreas } from '../../components/options/message-areas';
import { popupAreas } from '../../components/popup/message-areas';

export const KB = 1024;

/** Hard limits in gzipped bytes; going over fails `npm run bench` and CI. */
export const budgets = { popupJs: 40 * KB, contentScript: 15 * KB } as const;

export interface Bundle {
  name: string;
  files: string[];
  rawBytes: number;
  gzipBytes: number;
  budgetBytes?: number;
}

function gzipSize(buffer: Buffer): number {
  return gzipSync(buffer, { level: 9 }).length;
}

// Minified ES modules: `import{a as b}from"./x.js"`, `export*from"./x.js"`, `import"./x.js"`.
const staticImport = /(?:\bfrom|\bimport)\s*["']([^"']+\.js)["']/g;

// `import("./x.js")`: code loaded when first needed (the editors), not before the first render.
const dynamicImport = /\bimport\(\s*["']([^"']+\.js)["']\s*\)/g;

// `new Worker("/assets/x.js", …)`: a worker the page starts when it needs it (the Studio import's).
const workerScript = /\bnew Worker\(\s*["']([^"']+\.js)["']/g;

/** Every chunk reachable from the files through the given kind of import; paths relative to the build dir. */
function reachable(dir: string, entries: string[], kind: RegExp): string[] {
  const seen = new Set<string>();
  const visit = (file: string) => {
    if (seen.has(file)) return;
    seen.add(file);
    const code = readFileSync(join(dir, file), 'utf8');
    for (const [, specifier] of code.matchAll(kind)) {
      if (specifier!.startsWith('.') || specifier!.startsWith('/')) {
        visit(specifier!.startsWith('/') ? specifier!.slice(1) : posix.join(dirname(file), specifier!));
      }
    }
  };
  entries.forEach(visit);
  return [...seen];
}

/** The file and every chunk it imports statically, transitively: what arrives before the first render. */
export function withStaticImports(dir: string, entry: string): string[] {
  return reachable(dir, [entry], staticImport);
}

/** The chunks the files load later with import(), and what those import: not in `files` already. */
function onDemand(dir: string, files: string[]): string[] {
  const loaded = new Set(files);
  const lazy = files.flatMap((file) =>
    [...readFileSync(join(dir, file), 'utf8').matchAll(dynamicImport)].map(([, specifier]) =>
      specifier!.startsWith('/') ? specifier!.slice(1) : posix.join(dirname(file), specifier!),
    ),
  );
  const all = new Set(lazy.flatMap((file) => withStaticImports(dir, file)));
  return [...all].filter((file) => !loaded.has(file));
}

/** The scripts of the workers the files start, with what those import. */
function workers(dir: string, files: string[]): string[] {
  const scripts = files.flatMap((file) =>
    [...readFileSync(join(dir, file), 'utf8').matchAll(workerScript)].map(([, specifier]) =>
      specifier!.startsWith('/') ? specifier!.slice(1) : posix.join(dirname(file), specifier!),
    ),
  );
  return [...new Set(scripts.flatMap((file) => withStaticImports(dir, file)))];
}

// chunks/messages-<language>-<area>-<hash>.js, named so by wxt.config.ts.
const messageChunk = /^messages-([a-z]+)-(.+)-[\w-]{8}\.js$/;

/**
 * The message chunks a page loads before its first render, in the language whose chunks weigh most
 * (gzipped): a budget must hold in every language.
 */
function startMessages(dir: string, areas: readonly string[]): string[] {
  const byLanguage = new Map<string, string[]>();
  for (const name of readdirSync(join(dir, 'chunks'))) {
    const [, language, area] = messageChunk.exec(name) ?? [];
    if (!language || !areas.includes(area!)) continue;
    byLanguage.set(language, [...(byLanguage.get(language) ?? []), `chunks/${name}`]);
  }
  const weight = (files: string[]) => files.reduce((sum, file) => sum + gzipSize(readFileSync(join(dir, file))), 0);
  return [...byLanguage.values()].reduce<string[]>((heaviest, files) => (weight(files) > weight(heaviest) ? files : heaviest), []);
}

const isMessageChunk = (file: string) => messageChunk.test(posix.basename(file));

/** The module scripts and stylesheets an HTML page of the build loads. */
function pageAssets(dir: string, html: string): { scripts: string[]; styles: string[] } {
  const text = readFileSync(join(dir, html), 'utf8');
  const local = (path: string) => path.replace(/^\//, '');
  const scripts = [...text.matchAll(/<script\b[^>]*\bsrc="([^"]+)"/g)].map(([, src]) => local(src!));
  const styles = [...text.matchAll(/<link\b[^>]*>/g)]
    .map(([tag]) => (/\brel="stylesheet"/.test(tag) ? /\bhref="([^"]+)"/.exec(tag)?.[1] : undefined))
    .filter((href): href is string => href !== undefined)
    .map(local);
  return { scripts, styles };
}

function bundle(dir: string, name: string, files: string[], budgetBytes?: number): Bundle {
  const buffers = files.map((file) => readFileSync(join(dir, file)));
  return {
    name,
    files,
    rawBytes: buffers.reduce((sum, b) => sum + b.length, 0),
    gzipBytes: buffers.reduce((sum, b) => sum + gzipSize(b), 0),
    budgetBytes,
  };
}

interface Manifest {
  background?: { service_worker?: string; scripts?: string[] };
  content_scripts?: { js?: string[] }[];
  action?: { default_popup?: string };
  options_ui?: { page?: string };
}

export function measureBundles(dir: string): { bundles: Bundle[]; contentScripts: number } {
  const manifest = JSON.parse(readFileSync(join(dir, 'manifest.json'), 'utf8')) as Manifest;
  const bundles: Bundle[] = [];
  const pages = [
    ['popup', manifest.action?.default_popup, budgets.popupJs, popupAreas],
    ['options', manifest.options_ui?.page, undefined, optionsAreas],
  ] as const;
  for (const [name, html, budget, areas] of pages) {
    if (!html) continue;
    const { scripts, styles } = pageAssets(dir, html);
    const code = [...new Set(scripts.flatMap((script) => withStaticImports(dir, script)))];
    // The page awaits its messages before its first render: they count with its entry.
    const js = [...code, ...startMessages(dir, areas)];
    bundles.push(bundle(dir, `${name} JS`, js, budget));
    // Every language's messages are import()s of every page; a page loads only its own language's.
    const later = onDemand(dir, js).filter((file) => !isMessageChunk(file));
    if (later.length) bundles.push(bundle(dir, `${name} JS on demand`, later));
    const started = workers(dir, [...js, ...later]);
    if (started.length) bundles.push(bundle(dir, `${name} worker`, started));
    bundles.push(bundle(dir, `${name} CSS`, styles));
  }
  const background = manifest.background?.service_worker
    ? [manifest.background.service_worker]
    : (manifest.background?.scripts ?? []);
  if (background.length) {
    bundles.push(bundle(dir, 'background', [...new Set(background.flatMap((file) => withStaticImports(dir, file)))]));
  }
  const contentJs = [...new Set((manifest.content_scripts ?? []).flatMap((script) => script.js ?? []))];
  for (const file of contentJs) bundles.push(bundle(dir, `content script ${file}`, [file], budgets.contentScript));
  return { bundles, contentScripts: contentJs.length };
}

export const formatKB = (bytes: number) => `${(bytes / KB).toFixed(1)} KB`;
