// `npm run bench`: importing a backup of 200,000 subscribers (54 MB of compact JSON, as Tierkit writes
// it) in the built extension, as a person does it in the options page: choose the file (it is read and
// checked, with progress), press Import (it is sent, checked again and saved in one transaction, with
// progress), until "Imported.". Against a floor measured in the same run, in the service worker: only
// JSON.parse of the same text and one Dexie bulkPut of its subscribers into an empty table of the same
// shape. Rounds alternate, so drift in the machine's speed falls on both. Prints the medians and their
// ratio (target at most 3) and records them; timings are never asserted, only that the roster arrived whole.
import { readFile, rm, writeFile } from 'node:fs/promises';
import { createServer, type Server } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { createBackup } from '@/lib/domain/backup';
import { emptyWorkspace } from '@/lib/domain/defaults';
import type { Tier } from '@/lib/domain/schema';
import type { Subscriber } from '@/lib/roster/schema';
import { launchExtension, sendCommand, type Extension } from '../e2e/harness';
import { median } from './first-render';
import { record } from './results';

const SUBSCRIBERS = 200_000;
// Each round takes tens of seconds on a busy machine: three of each, after one of each to warm up.
const ROUNDS = 3;
const MINUTES = 60_000;

declare const chrome: { runtime: { sendMessage(message: unknown): Promise<any> } };

/** A creator's backup with a roster like a real one: every fourth subscriber has a note. */
function backupText(): string {
  const ws = emptyWorkspace();
  ws.profile = { handle: 'mara.sings', displayName: 'Mara Sings', market: 'IT', currency: 'EUR', age: { kind: 'confirmed-adult' }, updatedAt: 1_767_000_000_000 };
  const gold: Tier = {
    id: 'tier-gold',
    name: 'Gold',
    priceMinor: 499,
    currency: 'EUR',
    description: '',
    perkIds: [],
    includesLowerTiers: false,
    badge: { label: 'GLD', color: '#ffcc00' },
    tenureSteps: [1, 3, 6],
    position: 0,
    status: 'active',
    createdAt: 1_767_000_000_000,
    updatedAt: 1_767_000_000_000,
  };
  ws.tiers = [gold];
  const hex = (n: number, width: number) => n.toString(16).padStart(width, '0');
  const subscribers: Subscriber[] = Array.from({ length: SUBSCRIBERS }, (_, i) => ({
    id: `${hex(i * 2654435761 % 4294967296, 8)}-${hex(i % 65536, 4)}-4${hex(i % 4096, 3)}-a${hex(i % 4096, 3)}-${hex(i, 12)}`,
    creatorHandle: 'mara.sings',
    handle: `fan_${i}`,
    nickname: `Fan ${i}`,
    tierId: 'tier-gold',
    since: `202${i % 6}-0${1 + (i % 9)}-1${i % 10}`,
    status: i % 10 === 0 ? 'lapsed' : 'active',
    note: i % 4 === 0 ? 'Met at the Milan meetup, likes the cooking lives' : '',
    source: 'csv',
    createdAt: 1_767_000_000_000 + i,
    updatedAt: 1_767_000_000_000 + i,
  }));
  return JSON.stringify(createBackup(ws, new Date('2026-12-01T10:00:00Z'), '0.1.0', { snapshots: [], daily: [] }, subscribers));
}

let extension: Extension;
let server: Server;
const file = join(tmpdir(), `tierkit-bench-backup-${process.pid}.json`);
beforeAll(async () => {
  extension = await launchExtension();
});
afterAll(async () => {
  await extension?.close();
  server?.close();
  await rm(file, { force: true });
});

/** The floor, in the service worker: JSON.parse of the text, and one bulkPut of its subscribers. */
async function floor(): Promise<{ parse: number; put: number }> {
  return extension.serviceWorker.evaluate(async () => {
    const { Dexie, benchText } = globalThis as unknown as { Dexie: any; benchText: string };
    await Dexie.delete('tierkit-bench-floor');
    const db = new Dexie('tierkit-bench-floor');
    // The shape of Tierkit's own table (lib/store/db.ts).
    db.version(1).stores({ subscribers: 'id, creatorHandle' });
    await db.open();
    const start = performance.now();
    const backup = JSON.parse(benchText);
    const parsed = performance.now();
    await db.subscribers.bulkPut(backup.subscribers);
    const put = performance.now();
    db.close();
    await Dexie.delete('tierkit-bench-floor');
    return { parse: parsed - start, put: put - parsed };
  });
}

/** Tierkit, through the options page: choosing the file until its preview, then Import until done. */
async function tierkit(options: Page): Promise<{ preview: number; importing: number }> {
  await sendCommand(options, { type: 'workspace.wipe' });
  await options.reload();
  const input = options.getByLabel('Backup file');
  await input.waitFor();
  const start = performance.now();
  await input.setInputFiles(file);
  // Import is enabled once the file has been read and checked, and its preview shown.
  await options.waitForFunction(() => [...document.querySelectorAll('button')].some((b) => b.textContent === 'Import' && !b.disabled), undefined, {
    timeout: 10 * MINUTES,
  });
  const previewed = performance.now();
  expect(await options.locator('.import-preview').innerText()).toMatch(/200,?000 subscribers on the roster/);
  await options.getByRole('button', { name: 'Import', exact: true }).click();
  await options.getByText(/^Imported\./).or(options.getByText('Nothing was imported:')).waitFor({ timeout: 20 * MINUTES });
  const imported = performance.now();
  if (await options.getByText('Nothing was imported:').isVisible()) throw new Error(await options.locator('.problems').innerText());
  return { preview: previewed - start, importing: imported - previewed };
}

