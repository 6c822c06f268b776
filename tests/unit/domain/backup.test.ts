import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import {
  BACKUP_VERSION,
  CHECK_BATCH,
  MAX_BACKUP_BYTES,
  backupFileName,
  backupFilePieces,
  backupSizeProblem,
  checkBackup,
  createBackup,
  mergeWorkspaces,
  readBackup,
  utf8Length,
} from '@/lib/domain/backup';
import { completeSteps } from '@/lib/domain/steps';
import type { Subscriber } from '@/lib/roster/schema';
import { emptyWorkspace } from '@/lib/domain/defaults';
import type { Workspace } from '@/lib/domain/schema';
import { setLanguage } from '@/lib/i18n';
import { NOW, perk, profile, threeTiers, tier, workspace } from './fixtures';

const exportedAt = new Date('2025-03-04T05:06:07.000Z');
const backupText = (ws: Workspace = threeTiers()) => JSON.stringify(createBackup(ws, exportedAt, '1.0.0'));
const edit = (change: (json: any) => void, ws: Workspace = threeTiers()) => {
  const json = JSON.parse(backupText(ws));
  change(json);
  return JSON.stringify(json);
};
const problemsOf = (text: string) => {
  const result = readBackup(text, 'en-US');
  return result.ok ? [] : result.problems.map((p) => [p.path.join('.'), p.message]);
};

