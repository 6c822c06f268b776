// The answer to a content script's lookup, from an index and tiers in memory: no database, no browser.
import { describe, expect, it } from 'vitest';
import type { BadgeWords, LookupResult } from '@/lib/protocol/schemas';
import { RosterIndex } from '@/lib/roster/matching';
import type { Subscriber } from '@/lib/roster/schema';
import { tierMap } from '@/lib/store/roster/badge-tiers';
import { answerLookup, EntryTokens, type LookupData } from '@/lib/store/roster/lookup-answer';
import { tier } from '../../domain/fixtures';
import { subscriber } from '../../roster/fixtures';

const DAY = '2026-11-24';
const WORDS: BadgeWords = { lang: 'en-US', tooltipOne: 'one', tooltipOther: 'other', name: 'name', byNickname: 'nick' };

const gold = tier({ id: 'gold', name: 'Gold', badge: { label: 'GLD', color: '#1a1a80' }, tenureSteps: [1, 6] });
const silver = tier({ id: 'silver', name: 'Silver', badge: { label: 'SLV', color: '#c0c0c0', emoji: '🥈' }, tenureSteps: [1, 6] });

const fan = (over: Partial<Subscriber>) => subscriber({ creatorHandle: 'mara.sings', tierId: 'gold', since: '2026-01-10', ...over });

/** An index of the creators' records, with each creator's tiers. */
function data(records: Subscriber[], tiers: Record<string, Parameters<typeof tierMap>[0]> = { 'mara.sings': [gold, silver] }): LookupData {
  return { index: RosterIndex.build(records), tiers: new Map(Object.entries(tiers).map(([creator, list]) => [creator, tierMap(list)])) };
}

function ask(lookupData: LookupData, handles: string[], nicknames: string[] = [], tokens = new EntryTokens(), creator = 'mara.sings') {
  return answerLookup(lookupData, { creator, handles, nicknames }, { day: DAY, revision: 7, words: WORDS, tokens });
}

/** The matches' design, months and start, without the tokens. */
const plain = (results: LookupResult[]) => results.map((r) => (typeof r === 'object' ? { ...r, id: '' } : r));

