import { describe, expect, it } from 'vitest';
import { routeKey, routeOf } from '@/lib/parsers/tiktok-routes';

const at = (path: string) => routeOf(`https://www.tiktok.com${path}`);

describe('routeOf', () => {
  it('reads a profile, with or without a trailing slash and query, in lower case', () => {
    expect(at('/@mara.sings')).toEqual({ kind: 'profile', handle: 'mara.sings' });
    expect(at('/@mara.sings/')).toEqual({ kind: 'profile', handle: 'mara.sings' });
    expect(at('/@Mara.Sings?lang=en&is_from_webapp=1#top')).toEqual({ kind: 'profile', handle: 'mara.sings' });
    expect(at('/@night_owl.22')).toEqual({ kind: 'profile', handle: 'night_owl.22' });
  });

  it('reads video and LIVE pages with their creator', () => {
    expect(at('/@mara.sings/video/7301234567890123456')).toEqual({
      kind: 'video',
      handle: 'mara.sings',
      videoId: '7301234567890123456',
    });
    expect(at('/@Mara.Sings/video/7301234567890123456/?q=1')).toMatchObject({ kind: 'video', handle: 'mara.sings' });
    expect(at('/@mara.sings/live')).toEqual({ kind: 'live', handle: 'mara.sings' });
    expect(at('/@mara.sings/live/?enter_from_merge=others_homepage')).toEqual({ kind: 'live', handle: 'mara.sings' });
  });

  it('reads the feed at / and /foryou', () => {
    expect(at('/')).toEqual({ kind: 'feed' });
    expect(at('/foryou')).toEqual({ kind: 'feed' });
    expect(at('/foryou/?lang=it')).toEqual({ kind: 'feed' });
  });

  it('calls everything else other', () => {
    for (const path of [
      '/explore',
      '/@mara.sings/photo/7301234567890123456',
      '/@mara.sings/video/abc',
      '/@mara.sings/extra',
      '/mara.sings',
      '/@m',
      '/@mara-sings',
      '/@m%C3%A4ra',
      '/@' + 'a'.repeat(25),
      '/tiktokstudio',
    ]) {
      expect(at(path), path).toEqual({ kind: 'other' });
    }
    expect(routeOf('https://m.tiktok.com/@mara.sings')).toEqual({ kind: 'other' });
    expect(routeOf('http://www.tiktok.com/@mara.sings')).toEqual({ kind: 'other' });
    expect(routeOf('https://www.tiktok.com.evil.example/@mara.sings')).toEqual({ kind: 'other' });
    expect(routeOf('not a url')).toEqual({ kind: 'other' });
  });
});

describe('routeKey', () => {
  it('is the same for one page view and differs between pages', () => {
    expect(routeKey(at('/@mara.sings'))).toBe(routeKey(at('/@Mara.Sings/?lang=en')));
    expect(routeKey(at('/@mara.sings'))).not.toBe(routeKey(at('/@lena.paints')));
    expect(routeKey(at('/@mara.sings'))).not.toBe(routeKey(at('/@mara.sings/live')));
    expect(routeKey(at('/@mara.sings/video/1'))).not.toBe(routeKey(at('/@mara.sings/video/2')));
  });
});
