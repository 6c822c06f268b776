// The lookup client alone: batching, splitting, caching, revision changes, and answers it must refuse.
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import type { ContentRequest } from '@/lib/protocol/requests';
import { isLookupAnswer, isRosterState } from '@/lib/page/messages';
import { AWAKE_MS, createRosterLookup, type Answer, type RosterLookup } from '@/lib/page/badges/roster-lookup';
import { fakeBackground, lookupAnswer, rosterStorage, sampleRoster, type FakeBackground } from './fake-roster';

const settle = () => new Promise((resolve) => setTimeout(resolve, 0));

let background: FakeBackground;
let lookup: RosterLookup;
beforeEach(async () => {
  background = await fakeBackground();
});
afterEach(() => lookup?.stop());

/** Looks names up; resolves with each one's answer (the subscriber id, 'none', or 'pending' if dropped). */
function ask(names: [creator: string, kind: 'handle' | 'nickname', name: string][]) {
  const answers: (string | undefined)[] = names.map(() => undefined);
  const describe = (a: Answer) => (a === null ? 'none' : a.match.id);
  names.forEach(([creator, kind, name], i) => {
    const now = lookup.lookup(creator, kind, name, (a) => (answers[i] = describe(a)));
    if (now !== undefined) answers[i] = `cached ${describe(now)}`;
  });
  return answers;
}

