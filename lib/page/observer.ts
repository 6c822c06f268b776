// One MutationObserver for the whole page, shared by every feature (as BetterTTV does): features
// register a selector and get the new matching elements in one batch per turn of the event loop (a
// microtask after the page's own changes), each element once per watch. The batch runs before the
// browser renders what changed, so a name whose answer is known shows with its badge in the same
// frame, and the lookups of new names leave at once rather than a frame later. Nothing runs while the
// page does not change: no timers poll, and navigation inside TikTok's single-page app is noticed in
// the same batches (the URL is compared after each batch of mutations, and on popstate). A content
// script cannot see the page's history.pushState, but TikTok always rewrites the DOM when it
// navigates, so the comparison runs right after a navigation.
import { isOwn } from './own-nodes';

export interface WatchOptions<K = unknown> {
  /** CSS selector of the elements wanted (see selectors.ts). */
  selector: string;
  /** The batch's new matches, in document order of discovery, with their keys; never empty. */
  onMatch: (elements: Element[], keys: K[]) => void;
  /**
   * For elements the page rewrites in place (a LIVE chat slot, a comment whose nodes React reuses for
   * another author): an element is handed over again when its key (say, the author it names) changes,
   * as `sameKey` (by default ===) compares them; never undefined. An element whose key cannot be read
   * (it throws) is left as it was. Without a key, an element is handed over once.
   */
  key?: (element: Element) => K;
  sameKey?: (a: K, b: K) => boolean;
  /**
   * Attribute changes that may change a match or its key (observed only while a watch asks): on the
   * match, inside it, or on an element around it (a link around a name).
   */
  attributes?: string[];
  /** Text changes inside a match may change its key (observed only while a watch asks). */
  characterData?: boolean;
  /**
   * Containers whose attribute changes may change the key of the matches inside them: a feed item's
   * author decides whose subscribers its comments' authors are.
   */
  within?: string;
}

export interface PageObserver {
  /** Starts a watch; elements already in the page are handed over in the next batch. Returns the stop. */
  watch<K>(name: string, options: WatchOptions<K>): () => void;
  /**
   * Resolves with the predicate's first non-null value, checked now and after every batch, or with
   * null after `timeoutMs` or when `signal` aborts. Text changes are observed while one waits, since
   * TikTok updates numbers in place.
   */
  waitFor<T>(name: string, predicate: () => T | null | undefined, timeoutMs: number, signal?: AbortSignal): Promise<T | null>;
  /** Calls back with the new and the previous URL after each navigation. Returns the stop. */
  onNavigate(listener: (url: string, previous: string) => void): () => void;
  disconnect(): void;
}

export interface ObserverEnvironment {
  root?: Node;
  window?: Window & typeof globalThis;
  /** Runs the batch soon; in a microtask by default. Returns a cancel. */
  schedule?: (batch: () => void) => () => void;
  log?: (message: string, error: unknown) => void;
}

interface Watch extends WatchOptions {
  name: string;
  /** Each element handed over, with its key then (true without a key). */
  handled: WeakMap<Element, unknown>;
  /** The whole page is still to be searched (a new watch). */
  scanAll: boolean;
}

interface Waiter {
  check: () => void;
}

const LOG_PREFIX = '[Tierkit]';

/**
 * Tierkit's own elements (badges, see own-nodes.ts): no watch wants them, so a record that only adds or
 * removes them, or sets their attributes, is no change to look at. Without this, the 1,667 badges of a
 * long comment list made a second batch that looked at each of their rows again. An element the page
 * made is a change like any other, whatever it is called.
 */
function isOwnRecord(record: MutationRecord): boolean {
  if (record.type === 'attributes') return isOwn(record.target);
  if (record.type !== 'childList') return false;
  for (const node of record.addedNodes) if (!isOwn(node)) return false;
  for (const node of record.removedNodes) if (!isOwn(node)) return false;
  return record.addedNodes.length + record.removedNodes.length > 0;
}

