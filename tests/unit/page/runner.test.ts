import { afterEach, describe, expect, it, vi } from 'vitest';
import type { Feature, FeatureContext } from '@/lib/page/feature';
import { createPageObserver, type PageObserver } from '@/lib/page/observer';
import { runFeatures, type FeatureRunner } from '@/lib/page/runner';
import { manualFrames, setUrl } from './helpers';

let observer: PageObserver;
let runner: FeatureRunner;
afterEach(() => {
  runner?.stop();
  observer?.disconnect();
});

function recording(id: string, pages: Feature['pages']) {
  const starts: FeatureContext[] = [];
  const feature: Feature = { id, pages, start: (context) => void starts.push(context) };
  return { feature, starts };
}

async function navigate(frames: ReturnType<typeof manualFrames>, path: string) {
  history.pushState(null, '', path);
  document.body.append(document.createElement('div'));
  await frames.frame();
}

describe('the feature runner', () => {
  it('starts the features serving each page view, and ends the previous view', async () => {
    setUrl('https://www.tiktok.com/@mara.sings');
    const frames = manualFrames();
    observer = createPageObserver({ schedule: frames.schedule });
    const profile = recording('profile', ['profile']);
    const comments = recording('comments', ['video', 'live']);
    runner = runFeatures([profile.feature, comments.feature], { observer, send: async () => undefined });

    expect(profile.starts.map((c) => [c.route, c.firstView])).toEqual([[{ kind: 'profile', handle: 'mara.sings' }, true]]);
    expect(comments.starts).toEqual([]);

    await navigate(frames, '/@mara.sings?lang=it'); // the same page
    expect(profile.starts).toHaveLength(1);
    expect(runner.view()).toMatchObject({ url: 'https://www.tiktok.com/@mara.sings?lang=it', firstView: true });

    await navigate(frames, '/@mara.sings/video/7401234567890123457');
    expect(profile.starts[0]!.signal.aborted).toBe(true);
    expect(comments.starts.map((c) => [c.route.kind, c.firstView])).toEqual([['video', false]]);

    await navigate(frames, '/@lena.paints');
    expect(comments.starts[0]!.signal.aborted).toBe(true);
    expect(profile.starts.map((c) => c.url)).toEqual([
      'https://www.tiktok.com/@mara.sings',
      'https://www.tiktok.com/@lena.paints',
    ]);
    expect(profile.starts[1]!.firstView).toBe(false);

    runner.stop();
    expect(profile.starts[1]!.signal.aborted).toBe(true);
  });

  it('keeps a failing feature from stopping the others', () => {
    setUrl('https://www.tiktok.com/@mara.sings');
    observer = createPageObserver({ schedule: manualFrames().schedule });
    const healthy = recording('healthy', ['profile']);
    const failing: Feature = {
      id: 'failing',
      pages: ['profile'],
      start: () => {
        throw new Error('boom');
      },
    };
    const log = vi.fn();
    runner = runFeatures([failing, healthy.feature], { observer, send: async () => undefined, log });
    expect(healthy.starts).toHaveLength(1);
    expect(log).toHaveBeenCalledWith(expect.stringMatching(/^\[Tierkit\] failing failed/), expect.any(Error));
  });
});
