// The index kept as a snapshot of columns answers exactly as the index it was taken of, and a snapshot
// that reads back wrong is refused.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { indexSnapshotSchema, RosterIndex } from '@/lib/roster/matching';
import type { Subscriber } from '@/lib/roster/schema';
import { subscriber } from './fixtures';

const handles = ['fan_one', 'night_owl', 'sky.blue', 'lena.paints', 'kai'];
const nicknames = ['Fan One', 'Night Owl', 'Café ✨', 'Sky', 'Lena'];

/** Rosters of two creators with every case the matching rules know: shared nicknames, lapsed records, no handle. */
const rosters = fc.array(
  fc.record({
    creator: fc.constantFrom('mara.lens', 'kai.cooks'),
    handle: fc.option(fc.constantFrom(...handles), { nil: undefined }),
    nickname: fc.option(fc.constantFrom(...nicknames), { nil: undefined }),
    tierId: fc.constantFrom('tier-gold', 'tier-silver'),
    since: fc.constantFrom('2025-01-15', '2024-12-01', '2025-06-30'),
    monthsOverride: fc.option(fc.integer({ min: 0, max: 40 }), { nil: undefined }),
    status: fc.constantFrom('active' as const, 'lapsed' as const),
    updatedAt: fc.integer({ min: 1, max: 5 }),
  }),
  { maxLength: 40 },
);

type Rows = typeof rosters extends fc.Arbitrary<infer T> ? T : never;

function build(rows: Rows): Subscriber[] {
  return rows
    .filter((r) => r.handle !== undefined || r.nickname !== undefined)
    .map((r, i) => {
      const s = subscriber({ id: `sub-${i}`, creatorHandle: r.creator, tierId: r.tierId, since: r.since, status: r.status, updatedAt: r.updatedAt });
      if (r.handle === undefined) delete s.handle;
      else s.handle = r.handle;
      if (r.nickname !== undefined) s.nickname = r.nickname;
      if (r.monthsOverride !== undefined) s.monthsOverride = r.monthsOverride;
      return s;
    });
}

const everyQuery = { handles: [...handles, 'FAN_ONE', '@kai', 'nobody'], nicknames: [...nicknames, ' Fan One ', 'Nobody'] };

describe('RosterIndex snapshots', () => {
  it('answer every name exactly as the index they were taken of, after a trip through storage', () => {
    fc.assert(
      fc.property(rosters, (rows) => {
        const index = RosterIndex.build(build(rows));
        const stored = structuredClone(index.snapshot());
        const parsed = indexSnapshotSchema.safeParse(stored);
        expect(parsed.success).toBe(true);
        const again = RosterIndex.fromSnapshot(parsed.data!);
        expect(again.creatorHandles()).toEqual(index.creatorHandles());
        for (const creator of ['mara.lens', 'kai.cooks', 'nobody.here']) {
          expect(again.lookup(creator, everyQuery)).toEqual(index.lookup(creator, everyQuery));
        }
      }),
    );
  });

  it('keeps tier ids and days once each, and an entry once for its handle and its nickname', () => {
    const index = RosterIndex.build(
      Array.from({ length: 300 }, (_, i) => subscriber({ id: `sub-${i}`, handle: `fan_${i}`, nickname: `Fan ${i}`, tierId: i % 2 ? 'tier-gold' : 'tier-silver' })),
    );
    const [mara] = index.snapshot().creators;
    expect(mara!.tierIds.sort()).toEqual(['tier-gold', 'tier-silver']);
    expect(mara!.days).toEqual(['2025-01-15']);
    expect(mara!.ids).toHaveLength(300);
    expect(mara!.handleKeys).toHaveLength(300);
    expect(mara!.nicknameKeys).toHaveLength(300);
  });

  it('refuse a snapshot whose columns disagree or point outside their lists', () => {
    const snapshot = RosterIndex.build([subscriber({ handle: 'fan_one', nickname: 'Fan One' })]).snapshot();
    const broken = (change: (c: (typeof snapshot.creators)[number]) => void) => {
      const copy = structuredClone(snapshot);
      change(copy.creators[0]!);
      return indexSnapshotSchema.safeParse(copy).success;
    };
    expect(broken(() => undefined)).toBe(true);
    expect(broken((c) => c.handles.push('extra'))).toBe(false);
    expect(broken((c) => (c.handleEntries[0] = 5))).toBe(false);
    expect(broken((c) => (c.tiers[0] = 3))).toBe(false);
    expect(broken((c) => (c.days[0] = '2025-02-30'))).toBe(false);
    expect(broken((c) => (c.ids[0] = 'x'.repeat(101)))).toBe(false);
    expect(broken((c) => (c.handleEntries[0] = -1))).toBe(false);
  });
});
