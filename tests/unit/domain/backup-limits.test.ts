// The roster's limits and the backup's agree: a roster at its largest, every subscriber as long as the
// schema allows, exports to a file that imports, and every message on the way stays under what a
// message may carry. Computed from the costliest records, not by writing 200,000 of them.
import { describe, expect, it } from 'vitest';
import { MAX_BACKUP_BYTES, backupFilePieces, checkBackup, createBackup } from '@/lib/domain/backup';
import { JsonStreamParser } from '@/lib/domain/json-stream';
import { completeSteps } from '@/lib/domain/steps';
import { perkSchema, profileSchema, tierSchema, workspaceSchema } from '@/lib/domain/schema';
import { dailyStatSchema, statSnapshotSchema } from '@/lib/domain/stats';
import { BACKUP_PART, MAX_MESSAGE_BYTES } from '@/lib/protocol/schemas';
import { MAX_ROSTER_ROWS, subscriberSchema } from '@/lib/roster/schema';
import { graphemeCount } from '@/lib/domain/text';
import { profile, threeTiers } from './fixtures';
import {
  costliestHead,
  costliestStats,
  costliestSubscriber,
  costliestWorkspace,
  jsonBytes,
  longestId,
  subscriberBound,
} from './worst-case';

const MB = 1_048_576;
// These build tens of megabytes of JSON: a minute, sized for a busy machine.
const HEAVY = 60_000;

describe('the costliest records', () => {
  it('are accepted as they are', () => {
    const subscriber = costliestSubscriber();
    expect(subscriberSchema.safeParse(subscriber)).toEqual({ success: true, data: subscriber });
    expect(graphemeCount(subscriber.nickname!)).toBe(30);
    const ws = costliestWorkspace();
    expect(workspaceSchema.safeParse(ws)).toEqual({ success: true, data: ws });
    expect(profileSchema.safeParse(ws.profile).success).toBe(true);
    expect(tierSchema.safeParse(ws.tiers[0]).success).toBe(true);
    expect(perkSchema.safeParse(ws.perks[0]).success).toBe(true);
    const stats = costliestStats();
    expect(statSnapshotSchema.safeParse(stats.snapshots[0])).toEqual({ success: true, data: stats.snapshots[0] });
    expect(dailyStatSchema.safeParse(stats.daily[0])).toEqual({ success: true, data: stats.daily[0] });
  }, HEAVY);

  it('cost JSON six bytes a code unit of text, the most any character does', () => {
    expect(jsonBytes({ note: costliestSubscriber().note }) - jsonBytes({ note: '' })).toBe(6 * 500);
  });
});

describe('a full roster of the costliest subscribers', () => {
  it('makes a backup within MAX_BACKUP_BYTES, with the costliest workspace and numbers beside it', () => {
    const rest = jsonBytes({ ...costliestHead(), subscribers: [] });
    // Each subscriber, and the comma after it.
    const each = jsonBytes(subscriberBound()) + 1;
    const worst = rest + MAX_ROSTER_ROWS * each;
    expect(each).toBeGreaterThan(jsonBytes(costliestSubscriber()));
    expect(worst).toBeLessThanOrEqual(MAX_BACKUP_BYTES);
    // And not far above it: the limit is the largest file the page is ever asked to read (about 948 MB
    // of 1024 here; the workspace and numbers take 26 MB of it).
    expect(MAX_BACKUP_BYTES - worst).toBeLessThan(0.1 * MAX_BACKUP_BYTES);
    expect(rest).toBeLessThan(30 * MB);
  }, HEAVY);

  it('exports to a file that reads back, record for record', () => {
    const subscribers = Array.from({ length: 2_000 }, (_, i) => costliestSubscriber(i));
    const ws = threeTiers();
    ws.profile = { ...profile, handle: subscribers[0]!.creatorHandle };
    ws.tiers[0] = { ...ws.tiers[0]!, id: longestId('tier') };
    const head = createBackup(ws, new Date('2026-12-31T00:00:00Z'), '1.0.0', { snapshots: [], daily: [] });
    const parts = [subscribers.slice(0, 700), [], subscribers.slice(700)];
    const pieces = backupFilePieces(head, parts);
    const text = pieces.join('');
    expect(text).toBe(JSON.stringify({ ...head, subscribers }));
    const parser = new JsonStreamParser();
    for (let at = 0; at < text.length; at += 65_536) parser.push(text.slice(at, at + 65_536));
    const read = completeSteps(checkBackup(parser.end(), 'en-US'));
    expect(read.ok && read.value.subscribers).toEqual(subscribers);
  }, HEAVY);

  it('crosses to and from the background in messages within MAX_MESSAGE_BYTES', () => {
    const upload = crypto.randomUUID();
    const part = Array.from({ length: BACKUP_PART }, subscriberBound);
    const messages = {
      head: { type: 'backup.upload', upload, head: costliestHead(), subscribers: MAX_ROSTER_ROWS },
      part: { type: 'backup.uploadPart', upload, from: MAX_ROSTER_ROWS - BACKUP_PART, subscribers: part },
      // The export's first part carries the recorded numbers too.
      exported: { ok: true, data: { stats: costliestStats(), subscribers: part, total: MAX_ROSTER_ROWS, generation: Number.MAX_SAFE_INTEGER } },
    };
    for (const message of Object.values(messages)) expect(jsonBytes(message)).toBeLessThan(MAX_MESSAGE_BYTES);
  }, HEAVY);
});