describe('createBackup and readBackup', () => {
  it('round-trips a workspace exactly', () => {
    const ws = threeTiers();
    const result = readBackup(backupText(ws), 'en-US');
    expect(result).toEqual({
      ok: true,
      value: { format: 'tierkit-backup', version: BACKUP_VERSION, exportedAt: '2025-03-04T05:06:07.000Z', appVersion: '1.0.0', data: ws },
    });
  });

  it('names the file after the export date', () => {
    expect(backupFileName(exportedAt)).toBe('tierkit-backup-2025-03-04.json');
  });

  it('keeps markup in names as text through the round trip', () => {
    const hostile = '<img src=x onerror=alert(1)>';
    const ws = threeTiers();
    ws.tiers[0] = { ...ws.tiers[0]!, name: hostile, description: '<script>alert(1)</script>' };
    ws.perks[0] = { ...ws.perks[0]!, title: '"><svg onload=alert(1)>' };
    const result = readBackup(backupText(ws), 'en-US');
    expect(result.ok && result.value.data.tiers[0]!.name).toBe(hostile);
    expect(result.ok && result.value.data.perks[0]!.title).toBe('"><svg onload=alert(1)>');
  });

  it('tolerates a byte-order mark and unknown extra fields', () => {
    const text = edit((json) => {
      json.comment = 'made by hand';
      json.data.tiers[0].futureField = 42;
    });
    const result = readBackup(`\uFEFF${text}`, 'en-US');
    expect(result.ok).toBe(true);
    expect(result.ok && result.value.data.tiers[0]).not.toHaveProperty('futureField');
  });

  it('refuses text that is not JSON, saying so', () => {
    const [[path, message]] = problemsOf('{"format": "tierkit-backup",') as [[string, string]];
    expect(path).toBe('');
    expect(message).toMatch(/^The file is not valid JSON \(.+\)$/);
  });

  it.each([
    ['another format', edit((json) => (json.format = 'other-app'))],
    ['no format', edit((json) => delete json.format)],
    ['a JSON array', '[]'],
    ['JSON null', 'null'],
    ['a JSON string', '"tierkit-backup"'],
  ])('refuses %s as not a backup', (_, text) => {
    expect(problemsOf(text)).toEqual([['format', 'This is not a Tierkit backup (its "format" is not "tierkit-backup")']]);
  });

  it('refuses a newer version, naming it', () => {
    expect(problemsOf(edit((json) => (json.version = 3)))).toEqual([
      ['version', 'This backup was made by a newer Tierkit (format version 3); this one reads version 2'],
    ]);
    setLanguage('it');
    expect(problemsOf(edit((json) => (json.version = 7)))[0]?.[1]).toContain('versione del formato 7');
  });

  it('reads a version 1 backup, made before eligibility existed, with the default eligibility rules', () => {
    const v1 = edit((json) => {
      json.version = 1;
      delete json.data.eligibilityProfiles;
      delete json.data.bonusConditions;
      delete json.data.settings.eligibilityProfileId;
      delete json.data.settings.notifications;
    });
    const read = readBackup(v1, 'en-US');
    expect(read.ok && read.value.data.eligibilityProfiles.map((p) => p.id)).toEqual(['tiktok-subscription', 'live-subscription-2022']);
    expect(read.ok && read.value.data.settings).toMatchObject({ eligibilityProfileId: 'tiktok-subscription', notifications: true });
  });

  it('refuses a missing or malformed version', () => {
    expect(problemsOf(edit((json) => delete json.version))).toEqual([['version', 'Must be one of: 1, 2']]);
    expect(problemsOf(edit((json) => (json.version = '1')))).toEqual([['version', 'Must be one of: 1, 2']]);
    expect(problemsOf(edit((json) => (json.version = 0)))).toEqual([['version', 'Must be one of: 1, 2']]);
  });

  it('lists every missing field with its path', () => {
    const text = edit((json) => {
      delete json.data.tiers[0].name;
      delete json.data.perks[2].roleName;
      delete json.data.settings;
      json.exportedAt = 'yesterday';
    });
    expect(problemsOf(text)).toEqual(
      expect.arrayContaining([
        ['exportedAt', 'Not valid'],
        ['data.tiers.0.name', 'Required'],
        ['data.perks.2.roleName', 'Required'],
        ['data.settings', 'Required'],
      ]),
    );
    expect(problemsOf(text)).toHaveLength(4);
  });

  it('refuses what is over the size limit, in megabytes', () => {
    expect(backupSizeProblem(MAX_BACKUP_BYTES)).toBeUndefined();
    expect(backupSizeProblem(MAX_BACKUP_BYTES + 1)?.message).toBe('The file is 1024.0 MB; a Tierkit backup is at most 1024 MB');
    setLanguage('it');
    expect(backupSizeProblem(2 * MAX_BACKUP_BYTES)?.message).toBe('Il file pesa 2048.0 MB; un backup di Tierkit pesa al massimo 1024 MB');
  });

  it('counts the bytes a text takes in UTF-8, not its characters', () => {
    expect(utf8Length('abc')).toBe(3);
    expect(utf8Length('é€')).toBe(2 + 3);
    expect(utf8Length('🇮🇹')).toBe(8);
    // An unpaired surrogate is written as U+FFFD, three bytes.
    expect(utf8Length('\ud800x\udc00')).toBe(3 + 1 + 3);
    const sample = 'a é € 🇮🇹 \ud800 \udfff\ud83d';
    expect(utf8Length(sample)).toBe(new TextEncoder().encode(sample).length);
  });

  it('refuses a 1 MB name by its maximum length, with the path', () => {
    expect(problemsOf(edit((json) => (json.data.tiers[1].name = 'N'.repeat(1024 * 1024))))).toEqual([
      ['data.tiers.1.name', 'At most 30 characters'],
    ]);
  });

  it('refuses a backup whose offer breaks the rules, with paths inside data', () => {
    expect(problemsOf(edit((json) => (json.data.tiers[2].priceMinor = 299)))).toEqual([
      ['data.tiers.2.priceMinor', 'Prices must rise with position: Gold (€2.99) cannot sit above Silver (€4.99)'],
    ]);
    expect(problemsOf(edit((json) => (json.data.tiers[1].name = 'BRONZE')))).toEqual([
      ['data.tiers.1.name', 'There is already a tier named "BRONZE"'],
    ]);
    expect(problemsOf(edit((json) => (json.data.tiers[0].badge.label = 'BRONZ')))).toEqual([
      ['data.tiers.0.badge.label', 'A badge label has 1 to 4 characters'],
    ]);
    expect(problemsOf(edit((json) => (json.data.tiers[0].currency = 'XYZ')))[0]).toEqual([
      'data.tiers.0.currency',
      '"XYZ" is not an ISO 4217 currency code',
    ]);
  });
});

/** A roster of `count` subscribers of the first of threeTiers(). */
function roster(count: number): Subscriber[] {
  return Array.from({ length: count }, (_, i) => ({
    id: `s${i}`,
    creatorHandle: 'mara.sings',
    handle: `fan${i}`,
    tierId: 'bronze',
    since: '2025-01-01',
    status: 'active' as const,
    note: '',
    source: 'csv' as const,
    createdAt: NOW,
    updatedAt: NOW,
  }));
}

