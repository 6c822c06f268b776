// Who on the page subscribes to whom, asked of the background in batches and remembered. Every
// feature's names asked in one turn of the event loop (one observer batch) go out together: one
// `roster.lookup` per creator (more when a creator has over LOOKUP_NAMES_LIMIT names). Answers are
// cached per creator and name until the roster's revision changes (storage.onChanged on ROSTER_KEY):
// then the cache is dropped, answers still on their way are ignored, and listeners look again.
import type { BadgeDesign, BadgeWords, LookupMatch, LookupResult } from '../../protocol/schemas';
import { isLookupAnswer, isRosterState, LOOKUP_NAMES_LIMIT, ROSTER_STORAGE_KEY, type Send } from '../messages';

export type NameKind = 'handle' | 'nickname';

/** A subscriber's badge as the background described it. */
export interface Found {
  /** The answer's match, with what its place in the answer says: by handle or nickname, and the handle. */
  match: LookupMatch & { by: NameKind };
  design: BadgeDesign;
  words: BadgeWords;
}
/** null: no badge (not a subscriber, a shared nickname, or no usable answer). */
export type Answer = Found | null;

/** The roster status the background publishes, as a content script reads and follows it. */
export interface RosterStorage {
  read(): Promise<unknown>;
  /** Calls back with each new value; returns the stop. */
  listen(listener: (value: unknown) => void): () => void;
}

/** The part of `browser.storage` the roster status needs. */
export interface StorageApi {
  local: { get(key: string): Promise<Record<string, unknown>> };
  onChanged: {
    addListener(listener: (changes: Record<string, { newValue?: unknown }>, area: string) => void): void;
    removeListener(listener: (changes: Record<string, { newValue?: unknown }>, area: string) => void): void;
  };
}

export function rosterStorageOf(storage: StorageApi): RosterStorage {
  return {
    read: async () => (await storage.local.get(ROSTER_STORAGE_KEY))[ROSTER_STORAGE_KEY],
    listen(listener) {
      const onChanged = (changes: Record<string, { newValue?: unknown }>, area: string) => {
        if (area === 'local' && Object.hasOwn(changes, ROSTER_STORAGE_KEY)) listener(changes[ROSTER_STORAGE_KEY]!.newValue);
      };
      storage.onChanged.addListener(onChanged);
      return () => storage.onChanged.removeListener(onChanged);
    },
  };
}

export interface RosterLookup {
  /**
   * The answer now when it is known (cached, or a creator Tierkit has no roster of); otherwise
   * undefined, and `done` is called with it later, unless the roster changes first.
   */
  lookup(creator: string, kind: NameKind, name: string, done: (answer: Answer) => void): Answer | undefined;
  /** Every creator Tierkit knows (lower case); undefined until the status has been read. */
  creators(): readonly string[] | undefined;
  /** Calls back once the creators are known (at once if they are). */
  whenReady(callback: () => void): void;
  /** The roster changed: cached answers are gone and pending ones dropped; look again. Returns the stop. */
  onChange(listener: () => void): () => void;
  /**
   * A page view starts: has the background read the roster now, unless it was asked something lately
   * (then it is awake and holds the roster). Sent once the status is known, and only if there is a roster.
   */
  warm(): void;
  stop(): void;
}

/**
 * Chrome stops an idle service worker after 30 s: a worker asked something in the last 20 s is still up,
 * and holds the roster its last answer needed.
 */
export const AWAKE_MS = 20_000;

export interface RosterLookupEnvironment {
  send: Send;
  storage: RosterStorage;
  /** The most names of one kind per message (the protocol's limit; smaller in tests). */
  maxNames?: number;
  /** Answers kept; the oldest go first beyond this (a LIVE chat runs for hours). */
  maxCached?: number;
  /** A clock in ms (performance.now by default). */
  now?: () => number;
}

interface Pending {
  /** keyOf(creator, kind, name), made once. */
  key: string;
  creator: string;
  kind: NameKind;
  name: string;
  callbacks: ((answer: Answer) => void)[];
  sent: boolean;
}

const keyOf = (creator: string, kind: NameKind, name: string) => `${creator}\n${kind === 'handle' ? 'h' : 'n'}${name}`;