describe('the roster lookup client', () => {
  it('sends one message per creator for every name asked in the same turn, each name once', async () => {
    lookup = createRosterLookup({ send: background.send, storage: rosterStorage() });
    const answers = ask([
      ['mara.sings', 'handle', 'fan.one'],
      ['kai.cooks', 'handle', 'lena.paints'],
      ['mara.sings', 'nickname', 'Night Owl'],
      ['mara.sings', 'handle', 'fan.one'],
      ['mara.sings', 'handle', 'quiet.corner'],
      ['mara.sings', 'nickname', 'Sky Blue'],
    ]);
    await settle();
    expect(background.lookups()).toEqual([
      { type: 'roster.lookup', creator: 'mara.sings', handles: ['fan.one', 'quiet.corner'], nicknames: ['Night Owl', 'Sky Blue'] },
      { type: 'roster.lookup', creator: 'kai.cooks', handles: ['lena.paints'], nicknames: [] },
    ]);
    expect(answers).toEqual(['s-fan', 'k-lena', 's-owl', 's-fan', 'none', 'none']);
  });

  it('splits a creator’s names at the protocol’s limit', async () => {
    lookup = createRosterLookup({ send: background.send, storage: rosterStorage(), maxNames: 3 });
    ask(Array.from({ length: 7 }, (_, i) => ['mara.sings', 'handle', `fan_${i}`] as const).map((n) => [...n]));
    ask([['mara.sings', 'nickname', 'Fan One']]);
    await settle();
    expect(background.lookups().map((l) => [l.handles.length, l.nicknames.length])).toEqual([
      [3, 1],
      [3, 0],
      [1, 0],
    ]);
  });

  it('answers from its cache, and asks nothing about creators Tierkit has no roster of', async () => {
    lookup = createRosterLookup({ send: background.send, storage: rosterStorage() });
    ask([['mara.sings', 'handle', 'fan.one']]);
    await settle();
    expect(ask([
      ['mara.sings', 'handle', 'fan.one'],
      ['quiet.corner', 'handle', 'fan.one'],
    ])).toEqual(['cached s-fan', 'cached none']);
    await settle();
    expect(background.lookups()).toHaveLength(1);
  });

  it('waits for the roster status before asking, and knows the creators from it', async () => {
    await fakeBrowser.storage.local.remove('roster');
    lookup = createRosterLookup({ send: background.send, storage: rosterStorage() });
    const ready = vi.fn();
    lookup.whenReady(ready);
    const answers = ask([['mara.sings', 'handle', 'fan.one']]);
    await settle();
    // Nothing published yet: no creators, so nobody is anyone's subscriber.
    expect(lookup.creators()).toEqual([]);
    expect(ready).toHaveBeenCalledTimes(1);
    expect(answers).toEqual(['none']);
    expect(background.lookups()).toEqual([]);
  });

  it('drops its cache when the revision changes, ignores answers asked before, and tells its listeners', async () => {
    let release: (() => void) | undefined;
    const slow = async (message: ContentRequest) => {
      await new Promise<void>((resolve) => (release = resolve));
      return background.send(message);
    };
    lookup = createRosterLookup({ send: slow, storage: rosterStorage() });
    const changed = vi.fn();
    lookup.onChange(changed);
    const answers = ask([['mara.sings', 'handle', 'fan.one']]);
    await settle();
    // The roster changes while the question is on its way.
    await background.edit((roster) => roster.splice(0, 1));
    expect(changed).toHaveBeenCalledTimes(1);
    release!();
    await settle();
    expect(answers).toEqual([undefined]);
    // Asked again, answered afresh.
    const again = ask([['mara.sings', 'handle', 'fan.one']]);
    await settle();
    release!();
    await settle();
    expect(again).toEqual(['none']);
    expect(background.lookups()).toHaveLength(2);
  });

  it('keeps its cache when the status is published again with the same revision', async () => {
    lookup = createRosterLookup({ send: background.send, storage: rosterStorage() });
    const changed = vi.fn();
    lookup.onChange(changed);
    ask([['mara.sings', 'handle', 'fan.one']]);
    await settle();
    background.revision--;
    await background.edit(() => {});
    expect(changed).not.toHaveBeenCalled();
    expect(ask([['mara.sings', 'handle', 'fan.one']])).toEqual(['cached s-fan']);
  });

  it('answers "no badge" to a failed or senseless answer, and asks again next time', async () => {
    const bad: unknown[] = [undefined, 'ok', { ok: true }, { ...lookupAnswer(sampleRoster(), 'mara.sings', ['fan.one'], [], 1), handles: [] }];
    for (const answer of bad) {
      background.answerWith = () => answer;
      lookup?.stop();
      lookup = createRosterLookup({ send: background.send, storage: rosterStorage() });
      const answers = ask([['mara.sings', 'handle', 'fan.one']]);
      await settle();
      expect(answers, JSON.stringify(answer)).toEqual(['none']);
      expect(ask([['mara.sings', 'handle', 'fan.one']])).toEqual([undefined]);
      await settle();
    }
    lookup.stop();
    lookup = createRosterLookup({ send: () => Promise.reject(new Error('Extension context invalidated.')), storage: rosterStorage() });
    const answers = ask([['mara.sings', 'handle', 'fan.one']]);
    await settle();
    expect(answers).toEqual(['none']);
  });

  it('keeps a bounded cache, dropping the oldest answers first', async () => {
    lookup = createRosterLookup({ send: background.send, storage: rosterStorage(), maxCached: 8 });
    ask(Array.from({ length: 12 }, (_, i) => ['mara.sings', 'nickname', `Guest ${i}`] as [string, 'nickname', string]));
    await settle();
    expect(ask([['mara.sings', 'nickname', 'Guest 11']])).toEqual(['cached none']);
    expect(ask([['mara.sings', 'nickname', 'Guest 0']])).toEqual([undefined]);
  });

  it('has the background warm the roster up as a view starts, unless it was asked something lately; never without a roster', async () => {
    let clock = 0;
    lookup = createRosterLookup({ send: background.send, storage: rosterStorage(), now: () => clock });
    const types = () => background.sent.map((m) => m.type);
    // Asked before the roster's status is read: sent once it is.
    lookup.warm();
    expect(types()).toEqual([]);
    await settle();
    expect(types()).toEqual(['roster.warm']);
    // The next view's features, soon after: the worker is still up.
    lookup.warm();
    ask([['mara.sings', 'handle', 'fan.one']]);
    await settle();
    expect(types()).toEqual(['roster.warm', 'roster.lookup']);
    clock += AWAKE_MS - 1;
    lookup.warm();
    expect(types()).toEqual(['roster.warm', 'roster.lookup']);
    // Long after the last question, the worker may have stopped: warm it up again.
    clock += AWAKE_MS;
    lookup.warm();
    expect(types()).toEqual(['roster.warm', 'roster.lookup', 'roster.warm']);
    lookup.stop();

    await fakeBrowser.storage.local.set({ roster: { revision: 9, counts: {}, total: 0, packs: 0, creators: [] } });
    background.sent.length = 0;
    lookup = createRosterLookup({ send: background.send, storage: rosterStorage() });
    lookup.warm();
    await settle();
    expect(background.sent).toEqual([]);
  });

  it('keeps a refused warm-up from the page (an extension being updated)', async () => {
    const handled: unknown[] = [];
    const refuse = () => {
      const refused = Promise.reject(new Error('Extension context invalidated.'));
      // Whatever the client does with the refusal is seen here; an unhandled one would reach the page.
      const caught = refused.catch.bind(refused);
      refused.catch = (onRejected) => {
        handled.push(onRejected);
        return caught(onRejected);
      };
      return refused;
    };
    lookup = createRosterLookup({ send: refuse, storage: rosterStorage() });
    lookup.warm();
    await settle();
    expect(handled).toHaveLength(1);
  });

  it('stops following the roster when stopped', async () => {
    lookup = createRosterLookup({ send: background.send, storage: rosterStorage() });
    const changed = vi.fn();
    lookup.onChange(changed);
    await settle();
    lookup.stop();
    await background.edit(() => {});
    expect(changed).not.toHaveBeenCalled();
  });
});

