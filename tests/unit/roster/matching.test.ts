import { describe, expect, it } from 'vitest';
import { RosterIndex } from '@/lib/roster/matching';
import type { Subscriber } from '@/lib/roster/schema';
import { subscriber } from './fixtures';

const statuses = (answers: { status: string }[]) => answers.map((a) => a.status);

describe('RosterIndex', () => {
  it('matches handles without regard to case or "@", and keeps notes out of answers', () => {
    const index = RosterIndex.build([subscriber({ handle: 'fan_one', note: 'private' })]);
    const { handles } = index.lookup('Mara.Lens', { handles: ['FAN_ONE', '@fan_one', ' fan_one ', 'fan_two'] });
    expect(statuses(handles)).toEqual(['match', 'match', 'match', 'none']);
    expect(handles[0]).toEqual({
      status: 'match',
      by: 'handle',
      entry: { id: 'sub-1', tierId: 'tier-gold', since: '2025-01-15', handle: 'fan_one' },
    });
  });

  it('matches nicknames exactly after NFC and trimming, marked as a nickname match', () => {
    const index = RosterIndex.build([subscriber({ handle: undefined, nickname: 'Café ✨', monthsOverride: 4 })]);
    const { nicknames } = index.lookup('mara.lens', { nicknames: ['Cafe\u0301 ✨', '  Café ✨ ', 'café ✨', 'Café'] });
    expect(statuses(nicknames)).toEqual(['match', 'match', 'none', 'none']);
    expect(nicknames[0]).toEqual({
      status: 'match',
      by: 'nickname',
      entry: { id: 'sub-1', tierId: 'tier-gold', since: '2025-01-15', nickname: 'Café ✨', monthsOverride: 4 },
    });
  });

  it('answers ambiguous for a nickname two people carry, but still matches them by handle', () => {
    const index = RosterIndex.build([
      subscriber({ id: 'a', handle: 'fan_a', nickname: 'Luna' }),
      subscriber({ id: 'b', handle: 'fan_b', nickname: 'Luna', status: 'lapsed' }),
      subscriber({ id: 'c', handle: undefined, nickname: 'Sole' }),
      subscriber({ id: 'd', handle: undefined, nickname: 'Sole' }),
      subscriber({ id: 'e', handle: 'fan_e', nickname: 'Stella' }),
    ]);
    const answer = index.lookup('mara.lens', { handles: ['fan_a'], nicknames: ['Luna', 'Sole', 'Stella'] });
    expect(answer.nicknames.slice(0, 2)).toEqual([
      { status: 'ambiguous', by: 'nickname' },
      { status: 'ambiguous', by: 'nickname' },
    ]);
    expect(answer.nicknames[2]).toMatchObject({ status: 'match', by: 'nickname', entry: { id: 'e' } });
    expect(answer.handles[0]).toMatchObject({ status: 'match', entry: { id: 'a' } });
  });

  it('does not call one person with two records ambiguous', () => {
    const index = RosterIndex.build([
      subscriber({ id: 'old', handle: 'fan_a', nickname: 'Luna', status: 'lapsed', updatedAt: 1 }),
      subscriber({ id: 'new', handle: 'fan_a', nickname: 'Luna', status: 'active', updatedAt: 2 }),
    ]);
    expect(index.lookup('mara.lens', { nicknames: ['Luna'] }).nicknames[0]).toMatchObject({ status: 'match', entry: { id: 'new' } });
  });

  it('never badges a lapsed subscriber, by handle or nickname', () => {
    const index = RosterIndex.build([subscriber({ handle: 'fan_one', nickname: 'Uno', status: 'lapsed' })]);
    const answer = index.lookup('mara.lens', { handles: ['fan_one'], nicknames: ['Uno'] });
    expect(statuses([...answer.handles, ...answer.nicknames])).toEqual(['none', 'none']);
  });

  it('lets an active record of a handle win over a lapsed one, and the latest of two active ones', () => {
    const lapsedLater = subscriber({ id: 'lapsed', status: 'lapsed', updatedAt: 9, tierId: 'tier-silver' });
    const active = subscriber({ id: 'active', status: 'active', updatedAt: 1 });
    for (const order of [[lapsedLater, active], [active, lapsedLater]]) {
      expect(RosterIndex.build(order).lookup('mara.lens', { handles: ['fan_one'] }).handles[0]).toMatchObject({
        entry: { id: 'active' },
      });
    }
    const newer = subscriber({ id: 'newer', updatedAt: 5 });
    expect(RosterIndex.build([newer, active]).lookup('mara.lens', { handles: ['fan_one'] }).handles[0]).toMatchObject({
      entry: { id: 'newer' },
    });
  });

  it('scopes answers to the creator asked about', () => {
    const index = RosterIndex.build([
      subscriber({ id: 'm', creatorHandle: 'mara.lens', handle: 'fan_one', nickname: 'Uno' }),
      subscriber({ id: 'k', creatorHandle: 'kai.cooks', handle: 'fan_two', nickname: 'Due' }),
    ]);
    expect(statuses(index.lookup('mara.lens', { handles: ['fan_one', 'fan_two'], nicknames: ['Uno', 'Due'] }).handles)).toEqual([
      'match',
      'none',
    ]);
    expect(statuses(index.lookup('@Kai.Cooks', { handles: ['fan_one', 'fan_two'] }).handles)).toEqual(['none', 'match']);
    expect(statuses(index.lookup('nobody', { handles: ['fan_one'], nicknames: ['Uno'] }).nicknames)).toEqual(['none']);
    expect(index.creatorHandles().sort()).toEqual(['kai.cooks', 'mara.lens']);
  });

  it('replaces and forgets one creator without touching the others', () => {
    const index = RosterIndex.build([
      subscriber({ id: 'm', creatorHandle: 'mara.lens', handle: 'fan_one' }),
      subscriber({ id: 'k', creatorHandle: 'kai.cooks', handle: 'fan_one' }),
    ]);
    index.setCreator('mara.lens', [subscriber({ id: 'm2', creatorHandle: 'mara.lens', handle: 'fan_three' })]);
    expect(statuses(index.lookup('mara.lens', { handles: ['fan_one', 'fan_three'] }).handles)).toEqual(['none', 'match']);
    index.setCreator('mara.lens', []);
    expect(statuses(index.lookup('mara.lens', { handles: ['fan_three'] }).handles)).toEqual(['none']);
    expect(statuses(index.lookup('kai.cooks', { handles: ['fan_one'] }).handles)).toEqual(['match']);
  });

  it('indexes 100,000 subscribers of three creators and answers every one of them correctly', () => {
    const creators = ['mara.lens', 'kai.cooks', 'sol.draws'];
    const records: Subscriber[] = [];
    for (let i = 0; i < 100_000; i++) {
      records.push(
        subscriber({
          id: `s${i}`,
          creatorHandle: creators[i % 3]!,
          handle: `fan_${i}`,
          nickname: `Fan ${i}`,
          tierId: `tier-${i % 3}`,
          status: i % 10 === 0 ? 'lapsed' : 'active',
        }),
      );
    }
    const index = RosterIndex.build(records);
    for (const [c, creator] of creators.entries()) {
      const handles = records.filter((_, i) => i % 3 === c).map((r) => r.handle!.toUpperCase());
      const answer = index.lookup(creator, { handles, nicknames: handles.map((h) => `Fan ${h.slice(4)}`) });
      answer.handles.forEach((a, k) => {
        const i = 3 * k + c;
        if (i % 10 === 0) expect(a.status).toBe('none');
        else expect(a).toEqual({ status: 'match', by: 'handle', entry: expect.objectContaining({ id: `s${i}`, tierId: `tier-${i % 3}` }) });
      });
      expect(answer.nicknames.filter((a) => a.status === 'match').length).toBe(answer.handles.filter((a) => a.status === 'match').length);
      // Another creator's subscribers are not this creator's.
      const other = creators[(c + 1) % 3]!;
      expect(index.lookup(other, { handles: handles.slice(0, 100) }).handles.every((a) => a.status === 'none')).toBe(true);
    }
  });
});