describe('checkBackup', () => {
  const json = (subscribers: unknown[]) => JSON.parse(JSON.stringify({ ...createBackup(threeTiers(), exportedAt, '1.0.0'), subscribers }));

  it('checks the roster in batches, saying how far it is after each', () => {
    const steps = checkBackup(json(roster(2 * CHECK_BATCH + 5)), 'en-US');
    const yielded: number[] = [];
    for (let next = steps.next(); ; next = steps.next()) {
      if (next.done) {
        expect(next.value.ok && next.value.value.subscribers).toHaveLength(2 * CHECK_BATCH + 5);
        break;
      }
      yielded.push(next.value);
    }
    expect(yielded).toEqual([CHECK_BATCH, 2 * CHECK_BATCH, 2 * CHECK_BATCH + 5]);
  });

  it('names the record and the field of a bad subscriber in any batch, counting from the whole roster', () => {
    const subscribers: unknown[] = roster(CHECK_BATCH + 10);
    subscribers[CHECK_BATCH + 3] = { ...roster(1)[0], id: 'x', note: 'line\u0000break' };
    subscribers[7] = { ...roster(1)[0], id: 'y', since: 'yesterday' };
    const result = completeSteps(checkBackup(json(subscribers), 'en-US'));
    expect(result.ok ? [] : result.problems.map((p) => [p.path.join('.'), p.message])).toEqual([
      ['subscribers.7.since', 'Not a real date (YYYY-MM-DD)'],
      [`subscribers.${CHECK_BATCH + 3}.note`, 'Contains invisible control characters'],
    ]);
  });

  it('refuses a roster over the largest, and one that is not a list', () => {
    expect(completeSteps(checkBackup({ ...json([]), subscribers: 'many' }, 'en-US'))).toMatchObject({ ok: false, problems: [{ path: ['subscribers'] }] });
    const tooMany = { ...json([]), subscribers: { length: 0 } };
    expect(completeSteps(checkBackup(tooMany, 'en-US')).ok).toBe(false);
  });

  it('gives up after 100 problems instead of checking a broken roster to its end', () => {
    const broken = Array.from({ length: 20 * CHECK_BATCH }, () => ({ id: '!' }));
    const steps = checkBackup(json(broken), 'en-US');
    let batches = 0;
    for (let next = steps.next(); !next.done; next = steps.next()) batches++;
    expect(batches).toBe(1);
    expect(completeSteps(checkBackup(json(broken), 'en-US'))).toMatchObject({ ok: false, problems: { length: 100 } });
  });
});

describe('backupFilePieces', () => {
  it('joins into the compact JSON of the whole backup, whatever the parts', () => {
    const head = createBackup(threeTiers(), exportedAt, '1.0.0', { snapshots: [], daily: [] });
    const subscribers = roster(7);
    for (const parts of [[], [[]], [subscribers], [subscribers.slice(0, 3), [], subscribers.slice(3)]]) {
      const all = parts.flat();
      expect(backupFilePieces(head, parts).join('')).toBe(JSON.stringify({ ...head, subscribers: all }));
    }
    expect(readBackup(backupFilePieces(head, [subscribers]).join(''), 'en-US')).toMatchObject({ ok: true, value: { subscribers } });
  });
});