describe('the content script’s guards', () => {
  const good = () => lookupAnswer(sampleRoster(), 'mara.sings', ['fan.one', 'nobody'], ['Sky Blue', 'Night Owl'], 3);

  it('accept the background’s answers as it sends them', () => {
    expect(isLookupAnswer(good(), 2, 2)).toBe(true);
    expect(isRosterState({ revision: 5, creators: ['mara.sings'], counts: {}, total: 0, packs: 0 })).toBe(true);
  });

  it('refuse answers of the wrong size or shape', () => {
    const variants: [string, (a: ReturnType<typeof good>) => unknown][] = [
      ['not ok', (a) => ({ ...a, ok: false })],
      ['no revision', (a) => ({ ...a, revision: 'x' })],
      ['a result too many', (a) => ({ ...a, handles: [...a.handles, 0] })],
      ['an unknown result', (a) => ({ ...a, handles: [2, 0] })],
      ['a design out of range', (a) => ({ ...a, handles: [{ ...(a.handles[0] as object), d: 9 }, 0] })],
      ['a date that is not one', (a) => ({ ...a, handles: [{ ...(a.handles[0] as object), s: 'soon' }, 0] })],
      ['a handle that is not one', (a) => ({ ...a, handles: [{ ...(a.handles[0] as object), h: 'x"><img>' }, 0] })],
      ['a colour that is not one', (a) => ({ ...a, designs: a.designs.map((d) => ({ ...d, color: 'url(x)' })) })],
      ['a label that is not text', (a) => ({ ...a, designs: a.designs.map((d) => ({ ...d, label: 7 })) })],
      ['no words', (a) => ({ ...a, words: null })],
    ];
    for (const [what, change] of variants) expect(isLookupAnswer(change(good()), 2, 2), what).toBe(false);
    expect(isLookupAnswer(good(), 3, 2)).toBe(false);
    expect(isRosterState({ revision: 1, creators: [1] })).toBe(false);
    expect(isRosterState(undefined)).toBe(false);
  });
});