describe('a lookup answer', () => {
  it('matches present names whatever their case and the creator’s, and answers 0 for absent and lapsed ones', () => {
    const roster = data([fan({ id: 'a', handle: 'fan.one' }), fan({ id: 'b', handle: 'gone', status: 'lapsed' })]);
    const answer = ask(roster, ['FAN.ONE', '@fan.one', 'gone', 'stranger'], [], new EntryTokens(), '@Mara.Sings');
    expect(plain(answer.handles)).toEqual([{ d: 0, id: '', m: 10, s: '2026-01-10' }, { d: 0, id: '', m: 10, s: '2026-01-10' }, 0, 0]);
    expect(answer).toMatchObject({ ok: true, revision: 7, words: WORDS, nicknames: [] });
  });

  it('answers 0 for every name of a creator it has no roster of, with no design', () => {
    const answer = ask(data([fan({ handle: 'fan.one' })]), ['fan.one'], ['Fan'], new EntryTokens(), 'someone.else');
    expect(answer).toMatchObject({ handles: [0], nicknames: [0], designs: [] });
  });

  it('names the handle of a match by nickname when the record has one, and answers 1 for a shared nickname', () => {
    const roster = data([
      fan({ id: 'a', handle: 'fan.one', nickname: 'Fan One' }),
      fan({ id: 'b', handle: undefined, nickname: 'No Handle' }),
      fan({ id: 'c', handle: 'twin.a', nickname: 'Twin' }),
      fan({ id: 'd', handle: 'twin.b', nickname: 'Twin' }),
    ]);
    const answer = ask(roster, ['fan.one'], ['Fan One', 'No Handle', 'Twin', 'fan one']);
    expect(answer.handles[0]).not.toHaveProperty('h');
    expect(plain(answer.nicknames)).toEqual([
      { d: 0, id: '', m: 10, s: '2026-01-10', h: 'fan.one' },
      { d: 0, id: '', m: 10, s: '2026-01-10' },
      1,
      0,
    ]);
  });

  it('shares one design per tier and tenure level among the matches, in the order first met', () => {
    const roster = data([
      fan({ id: 'a', handle: 'old.gold' }),
      fan({ id: 'b', handle: 'new.gold', since: '2026-11-01' }),
      fan({ id: 'c', handle: 'also.old', since: '2025-12-01' }),
      fan({ id: 'd', handle: 'told.silver', tierId: 'silver', since: '2026-11-20', monthsOverride: 3 }),
    ]);
    const answer = ask(roster, ['new.gold', 'old.gold', 'also.old', 'told.silver']);
    // Under a month is level 0; the override counts instead of the start day.
    expect(plain(answer.handles)).toEqual([
      { d: 0, id: '', m: 0, s: '2026-11-01' },
      { d: 1, id: '', m: 10, s: '2026-01-10' },
      { d: 1, id: '', m: 11, s: '2025-12-01' },
      { d: 2, id: '', m: 3, s: '2026-11-20' },
    ]);
    expect(answer.designs).toEqual([
      { tierName: 'Gold', label: 'GLD', color: '#1a1a80', textColor: '#ffffff', level: 0 },
      { tierName: 'Gold', label: 'GLD', color: '#1a1a80', textColor: '#ffffff', level: 2 },
      { tierName: 'Silver', label: 'SLV', emoji: '🥈', color: '#c0c0c0', textColor: '#000000', level: 1 },
    ]);
  });

  it('counts months to the day it is given, or the override, even beside a subscriber of the same start day', () => {
    const roster = data([fan({ id: 'a', handle: 'fan.one' }), fan({ id: 'b', handle: 'told', monthsOverride: 7 })]);
    const on = (day: string) =>
      answerLookup(roster, { creator: 'mara.sings', handles: ['fan.one', 'told'], nicknames: [] }, { day, revision: 0, words: WORDS, tokens: new EntryTokens() });
    expect(on('2026-02-09').handles).toMatchObject([{ m: 0 }, { m: 7 }]);
    expect(on('2026-02-10').handles).toMatchObject([{ m: 1 }, { m: 7 }]);
  });

  it('badges each creator’s subscribers with that creator’s tiers, and none whose tier is gone', () => {
    const packGold = { ...gold, badge: { label: 'KAI', color: '#ffcc00' } };
    const roster = data(
      [fan({ id: 'a', handle: 'fan.one' }), fan({ id: 'b', handle: 'orphan', tierId: 'deleted' }), fan({ id: 'c', creatorHandle: 'kai.cooks', handle: 'fan.one' })],
      { 'mara.sings': [gold], 'kai.cooks': [packGold] },
    );
    const mara = ask(roster, ['fan.one', 'orphan']);
    expect(mara.handles[1]).toBe(0);
    expect(mara.designs.map((d) => d.label)).toEqual(['GLD']);
    expect(ask(roster, ['fan.one'], [], new EntryTokens(), 'kai.cooks').designs.map((d) => d.label)).toEqual(['KAI']);
  });

  it('gives an entry the same token in every answer, another entry another, and new entries new ones', () => {
    const records = [fan({ id: 'a', handle: 'fan.one' }), fan({ id: 'b', handle: 'fan.two' })];
    const roster = data(records);
    const tokens = new EntryTokens();
    const token = (r: LookupResult | undefined) => (typeof r === 'object' ? r.id : r);
    const first = ask(roster, ['fan.one', 'fan.two'], [], tokens);
    const again = ask(roster, ['fan.two', 'fan.one'], [], tokens);
    expect(first.handles.map(token)).toEqual(['1', '2']);
    expect(again.handles.map(token)).toEqual(['2', '1']);
    // The roster changed: its entries are new, and so are their tokens.
    roster.index.setCreator('mara.sings', records);
    expect(ask(roster, ['fan.one'], [], tokens).handles.map(token)).toEqual(['3']);
  });
});