describe('mergeWorkspaces', () => {
  const local = (): Workspace => {
    const ws = threeTiers();
    ws.settings = { ...ws.settings, theme: 'dark', language: 'it', planner: { ...ws.settings.planner, expectedSubscribers: { bronze: 5, gold: 1 } } };
    return ws;
  };
  const ids = (ws: Workspace) => [...ws.tiers].sort((a, b) => a.position - b.position).map((t) => `${t.id}@${t.position}`);

  it('replace gives exactly the backup, as a copy', () => {
    const incoming = workspace([tier({ id: 'solo', status: 'active' })], [], { profile: null });
    const result = mergeWorkspaces(local(), incoming, 'replace');
    expect(result).toEqual(incoming);
    expect(result).not.toBe(incoming);
    result.tiers[0]!.name = 'changed';
    expect(incoming.tiers[0]!.name).toBe('solo');
  });

  it('merge matches by id and lets the backup win, keeping the rest', () => {
    const incoming = threeTiers();
    incoming.tiers = [{ ...incoming.tiers[1]!, name: 'Silver+', priceMinor: 599 }];
    incoming.perks = [{ ...incoming.perks[0]!, title: 'Chat (new)' }, perk('fresh')];
    const result = mergeWorkspaces(local(), incoming, 'merge');
    expect(result.tiers.map((t) => [t.id, t.name, t.priceMinor])).toEqual([
      ['bronze', 'Bronze', 299],
      ['silver', 'Silver+', 599],
      ['gold', 'Gold', 999],
    ]);
    expect(result.perks.map((p) => [p.id, p.title])).toEqual([
      ['chat', 'Chat (new)'],
      ['videos', 'Videos'],
      ['discord', 'Discord'],
      ['fresh', 'Perk fresh'],
    ]);
  });

  it('merge keeps this device\'s profile and display settings, and merges expected subscribers', () => {
    const incoming = threeTiers();
    incoming.profile = { ...profile, handle: 'someone.else' };
    incoming.settings = { ...incoming.settings, theme: 'light', language: 'en', planner: { appStoreFeePercent: 0, bonusPercent: 20, expectedSubscribers: { gold: 9, silver: 3 }, inAppPercentByMarket: { US: 40 }, expectedSuperFans: 7 } };
    const result = mergeWorkspaces(local(), incoming, 'merge');
    expect(result.profile?.handle).toBe('mara.sings');
    expect(result.settings.theme).toBe('dark');
    expect(result.settings.language).toBe('it');
    expect(result.settings.planner.appStoreFeePercent).toBe(30);
    expect(result.settings.planner.expectedSubscribers).toEqual({ bronze: 5, gold: 9, silver: 3 });
    expect(result.settings.planner.inAppPercentByMarket).toEqual({ US: 40 });
    expect(result.settings.planner.expectedSuperFans).toBe(0);
  });

  it('merge takes the backup\'s Super Fan, unless the backup has only the default (one made before Super Fan was kept)', () => {
    const here = local();
    here.superFan = { ...here.superFan, offered: true, creatorSharePercent: 60 };
    const incoming = threeTiers();
    expect(mergeWorkspaces(here, incoming, 'merge').superFan).toEqual(here.superFan);
    incoming.superFan = { ...incoming.superFan, perks: [{ kind: 'custom', text: 'Monthly call' }] };
    expect(mergeWorkspaces(here, incoming, 'merge').superFan).toEqual(incoming.superFan);
    expect(mergeWorkspaces(here, threeTiers(), 'replace').superFan.offered).toBe(false);
  });

  it('merge takes the backup\'s profile when this device has none', () => {
    const here = local();
    here.profile = null;
    expect(mergeWorkspaces(here, threeTiers(), 'merge').profile).toEqual(profile);
  });

  it('merge renumbers positions 0..n-1, placing local-only tiers after the tier they followed', () => {
    const here = workspace([
      tier({ id: 'a', position: 0 }),
      tier({ id: 'shared', position: 1 }),
      tier({ id: 'b', position: 2 }),
    ]);
    const incoming = workspace([
      tier({ id: 'x', position: 0 }),
      tier({ id: 'shared', position: 4, name: 'Shared v2' }),
      tier({ id: 'y', position: 7 }),
    ]);
    const result = mergeWorkspaces(here, incoming, 'merge');
    expect(ids(result)).toEqual(['a@0', 'x@1', 'shared@2', 'b@3', 'y@4']);
    expect(result.tiers.find((t) => t.id === 'shared')?.name).toBe('Shared v2');
  });

  it('merging the same backup again changes nothing, even when creation times differ', () => {
    const here = workspace([tier({ id: 'a1', position: 0, createdAt: NOW + 5 })]);
    const incoming = workspace([
      tier({ id: 'b1', position: 0, createdAt: NOW + 1 }),
      tier({ id: 'b2', position: 1, createdAt: NOW + 2 }),
    ]);
    const once = mergeWorkspaces(here, incoming, 'merge');
    expect(mergeWorkspaces(once, incoming, 'merge')).toEqual(once);
  });

  it('property: merge(merge(a, b), b) equals merge(a, b)', () => {
    const tierArb = fc.record({
      id: fc.constantFrom('t0', 't1', 't2', 't3', 't4', 't5'),
      position: fc.integer({ min: 0, max: 6 }),
      createdAt: fc.integer({ min: 0, max: 5 }),
      priceMinor: fc.integer({ min: 99, max: 9999 }),
    });
    const wsArb = fc
      .tuple(fc.uniqueArray(tierArb, { selector: (t) => t.id, maxLength: 6 }), fc.uniqueArray(fc.constantFrom('p0', 'p1', 'p2', 'p3'), { maxLength: 4 }))
      .map(([tiers, perkIds]) => workspace(tiers.map((t) => tier(t)), perkIds.map((id) => perk(id, { title: `${id}-${tiers.length}` }))));
    fc.assert(
      fc.property(wsArb, wsArb, (a, b) => {
        const once = mergeWorkspaces(a, b, 'merge');
        expect(mergeWorkspaces(once, b, 'merge')).toEqual(once);
        expect(once.tiers.map((t) => t.position).sort((x, y) => x - y)).toEqual(once.tiers.map((_, i) => i));
        expect(new Set(once.tiers.map((t) => t.id))).toEqual(new Set([...a.tiers, ...b.tiers].map((t) => t.id)));
      }),
      { numRuns: 300 },
    );
  });

  it('merge of an empty workspace into itself stays empty', () => {
    expect(mergeWorkspaces(emptyWorkspace(), emptyWorkspace(), 'merge')).toEqual(emptyWorkspace());
  });
});
