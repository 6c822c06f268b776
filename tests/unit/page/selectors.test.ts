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

describe('selectors for badges', () => {
  // A comment's text, where @mentions are links too (commentAuthor's sample shows it).
  const COMMENT_TEXT = '[data-e2e^="comment-level-"]';
  const handleOf = (name: Element) =>
    (name.closest(v.handleLink) ?? name.querySelector(v.handleLink))?.getAttribute('href');

  for (const name of ['video-2025', 'video-2022'] as const) {
    it(`find the comment list, comment and reply authors with their handles, never an @mention, in ${name}`, () => {
      const doc = loadFixture(name);
      expect(doc.querySelectorAll(v.commentList)).toHaveLength(1);
      const comments = [...doc.querySelectorAll(v.commentAuthor)];
      expect(comments.map(handleOf)).toEqual(['/@Fan.One', '/@quiet.corner']);
      expect(comments.map((c) => c.textContent?.trim())).toEqual(['Fan One', 'Quiet Corner']);
      expect([...doc.querySelectorAll(v.replyAuthor)].map(handleOf)).toEqual(['/@mara.sings', '/@night_owl.22']);
      // The authors' links are outside the texts, and the texts' mentions are links too.
      for (const author of doc.querySelectorAll(`${v.commentAuthor}, ${v.replyAuthor}`)) {
        expect((author.closest(v.handleLink) ?? author.querySelector(v.handleLink))!.closest(COMMENT_TEXT)).toBeNull();
      }
      expect([...doc.querySelectorAll(COMMENT_TEXT)].flatMap((t) => [...t.querySelectorAll(v.handleLink)].map((a) => a.textContent))).toEqual([
        '@lena.paints',
        '@Fan.One',
        '@night_owl.22',
      ]);
    });
  }

  it('find LIVE chat messages and their senders, not join or share rows, in the 2025 virtualised chat', () => {
    const doc = loadFixture('live-2025');
    expect(doc.querySelectorAll(liveSelectors.chatRoom).length).toBeGreaterThan(0);
    expect([...doc.querySelectorAll(liveSelectors.chatMessage)].map((m) => m.parentElement!.getAttribute('data-index'))).toEqual([
      '41',
      '42',
      '43',
      '45',
    ]);
    expect([...doc.querySelectorAll(liveSelectors.chatSender)].map((e) => e.getAttribute('title'))).toEqual([
      'Fan One',
      'Night Owl',
      'Sky Blue',
      'Quiet Corner',
    ]);
    expect(doc.querySelector(`${liveSelectors.chatMessage} ${v.handleLink}`)).toBeNull();
  });

  it('find LIVE chat senders and the avatar links that give their handles in the 2024 list', () => {
    const doc = loadFixture('live-2024');
    expect(doc.querySelectorAll(liveSelectors.chatRoom).length).toBeGreaterThan(0);
    const messages = [...doc.querySelectorAll(liveSelectors.chatMessage)];
    expect(messages.map((m) => m.querySelector(liveSelectors.chatSender)!.getAttribute('title'))).toEqual([
      'Fan One',
      'Sky Blue',
      'Night Owl',
      'Quiet Corner',
    ]);
    expect(messages.map((m) => m.querySelector(v.handleLink)?.getAttribute('href') ?? null)).toEqual([
      '/@Fan.One',
      '/@sky.blue.2',
      null,
      '/@quiet.corner',
    ]);
  });

  it('find each feed item’s author, not the people its caption mentions, in both generations', () => {
    const authors = (name: 'foryou-2025' | 'foryou-2022') =>
      [...loadFixture(name).querySelectorAll(feedSelectors.item)].map((item) => [
        item.querySelector(feedSelectors.authorAvatar)?.getAttribute('href') ?? null,
        item.querySelector(feedSelectors.authorName)!.closest(v.handleLink)!.getAttribute('href'),
      ]);
    expect(authors('foryou-2025')).toEqual([
      ['/@lena.paints', '/@lena.paints'],
      ['/@mara.sings', '/@mara.sings'],
      ['/@Night_Owl.22', '/@Night_Owl.22'],
    ]);
    // 2022-23: no avatar anchor, the handle's link only.
    expect(authors('foryou-2022')).toEqual([
      [null, '/@Lena.Paints'],
      [null, '/@quiet.corner'],
    ]);
    expect(loadFixture('foryou-2025').querySelector(`[data-e2e="video-desc"] ${feedSelectors.authorName}`)).toBeNull();
  });

  it('find the profile title (h1 since 2023, h2 in 2022), and the error a missing account shows instead', () => {
    expect(loadFixture('profile-other-2025').querySelector(p.userTitle)!.localName).toBe('h1');
    expect(loadFixture('profile-other-2022').querySelector(p.userTitle)!.localName).toBe('h2');
    expect(texts(loadFixture('profile-other-2022'), p.userTitle)).toEqual(['lena.paints']);
    const missing = loadFixture('profile-not-found-2025');
    expect(missing.querySelector(p.userTitle)).toBeNull();
    expect(missing.querySelector(p.errorContainer)).not.toBeNull();
    expect(loadFixture('profile-other-2025').querySelector(p.errorContainer)).toBeNull();
  });
});
