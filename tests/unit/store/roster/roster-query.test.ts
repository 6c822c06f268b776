// The subscribers table's query over a roster in memory: no database, no browser.
import { describe, expect, it } from 'vitest';
import type { Subscriber } from '@/lib/roster/schema';
import { tierMap } from '@/lib/store/roster/badge-tiers';
import { QueryCache, queryRoster, type QueriedRoster, type RosterQuery } from '@/lib/store/roster/roster-query';
import { tier } from '../../domain/fixtures';
import { subscriber } from '../../roster/fixtures';

const DAY = '2026-11-24';
const CREATOR = 'mara.sings';

function roster(records: Subscriber[]): QueriedRoster & { own: Map<string, Subscriber> } {
  return {
    own: new Map(records.map((r) => [r.id, r])),
    ownHandle: CREATOR,
    // Silver comes before Gold in the creator's order.
    tiers: new Map([[CREATOR, tierMap([tier({ id: 'silver' }), tier({ id: 'gold' })])]]),
    cache: new QueryCache(),
  };
}

const fan = (id: string, over: Partial<Subscriber> = {}) =>
  subscriber({ id, creatorHandle: CREATOR, handle: id, tierId: 'gold', since: '2026-01-10', ...over });

const query = (over: Partial<RosterQuery> = {}): RosterQuery => ({ search: '', sort: 'handle', descending: false, offset: 0, limit: 50, ...over });
const ids = (r: QueriedRoster, over: Partial<RosterQuery> = {}, day = DAY) => queryRoster(r, query(over), day).rows.map((row) => row.id);

describe('the roster query', () => {
  it('searches handle, nickname and note, ignoring case, surrounding spaces and a leading "@", not the tier', () => {
    const r = roster([
      fan('ada', { nickname: 'Night Owl' }),
      fan('bo', { note: 'Met in BERLIN' }),
      fan('cy', { handle: undefined, nickname: 'CyCy' }),
    ]);
    expect(ids(r, { search: '  @ADA ' })).toEqual(['ada']);
    expect(ids(r, { search: 'night owl' })).toEqual(['ada']);
    expect(ids(r, { search: 'berlin' })).toEqual(['bo']);
    expect(ids(r, { search: 'cyc' })).toEqual(['cy']);
    expect(ids(r, { search: 'gold' })).toEqual([]);
    expect(ids(r, { search: '   ' })).toEqual(['ada', 'bo', 'cy']);
  });

  it('keeps only the rows that pass every filter given', () => {
    const r = roster([
      fan('a1', { tierId: 'gold', status: 'active', note: 'vip' }),
      fan('a2', { tierId: 'gold', status: 'lapsed', note: 'vip' }),
      fan('a3', { tierId: 'silver', status: 'lapsed', note: 'vip' }),
      fan('a4', { tierId: 'gold', status: 'lapsed' }),
    ]);
    expect(ids(r, { tierId: 'gold' })).toEqual(['a1', 'a2', 'a4']);
    expect(ids(r, { status: 'lapsed' })).toEqual(['a2', 'a3', 'a4']);
    expect(ids(r, { tierId: 'gold', status: 'lapsed', search: 'vip' })).toEqual(['a2']);
    expect(queryRoster(r, query({ tierId: 'platinum' }), DAY)).toEqual({ total: 0, rows: [] });
  });

  it('sorts by each key, either way', () => {
    const r = roster([
      fan('b', { nickname: 'zed', tierId: 'gold', since: '2026-03-01', status: 'active', updatedAt: 30 }),
      fan('a', { nickname: 'Amy', tierId: 'silver', since: '2026-05-01', status: 'lapsed', updatedAt: 10 }),
      fan('c', { nickname: 'mia', tierId: 'gold', since: '2025-01-01', status: 'lapsed', updatedAt: 20, monthsOverride: 1 }),
    ]);
    const both = (sort: RosterQuery['sort']) => [ids(r, { sort }), ids(r, { sort, descending: true })];
    expect(both('handle')).toEqual([['a', 'b', 'c'], ['c', 'b', 'a']]);
    // Nicknames without regard to case.
    expect(both('nickname')).toEqual([['a', 'c', 'b'], ['b', 'c', 'a']]);
    // Tiers in the creator's order, not by id.
    expect(both('tier')).toEqual([['a', 'b', 'c'], ['b', 'c', 'a']]);
    expect(both('since')).toEqual([['c', 'b', 'a'], ['a', 'b', 'c']]);
    // The months a record counts: its override when it has one.
    expect(both('months')).toEqual([['c', 'a', 'b'], ['b', 'a', 'c']]);
    expect(both('status')).toEqual([['b', 'a', 'c'], ['a', 'c', 'b']]);
    expect(both('updatedAt')).toEqual([['a', 'c', 'b'], ['b', 'c', 'a']]);
  });

  it('orders rows of equal keys by id in both directions', () => {
    const r = roster([fan('n2', { since: '2026-01-01' }), fan('n3', { since: '2026-02-01' }), fan('n1', { since: '2026-01-01' })]);
    expect(ids(r, { sort: 'since' })).toEqual(['n1', 'n2', 'n3']);
    expect(ids(r, { sort: 'since', descending: true })).toEqual(['n3', 'n1', 'n2']);
  });

  it('puts rows without the sorted field after the rest ascending, before them descending', () => {
    const r = roster([
      fan('x', { handle: undefined, nickname: undefined, tierId: 'unknown' }),
      fan('y', { handle: 'yan', nickname: 'Yan', tierId: 'gold' }),
      fan('z', { handle: 'zoe', nickname: 'Zoe', tierId: 'silver' }),
    ]);
    for (const sort of ['handle', 'nickname', 'tier'] as const) {
      expect(ids(r, { sort }).at(-1)).toBe('x');
      expect(ids(r, { sort, descending: true })[0]).toBe('x');
    }
  });

  it('counts months to the day it is given', () => {
    const records = [fan('early', { since: '2026-01-01' }), fan('told', { monthsOverride: 6 })];
    expect(ids(roster(records), { sort: 'months' }, '2026-03-01')).toEqual(['early', 'told']);
    expect(ids(roster(records), { sort: 'months' }, '2026-12-01')).toEqual(['told', 'early']);
  });

  it('answers one page, with the number of all the rows that pass', () => {
    const r = roster(['p1', 'p2', 'p3', 'p4', 'p5'].map((id) => fan(id)));
    expect(queryRoster(r, query({ offset: 0, limit: 2 }), DAY)).toMatchObject({ total: 5, rows: [{ id: 'p1' }, { id: 'p2' }] });
    expect(queryRoster(r, query({ offset: 4, limit: 2 }), DAY)).toMatchObject({ total: 5, rows: [{ id: 'p5' }] });
    expect(queryRoster(r, query({ offset: 5, limit: 2 }), DAY)).toEqual({ total: 5, rows: [] });
    expect(queryRoster(r, query({ offset: 1, limit: 2, search: 'p4' }), DAY)).toEqual({ total: 1, rows: [] });
  });

  it('sees a changed roster once its cache is cleared', () => {
    const r = roster([fan('b1'), fan('b2')]);
    expect(ids(r, { sort: 'handle' })).toEqual(['b1', 'b2']);
    r.cache.clear();
    r.own.set('b0', fan('b0'));
    expect(ids(r, { sort: 'handle' })).toEqual(['b0', 'b1', 'b2']);
  });
});