/** Runs `fn`; an exception is logged once per name and never reaches the page. */
export function createGuard(log: (message: string, error: unknown) => void) {
  const logged = new Set<string>();
  return function guard<T>(name: string, fn: () => T): T | undefined {
    try {
      return fn();
    } catch (error) {
      if (!logged.has(name)) {
        logged.add(name);
        log(`${LOG_PREFIX} ${name} failed; later failures are not logged`, error);
      }
      return undefined;
    }
  };
}

/** A microtask: the page's changes of this turn are all recorded by then (see the top). */
const soon = (batch: () => void) => {
  let pending = true;
  queueMicrotask(() => {
    if (pending) batch();
  });
  return () => {
    pending = false;
  };
};

export function createPageObserver(env: ObserverEnvironment = {}): PageObserver {
  const win = env.window ?? window;
  const root = env.root ?? win.document;
  const schedule = env.schedule ?? soon;
  const guard = createGuard(env.log ?? ((message, error) => console.error(message, error)));

  const watches = new Set<Watch>();
  const waiters = new Set<Waiter>();
  const navigationListeners = new Set<(url: string, previous: string) => void>();
  // Roots of added subtrees, nodes whose content or attributes changed, and of those the elements
  // whose attributes changed, since the last batch.
  const added = new Set<Element>();
  const changed = new Set<Node>();
  const attributed = new Set<Element>();
  let href = win.location.href;
  let cancelBatch: (() => void) | null = null;
  let disconnected = false;

  const mutationObserver = new win.MutationObserver((records: MutationRecord[]) => {
    // Without watches, a batch only looks at the URL: keep no nodes.
    if (watches.size > 0 ? collect(records) : records.some((record) => !isOwnRecord(record))) requestBatch();
  });
  /** Collects what the page changed; false when every record was Tierkit's own. */
  function collect(records: MutationRecord[]): boolean {
    let pageChanged = false;
    for (const record of records) {
      if (isOwnRecord(record)) continue;
      pageChanged = true;
      if (record.type === 'childList') {
        for (const node of record.addedNodes) if (node.nodeType === 1) added.add(node as Element);
      } else if (record.type === 'attributes') {
        attributed.add(record.target as Element);
      }
      changed.add(record.target);
    }
    return pageChanged;
  }
  let observedOptions = '';
  function observe() {
    if (disconnected) return;
    const attributeFilter = [...new Set([...watches].flatMap((w) => w.attributes ?? []))].sort();
    const characterData = waiters.size > 0 || [...watches].some((w) => w.characterData);
    const options: MutationObserverInit = { childList: true, subtree: true, characterData };
    if (attributeFilter.length > 0) options.attributeFilter = attributeFilter;
    const key = JSON.stringify(options);
    if (key === observedOptions) return;
    observedOptions = key;
    // Observing again replaces the options in browsers, but happy-dom (the unit tests) keeps the first:
    // start over, keeping the records not delivered yet.
    const pending = mutationObserver.takeRecords();
    mutationObserver.disconnect();
    mutationObserver.observe(root, options);
    if (pending.length > 0) {
      if (watches.size > 0) collect(pending);
      requestBatch();
    }
  }
  observe();

  const onPopState = () => requestBatch();
  win.addEventListener('popstate', onPopState);

  function requestBatch() {
    if (cancelBatch || disconnected) return;
    cancelBatch = schedule(runBatch);
  }

  function matchesOf(watch: Watch): { fresh: Element[]; keys: unknown[] } {
    const candidates: Element[] = [];
    if (watch.scanAll) {
      watch.scanAll = false;
      if ('querySelectorAll' in root) for (const e of (root as ParentNode).querySelectorAll(watch.selector)) candidates.push(e);
    }
    for (const element of added) {
      if (!element.isConnected) continue;
      if (element.matches(watch.selector)) candidates.push(element);
      // A loop, not a spread: a long page can hold more matches than a call takes arguments.
      for (const e of element.querySelectorAll(watch.selector)) candidates.push(e);
    }
    // Content or attributes changed inside a match: a keyed watch re-reads its key; an element that
    // only now matches (an attribute set late) is new.
    for (const node of changed) {
      const element = node.nodeType === 1 ? (node as Element) : node.parentElement;
      const match = element?.isConnected ? element.closest(watch.selector) : null;
      if (match) candidates.push(match);
    }
    // An observed attribute changed around matches (a link around a name) or in their container.
    if (watch.attributes) {
      for (const element of attributed) {
        if (!element.isConnected) continue;
        const scope = (watch.within ? element.closest(watch.within) : null) ?? element;
        for (const e of scope.querySelectorAll(watch.selector)) candidates.push(e);
      }
    }
    const fresh: Element[] = [];
    const keys: unknown[] = [];
    const { key: keyOf, sameKey = (a: unknown, b: unknown) => a === b } = watch;
    for (const element of candidates) {
      const key = keyOf ? guard(watch.name, () => keyOf(element)) : true;
      if (key === undefined) continue;
      const previous = watch.handled.get(element);
      if (previous !== undefined && sameKey(previous, key)) continue;
      watch.handled.set(element, key);
      fresh.push(element);
      keys.push(key);
    }
    return { fresh, keys };
  }

  function runBatch() {
    cancelBatch = null;
    if (disconnected) return;
    if (win.location.href !== href) {
      const previous = href;
      href = win.location.href;
      for (const listener of [...navigationListeners]) guard('navigation', () => listener(href, previous));
    }
    // A callback may change the page or the watches: work on copies; its own changes make a new batch.
    for (const watch of [...watches]) {
      if (!watches.has(watch)) continue;
      const { fresh, keys } = matchesOf(watch);
      if (fresh.length > 0) guard(watch.name, () => watch.onMatch(fresh, keys));
    }
    added.clear();
    changed.clear();
    attributed.clear();
    for (const waiter of [...waiters]) waiter.check();
  }

  return {
    watch(name, options) {
      const watch = { ...options, name, handled: new WeakMap(), scanAll: true } as Watch;
      watches.add(watch);
      observe();
      requestBatch();
      return () => {
        watches.delete(watch);
        observe();
      };
    },

    waitFor(name, predicate, timeoutMs, signal) {
      return new Promise((resolve) => {
        const now = guard(name, predicate);
        if (now != null || disconnected || signal?.aborted) {
          resolve(now ?? null);
          return;
        }
        const finish = (value: NonNullable<typeof now> | null) => {
          waiters.delete(waiter);
          clearTimeout(timer);
          signal?.removeEventListener('abort', onAbort);
          observe();
          resolve(value);
        };
        const waiter: Waiter = {
          check: () => {
            if (disconnected || signal?.aborted) return finish(null);
            const value = guard(name, predicate);
            if (value != null) finish(value);
          },
        };
        // One last look at the timeout: for a predicate that came true without a change the observer reports.
        const timer = setTimeout(() => {
          const value = disconnected || signal?.aborted ? null : guard(name, predicate);
          finish(value ?? null);
        }, timeoutMs);
        const onAbort = () => finish(null);
        signal?.addEventListener('abort', onAbort);
        waiters.add(waiter);
        observe();
      });
    },

    onNavigate(listener) {
      navigationListeners.add(listener);
      return () => navigationListeners.delete(listener);
    },

    disconnect() {
      if (disconnected) return;
      disconnected = true;
      mutationObserver.disconnect();
      win.removeEventListener('popstate', onPopState);
      cancelBatch?.();
      cancelBatch = null;
      watches.clear();
      navigationListeners.clear();
      for (const waiter of [...waiters]) waiter.check();
      added.clear();
      changed.clear();
      attributed.clear();
    },
  };
}