export function createRosterLookup(env: RosterLookupEnvironment): RosterLookup {
  const maxNames = env.maxNames ?? LOOKUP_NAMES_LIMIT;
  const maxCached = env.maxCached ?? 20_000;
  const cache = new Map<string, Answer>();
  const pending = new Map<string, Pending>();
  let queued: Pending[] = [];
  const changeListeners = new Set<() => void>();
  let readyCallbacks: (() => void)[] = [];
  let known: { revision: number; creators: Set<string>; list: string[] } | undefined;
  let started = false;
  let flushScheduled = false;
  let stopListening: (() => void) | undefined;
  let stopped = false;
  const now = env.now ?? (() => performance.now());
  // When the background was last asked anything; whether a warm-up waits for the status.
  let lastAsked = Number.NEGATIVE_INFINITY;
  let warmWanted = false;

  function warmUp() {
    warmWanted = false;
    if (stopped || !known || known.list.length === 0 || now() - lastAsked < AWAKE_MS) return;
    lastAsked = now();
    env.send({ type: 'roster.warm' }).catch(() => undefined);
  }

  function apply(value: unknown) {
    const state = isRosterState(value) ? value : { revision: Number.NaN, creators: [] };
    const changed = known !== undefined && !Object.is(known.revision, state.revision);
    const first = known === undefined;
    known = { revision: state.revision, creators: new Set(state.creators), list: [...state.creators] };
    if (changed) {
      cache.clear();
      // Answers to questions already sent are stale: whoever waits for them asks again (onChange).
      for (const [key, request] of pending) if (request.sent) pending.delete(key);
      for (const listener of [...changeListeners]) listener();
    }
    if (first) {
      if (warmWanted) warmUp();
      const callbacks = readyCallbacks;
      readyCallbacks = [];
      for (const callback of callbacks) callback();
      if (queued.length > 0) scheduleFlush();
    }
  }

  function start() {
    if (started || stopped) return;
    started = true;
    stopListening = env.storage.listen((value) => {
      if (!stopped) apply(value);
    });
    env.storage.read().then(
      (value) => {
        if (!stopped && known === undefined) apply(value);
      },
      () => {
        if (!stopped && known === undefined) apply(undefined);
      },
    );
  }

  function remember(key: string, answer: Answer) {
    if (cache.size >= maxCached) {
      // Maps iterate in insertion order: the oldest quarter goes.
      let drop = maxCached >> 2;
      for (const old of cache.keys()) {
        cache.delete(old);
        if (--drop <= 0) break;
      }
    }
    cache.set(key, answer);
  }

  function settle(requests: Pending[], answers: Answer[] | null) {
    if (stopped) return;
    requests.forEach((request, i) => {
      const { key } = request;
      // Dropped by a roster change since it was asked: its answer may be stale.
      if (pending.get(key) !== request) return;
      pending.delete(key);
      const answer = answers ? answers[i]! : null;
      // A message that failed is not remembered: the next look asks again.
      if (answers) remember(key, answer);
      for (const callback of request.callbacks) callback(answer);
    });
  }

  /** One message; its requests' answers, or null when it brought none that make sense. */
  async function ask(creator: string, handles: Pending[], nicknames: Pending[]): Promise<Answer[] | null> {
    lastAsked = now();
    try {
      const value = await env.send({
        type: 'roster.lookup',
        creator,
        handles: handles.map((r) => r.name),
        nicknames: nicknames.map((r) => r.name),
      });
      if (!isLookupAnswer(value, handles.length, nicknames.length)) return null;
      const found = (result: LookupResult, request: Pending): Answer => {
        if (result === 0 || result === 1) return null;
        // A match by handle is of the handle asked; one by nickname says the handle when there is one.
        const match = request.kind === 'handle' ? { ...result, by: request.kind, h: request.name } : { ...result, by: request.kind };
        return { match, design: value.designs[result.d]!, words: value.words };
      };
      return [...value.handles.map((r, i) => found(r, handles[i]!)), ...value.nicknames.map((r, i) => found(r, nicknames[i]!))];
    } catch {
      // No answer (the extension is being updated): no badges, as for an answer that makes no sense.
      return null;
    }
  }

  function flush() {
    flushScheduled = false;
    if (stopped || !known) return;
    const byCreator = new Map<string, { handles: Pending[]; nicknames: Pending[] }>();
    const unknown: Pending[] = [];
    for (const request of queued) {
      if (!known.creators.has(request.creator)) {
        unknown.push(request);
        continue;
      }
      let names = byCreator.get(request.creator);
      if (!names) byCreator.set(request.creator, (names = { handles: [], nicknames: [] }));
      (request.kind === 'handle' ? names.handles : names.nicknames).push(request);
      request.sent = true;
    }
    queued = [];
    // A creator whose roster Tierkit does not know has no subscribers to show.
    settle(unknown, unknown.map(() => null));
    const messages: { requests: Pending[]; answers: Promise<Answer[] | null> }[] = [];
    for (const [creator, { handles, nicknames }] of byCreator) {
      for (let i = 0; i < Math.max(handles.length, nicknames.length); i += maxNames) {
        const someHandles = handles.slice(i, i + maxNames);
        const someNicknames = nicknames.slice(i, i + maxNames);
        messages.push({ requests: [...someHandles, ...someNicknames], answers: ask(creator, someHandles, someNicknames) });
      }
    }
    // A batch's answers are handed over together: its badges then go in together, between two frames,
    // rather than one message's worth a frame.
    void Promise.all(messages.map((m) => m.answers)).then((answers) => {
      messages.forEach((m, i) => settle(m.requests, answers[i]!));
    });
  }

  function scheduleFlush() {
    if (flushScheduled || !known) return;
    flushScheduled = true;
    // After the current task: every feature's names from this observer batch are queued by then.
    queueMicrotask(flush);
  }

  return {
    lookup(creator, kind, name, done) {
      if (stopped) return null;
      start();
      if (known && !known.creators.has(creator)) return null;
      const key = keyOf(creator, kind, name);
      const cached = cache.get(key);
      if (cached !== undefined) return cached;
      const waiting = pending.get(key);
      if (waiting) {
        waiting.callbacks.push(done);
        return undefined;
      }
      const request: Pending = { key, creator, kind, name, callbacks: [done], sent: false };
      pending.set(key, request);
      queued.push(request);
      scheduleFlush();
      return undefined;
    },
    creators: () => known?.list,
    whenReady(callback) {
      start();
      if (known) callback();
      else readyCallbacks.push(callback);
    },
    onChange(listener) {
      start();
      changeListeners.add(listener);
      return () => changeListeners.delete(listener);
    },
    warm() {
      start();
      // A service worker that slept starts empty: it reads and indexes the roster while TikTok is still
      // loading the page's names.
      if (known) warmUp();
      else warmWanted = true;
    },
    stop() {
      stopped = true;
      stopListening?.();
      cache.clear();
      pending.clear();
      queued = [];
      changeListeners.clear();
      readyCallbacks = [];
    },
  };
}
