// Names as the page shows them: only a link to a tiktok.com profile names a handle.
import { describe, expect, it } from 'vitest';
import { authorOfVideoLink, handleOfLink, handleOfText, nicknameOf } from '@/lib/page/badges/names';

const link = (href: string | null) => {
  const a = document.createElement('a');
  if (href !== null) a.setAttribute('href', href);
  return a;
};

describe('the handle a link names', () => {
  it('is the profile’s handle, in lower case, for links to tiktok.com profiles', () => {
    for (const [href, handle] of [
      ['/@Fan.One', 'fan.one'],
      ['/@fan.one/', 'fan.one'],
      ['/@fan.one?lang=en', 'fan.one'],
      ['/@fan.one#top', 'fan.one'],
      ['https://www.tiktok.com/@Fan.One', 'fan.one'],
      ['https://www.tiktok.com/@fan.one/?lang=it', 'fan.one'],
      ['HTTPS://WWW.TIKTOK.COM/@fan.one', 'fan.one'],
      ['https://tiktok.com/@night_owl.22', 'night_owl.22'],
    ]) {
      expect(handleOfLink(link(href!)), href).toBe(handle);
    }
  });

  it('is none for a link anywhere else, or to something other than a profile', () => {
    for (const href of [
      'https://evil.example/@fan.one',
      'http://evil.example/@fan.one',
      '//evil.example/@fan.one',
      '/\\evil.example/@fan.one',
      'https://www.tiktok.com.evil.example/@fan.one',
      'https://evil.example/https://www.tiktok.com/@fan.one',
      'https://evil.example/?next=/@fan.one',
      'https://www.tiktok.com@evil.example/@fan.one',
      'http://www.tiktok.com/@fan.one',
      'javascript:/@fan.one',
      ' /@fan.one',
      '/foo/@fan.one',
      '/@fan.one/video/7401234567890123457',
      '/@fan.one/live',
      '/@f',
      '/@fan one',
      '/@' + 'a'.repeat(25),
      '',
    ]) {
      expect(handleOfLink(link(href)), href).toBeNull();
    }
    expect(handleOfLink(link(null))).toBeNull();
    expect(handleOfLink(null)).toBeNull();
  });
});

describe('the author a video link names', () => {
  it('is the handle of a tiktok.com video’s link, and nothing for any other link', () => {
    expect(authorOfVideoLink('https://www.tiktok.com/@Mara.Sings/video/7401234567890123456')).toBe('mara.sings');
    expect(authorOfVideoLink('/@mara.sings/video/7401234567890123456?is_from_webapp=1')).toBe('mara.sings');
    for (const href of [
      'https://evil.example/@mara.sings/video/7401234567890123456',
      '//evil.example/@mara.sings/video/1',
      'https://www.tiktok.com/@mara.sings',
      'https://www.tiktok.com/@mara.sings/photo/7401234567890123456',
      'https://www.tiktok.com/x/@mara.sings/video/1',
      null,
    ]) {
      expect(authorOfVideoLink(href), String(href)).toBeNull();
    }
  });
});

describe('handles and nicknames as text', () => {
  it('reads a typed handle, with or without @, and a trimmed nickname', () => {
    expect(handleOfText(' @Lena.Paints ')).toBe('lena.paints');
    expect(handleOfText('Lena Paints')).toBeNull();
    expect(nicknameOf('  Fan One ')).toBe('Fan One');
    expect(nicknameOf('   ')).toBeNull();
  });
});