it(`imports a backup of ${SUBSCRIBERS.toLocaleString('en')} subscribers, against JSON.parse and one bulkPut`, async ({ task }) => {
  const text = backupText();
  await writeFile(file, text);
  // The service worker fetches the text for the floor from here (untimed).
  server = createServer((_, response) => {
    response.writeHead(200, { 'content-type': 'application/json', 'access-control-allow-origin': '*' });
    response.end(text);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as { port: number };
  await extension.serviceWorker.evaluate(await readFile(join(import.meta.dirname, '../../node_modules/dexie/dist/dexie.js'), 'utf8'));
  await extension.serviceWorker.evaluate(async (url) => {
    (globalThis as unknown as { benchText: string }).benchText = await (await fetch(url)).text();
  }, `http://127.0.0.1:${port}/`);

  const options = await extension.openOptions();
  await options.goto(`chrome-extension://${extension.id}/options.html#data`);
  const floors: { parse: number; put: number }[] = [];
  const runs: { preview: number; importing: number }[] = [];
  for (let round = 0; round <= ROUNDS; round++) {
    const f = await floor();
    const r = await tierkit(options);
    console.log(
      `  round ${round}${round === 0 ? ' (warm-up)' : ''}: floor ${(f.parse + f.put).toFixed(0)} ms (parse ${f.parse.toFixed(0)}, bulkPut ${f.put.toFixed(0)}); ` +
        `Tierkit ${(r.preview + r.importing).toFixed(0)} ms (file to preview ${r.preview.toFixed(0)}, Import to done ${r.importing.toFixed(0)})`,
    );
    if (round > 0) {
      floors.push(f);
      runs.push(r);
    }
  }
  // The whole roster arrived, and the roster's state says so.
  const total = await options.evaluate(async () => {
    const answer = await chrome.runtime.sendMessage({ type: 'roster.query', search: '', sort: 'handle', descending: false, offset: 0, limit: 1 });
    return answer.data.total;
  });
  expect(total).toBe(SUBSCRIBERS);

  const floorMs = median(floors.map((f) => f.parse + f.put));
  const tierkitMs = median(runs.map((r) => r.preview + r.importing));
  const ratios = runs.map((r, i) => (r.preview + r.importing) / (floors[i]!.parse + floors[i]!.put));
  console.log(
    [
      '',
      `Backup import, ${SUBSCRIBERS.toLocaleString('en')} subscribers (${(Buffer.byteLength(text) / 1_048_576).toFixed(1)} MB), median of ${ROUNDS} rounds`,
      `  floor (JSON.parse ${median(floors.map((f) => f.parse)).toFixed(0)} ms + one bulkPut ${median(floors.map((f) => f.put)).toFixed(0)} ms)  ${floorMs.toFixed(0)} ms`,
      `  Tierkit (file chosen to preview ${median(runs.map((r) => r.preview)).toFixed(0)} ms + Import to done ${median(runs.map((r) => r.importing)).toFixed(0)} ms)  ${tierkitMs.toFixed(0)} ms`,
      `  ratio Tierkit/floor: ${(tierkitMs / floorMs).toFixed(2)}; per round ${ratios.map((x) => x.toFixed(2)).join(', ')} (target at most 3)`,
      '',
    ].join('\n'),
  );
  const seconds = (ms: number) => ms / 1000;
  record(task, [
    {
      section: 'backup',
      name: `Import a backup of ${SUBSCRIBERS.toLocaleString('en')} subscribers in the options page`,
      measures: `A backup of ${(Buffer.byteLength(text) / 1_048_576).toFixed(1)} MB (compact JSON as Tierkit writes it, every fourth subscriber with a note), from choosing the file to "Imported.": read as a stream and checked, with progress (${seconds(median(runs.map((r) => r.preview))).toFixed(1)} s), then sent in parts, checked again and saved in one transaction, with progress (${seconds(median(runs.map((r) => r.importing))).toFixed(1)} s). Ratios per round: ${ratios.map((x) => x.toFixed(2)).join(', ')}.`,
      value: seconds(tierkitMs),
      unit: 's',
      spread: `median of ${ROUNDS} rounds after a warm-up`,
      baseline: {
        name: `JSON.parse (${seconds(median(floors.map((f) => f.parse))).toFixed(2)} s) and one Dexie bulkPut (${seconds(median(floors.map((f) => f.put))).toFixed(1)} s) in the service worker`,
        value: seconds(floorMs),
        unit: 's',
        why: 'Any import has to parse the text and write every subscriber to IndexedDB; one parse and one bulkPut into an empty table of the same shape, with nothing checked and no progress, is the least that costs. Almost all of both is IndexedDB writing the records. Floor and import alternate, round by round.',
      },
      target: { text: 'ratio ≤ 3', met: tierkitMs / floorMs <= 3 },
    },
  ]);
}, 120 * MINUTES);
