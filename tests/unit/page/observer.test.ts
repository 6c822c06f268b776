import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { createPageObserver, type PageObserver } from '@/lib/page/observer';
import { markOwn } from '@/lib/page/own-nodes';
import { manualFrames, setUrl, settle } from './helpers';

let frames: ReturnType<typeof manualFrames>;
let observer: PageObserver;
let log: ReturnType<typeof vi.fn<(message: string, error: unknown) => void>>;

function item(text: string, attrs: Record<string, string> = {}) {
  const element = document.createElement('div');
  element.className = 'item';
  element.textContent = text;
  for (const [name, value] of Object.entries(attrs)) element.setAttribute(name, value);
  return element;
}

/** An element as Tierkit's own code makes it. */
function own<T extends Element>(element: T): T {
  markOwn(element);
  return element;
}

beforeEach(() => {
  setUrl('https://www.tiktok.com/@mara.sings');
  document.body.innerHTML = '<main><div class="item">first</div></main>';
  frames = manualFrames();
  log = vi.fn<(message: string, error: unknown) => void>();
  observer = createPageObserver({ schedule: frames.schedule, log });
});

afterEach(() => {
  observer.disconnect();
  document.body.innerHTML = '';
});

describe('the page observer', () => {
  it('hands over the elements already there, then each batch of new ones in one call per frame', async () => {
    const onMatch = vi.fn();
    observer.watch('items', { selector: '.item', onMatch });
    await frames.frame();
    expect(onMatch).toHaveBeenCalledTimes(1);
    expect(onMatch.mock.calls[0]![0].map((e: Element) => e.textContent)).toEqual(['first']);

    const main = document.querySelector('main')!;
    main.append(item('second'));
    const wrapper = document.createElement('section');
    wrapper.append(item('third'), item('fourth'));
    main.append(wrapper);
    await settle();
    expect(onMatch).toHaveBeenCalledTimes(1); // nothing before the frame
    await frames.frame();
    expect(onMatch).toHaveBeenCalledTimes(2);
    expect(onMatch.mock.calls[1]![0].map((e: Element) => e.textContent)).toEqual(['second', 'third', 'fourth']);
  });

  it('takes no batch for Tierkit’s own elements: adding, updating or removing badges changes nothing it watches', async () => {
    const onMatch = vi.fn();
    observer.watch('items', { selector: '.item', onMatch, key: (element) => element.textContent ?? '', attributes: ['title'] });
    await frames.frame();
    const element = document.querySelector('.item')!;
    const badge = own(document.createElement('tierkit-badge'));
    element.after(badge);
    await settle();
    expect(frames.pending).toBe(0);
    badge.setAttribute('title', 'Gold');
    await settle();
    expect(frames.pending).toBe(0);
    badge.remove();
    await settle();
    expect(frames.pending).toBe(0);
    // A page change in the same turn still counts.
    element.after(own(document.createElement('tierkit-badge')));
    document.querySelector('main')!.append(item('second'));
    await frames.frame();
    expect(onMatch.mock.calls.map((call) => call[0].map((e: Element) => e.textContent))).toEqual([['first'], ['second']]);
  });

  it('takes an element the page made for a page change, whatever it is called', async () => {
    const onMatch = vi.fn();
    observer.watch('items', { selector: '.item', onMatch });
    await frames.frame();
    // A page's copy of a badge, and a page element named like Tierkit's that holds what a watch wants.
    document.querySelector('.item')!.after(document.createElement('tierkit-badge'));
    await settle();
    expect(frames.pending).toBe(1);
    const wrapper = document.createElement('tierkit-badge');
    wrapper.append(item('inside'));
    document.querySelector('main')!.append(wrapper);
    await frames.frame();
    expect(onMatch.mock.calls.map((call) => call[0].map((e: Element) => e.textContent))).toEqual([['first'], ['inside']]);
  });

  it('re-reads a key when an observed attribute changes on an element around the match, or in its container', async () => {
    document.body.innerHTML =
      '<article class="post"><a class="author" href="/@lena.paints"></a>' +
      '<a class="link" href="/@fan.one"><span class="name">Fan One</span></a></article>';
    const seen: string[] = [];
    observer.watch('names', {
      selector: '.name',
      key: (name) => `${name.closest('a')!.getAttribute('href')} on ${name.closest('.post')!.querySelector('.author')!.getAttribute('href')}`,
      attributes: ['href'],
      within: '.post',
      onMatch: (names) => seen.push(...names.map((name) => `${name.closest('a')!.getAttribute('href')} on ${name.closest('.post')!.querySelector('.author')!.getAttribute('href')}`)),
    });
    await frames.frame();
    document.querySelector('.link')!.setAttribute('href', '/@night_owl.22');
    await frames.frame();
    document.querySelector('.author')!.setAttribute('href', '/@mara.sings');
    await frames.frame();
    // The same again: nothing.
    document.querySelector('.author')!.setAttribute('href', '/@mara.sings');
    await frames.frame();
    expect(seen).toEqual(['/@fan.one on /@lena.paints', '/@night_owl.22 on /@lena.paints', '/@night_owl.22 on /@mara.sings']);
  });

  it('observes text changes while a watch asks for them, and only then', async () => {
    document.body.innerHTML = '<h1 class="title">lena.paints</h1>';
    const seen: string[] = [];
    const stop = observer.watch('title', {
      selector: '.title',
      key: (title) => title.textContent ?? '',
      characterData: true,
      onMatch: (titles) => seen.push(...titles.map((title) => title.textContent ?? '')),
    });
    await frames.frame();
    const text = document.querySelector('.title')!.firstChild!;
    text.nodeValue = 'night_owl.22';
    await frames.frame();
    expect(seen).toEqual(['lena.paints', 'night_owl.22']);
    stop();
    text.nodeValue = 'mara.sings';
    await settle();
    expect(frames.pending).toBe(0);
  });

  it('hands over each element once per watch, even when it moves or its content changes', async () => {
    const first = vi.fn();
    const second = vi.fn();
    observer.watch('one', { selector: '.item', onMatch: first });
    observer.watch('two', { selector: '.item', onMatch: second });
    await frames.frame();
    const element = document.querySelector('.item')!;
    element.append(document.createElement('span'));
    document.body.append(element); // moved: removed and added again
    await frames.frame();
    expect(first.mock.calls.flatMap((call) => call[0])).toEqual([element]);
    expect(second.mock.calls.flatMap((call) => call[0])).toEqual([element]);
  });

  it('does no work while the page does not change', async () => {
    observer.watch('items', { selector: '.item', onMatch: () => {} });
    await frames.frame();
    await settle();
    expect(frames.pending).toBe(0);
    document.body.append(item('new'));
    await settle();
    expect(frames.pending).toBe(1);
  });

  it('compares keys as the watch says, and hands the keys over with their elements', async () => {
    document.body.innerHTML = '<a class="link" href="/@Fan.One">Fan One</a>';
    const seen: [string, string][] = [];
    observer.watch<{ handle: string }>('links', {
      selector: '.link',
      key: (link) => ({ handle: link.getAttribute('href')!.slice(2).toLowerCase() }),
      sameKey: (a, b) => a.handle === b.handle,
      attributes: ['href'],
      onMatch: (links, keys) => seen.push(...links.map((link, i) => [link.textContent!, keys[i]!.handle] as [string, string])),
    });
    await frames.frame();
    const link = document.querySelector('.link')!;
    link.setAttribute('href', '/@fan.one'); // the same handle: nothing
    await frames.frame();
    link.setAttribute('href', '/@night_owl.22');
    link.textContent = 'Night Owl';
    await frames.frame();
    expect(seen).toEqual([
      ['Fan One', 'fan.one'],
      ['Night Owl', 'night_owl.22'],
    ]);
  });

  it('hands a recycled slot over again when its key changes, and only then', async () => {
    document.body.innerHTML = '<div data-index="1"><span class="sender" title="Fan One">Fan One</span></div>';
    const seen: string[][] = [];
    observer.watch('senders', {
      selector: '.sender',
      key: (element) => element.getAttribute('title') ?? '',
      attributes: ['title'],
      onMatch: (elements) => seen.push(elements.map((e) => e.getAttribute('title') ?? '')),
    });
    await frames.frame();
    const sender = document.querySelector('.sender')!;
    sender.setAttribute('title', 'Night Owl');
    sender.textContent = 'Night Owl';
    await frames.frame();
    sender.setAttribute('title', 'Night Owl');
    sender.textContent = 'Night Owl';
    await frames.frame();
    expect(seen).toEqual([['Fan One'], ['Night Owl']]);
  });

  it('stops handing over after the watch is stopped', async () => {
    const onMatch = vi.fn();
    const stop = observer.watch('items', { selector: '.item', onMatch });
    await frames.frame();
    stop();
    document.body.append(item('late'));
    await frames.frame();
    expect(onMatch).toHaveBeenCalledTimes(1);
  });

  it('notices single-page navigation in the batch after the DOM changes, and on popstate', async () => {
    const onNavigate = vi.fn();
    observer.onNavigate(onNavigate);
    history.pushState(null, '', '/@lena.paints');
    document.body.append(item('lena'));
    await frames.frame();
    expect(onNavigate).toHaveBeenCalledWith('https://www.tiktok.com/@lena.paints', 'https://www.tiktok.com/@mara.sings');

    history.pushState(null, '', '/@mara.sings/live');
    window.dispatchEvent(new PopStateEvent('popstate'));
    await frames.frame();
    expect(onNavigate).toHaveBeenLastCalledWith('https://www.tiktok.com/@mara.sings/live', 'https://www.tiktok.com/@lena.paints');
    expect(onNavigate).toHaveBeenCalledTimes(2);
  });

  it('keeps an exception from escaping, logs it once, and carries on with the other watches', async () => {
    const failing = vi.fn(() => {
      throw new Error('boom');
    });
    const healthy = vi.fn();
    observer.watch('failing', { selector: '.item', onMatch: failing });
    observer.watch('healthy', { selector: '.item', onMatch: healthy });
    await frames.frame();
    document.body.append(item('again'));
    await frames.frame();
    expect(failing).toHaveBeenCalledTimes(2);
    expect(healthy).toHaveBeenCalledTimes(2);
    expect(log).toHaveBeenCalledTimes(1);
    expect(log.mock.calls[0]![0]).toMatch(/^\[Tierkit\] failing failed/);
  });

  it('waits for a condition that text changed in place makes true, or gives up after the bound', async () => {
    document.body.innerHTML = '<strong id="count">…</strong>';
    const strong = document.getElementById('count')!;
    const seen = observer.waitFor('count', () => (strong.textContent === '11K' ? strong.textContent : null), 10_000);
    strong.firstChild!.nodeValue = '11K';
    await frames.frame();
    await expect(seen).resolves.toBe('11K');

    vi.useFakeTimers();
    try {
      const never = observer.waitFor('never', () => null, 4000);
      vi.advanceTimersByTime(4000);
      await expect(never).resolves.toBeNull();
    } finally {
      vi.useRealTimers();
    }
  });

  it('ends a wait when its signal aborts', async () => {
    const ended = new AbortController();
    const waiting = observer.waitFor('aborted', () => null, 10_000, ended.signal);
    ended.abort();
    await expect(waiting).resolves.toBeNull();
  });

  it('stops everything on disconnect: no batches, no navigation, pending waits end', async () => {
    const onMatch = vi.fn();
    const onNavigate = vi.fn();
    observer.watch('items', { selector: '.item', onMatch });
    observer.onNavigate(onNavigate);
    await frames.frame();
    const waiting = observer.waitFor('wait', () => null, 10_000);
    observer.disconnect();
    await expect(waiting).resolves.toBeNull();
    history.pushState(null, '', '/@lena.paints');
    document.body.append(item('after'));
    window.dispatchEvent(new PopStateEvent('popstate'));
    await settle();
    expect(frames.pending).toBe(0);
    await frames.frame();
    expect(onMatch).toHaveBeenCalledTimes(1);
    expect(onNavigate).not.toHaveBeenCalled();
  });

  it('by default batches in a microtask: one turn’s changes together, no frame needed (a background tab has none)', async () => {
    observer.disconnect();
    vi.stubGlobal('requestAnimationFrame', () => 0);
    try {
      observer = createPageObserver();
      const onMatch = vi.fn();
      observer.watch('items', { selector: '.item', onMatch });
      await Promise.resolve();
      expect(onMatch.mock.calls.map((call) => call[0].map((e: Element) => e.textContent))).toEqual([['first']]);
      const main = document.querySelector('main')!;
      main.append(item('second'));
      main.append(item('third'));
      expect(onMatch).toHaveBeenCalledTimes(1);
      // The mutation records come in a microtask, the batch in the next.
      await Promise.resolve();
      await Promise.resolve();
      expect(onMatch.mock.calls.map((call) => call[0].map((e: Element) => e.textContent))).toEqual([['first'], ['second', 'third']]);
    } finally {
      vi.unstubAllGlobals();
    }
  });
});
