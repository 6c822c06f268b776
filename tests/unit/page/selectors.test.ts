// Each selector against the fixtures of the markup generations it documents.
import { describe, expect, it } from 'vitest';
import { feedSelectors, liveSelectors, profileSelectors as p, videoSelectors as v } from '@/lib/page/selectors';
import { loadFixture, type FixtureName } from './helpers';

const texts = (doc: Document, selector: string) => [...doc.querySelectorAll(selector)].map((e) => e.textContent?.trim());

describe('profile selectors', () => {
  const generations: [FixtureName, string, string[]][] = [
    ['profile-own-2025', p.universalData, ['212', '11K', '312.4K']],
    ['profile-own-2022', p.sigiState, ['180', '8412', '201.3K']],
  ];
  for (const [name, script, counts] of generations) {
    it(`find the JSON, header, counts and videos of ${name}`, () => {
      const doc = loadFixture(name);
      expect(JSON.parse(doc.querySelector(script)!.textContent!)).toBeTypeOf('object');
      expect(texts(doc, p.userTitle)).toEqual(['mara.sings']);
      expect(texts(doc, p.userSubtitle)).toEqual(['Mara Sings']);
      expect([p.followingCount, p.followersCount, p.likesCount].map((s) => texts(doc, s))).toEqual(counts.map((c) => [c]));
      // Each count sits in a DivNumber, whatever the generation's hash prefix.
      expect(doc.querySelector(p.followersCount)!.closest('[class*="DivNumber"]')).not.toBeNull();
      const items = [...doc.querySelectorAll(p.videoItem)];
      expect(items.length).toBeGreaterThanOrEqual(3);
      for (const item of items) {
        expect(item.querySelector(p.videoLink)!.getAttribute('href')).toMatch(/\/@mara\.sings\/video\/\d+$/);
        expect(item.querySelector(p.videoViews)!.textContent).toMatch(/^[\d.]+[KM]?$/);
      }
    });
  }

  it('find no other generation’s JSON, and none of the 2020-21 kind in these fixtures', () => {
    expect(loadFixture('profile-own-2025').querySelector(p.sigiState)).toBeNull();
    expect(loadFixture('profile-own-2022').querySelector(p.universalData)).toBeNull();
    expect(loadFixture('profile-own-2025').querySelector(p.nextData)).toBeNull();
  });

  it('find no counts on a missing account, and no videos on a private one', () => {
    expect(loadFixture('profile-not-found-2025').querySelector(p.followersCount)).toBeNull();
    expect(loadFixture('profile-private-2025').querySelector(p.videoItem)).toBeNull();
  });
});

describe('selectors for badges (issue 4)', () => {
  const handleOf = (name: Element) =>
    (name.closest(v.handleLink) ?? name.querySelector(v.handleLink))?.getAttribute('href');

  for (const name of ['video-2025', 'video-2022'] as const) {
    it(`find comment and reply authors with their handles, never an @mention, in ${name}`, () => {
      const doc = loadFixture(name);
      const comments = [...doc.querySelectorAll(v.commentAuthor)];
      expect(comments.map(handleOf)).toEqual(name === 'video-2025' ? ['/@fan.one', '/@night_owl.22'] : ['/@fan.one']);
      expect(comments.map((c) => c.textContent?.trim())).toContain('Fan One');
      expect([...doc.querySelectorAll(v.replyAuthor)].map(handleOf)).toEqual(['/@mara.sings']);
    });
  }

  it('find LIVE chat senders by nickname, not join rows', () => {
    const doc = loadFixture('live-2025');
    expect([...doc.querySelectorAll(liveSelectors.chatSender)].map((e) => e.getAttribute('title'))).toEqual([
      'Fan One',
      'Night Owl',
    ]);
  });

  it('find each feed item’s author, not the people its caption mentions', () => {
    const doc = loadFixture('foryou-2025');
    expect([...doc.querySelectorAll(feedSelectors.itemAuthor)].map((e) => e.getAttribute('href'))).toEqual([
      '/@lena.paints',
      '/@mara.sings',
    ]);
  });
});
