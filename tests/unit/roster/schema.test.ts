import { describe, expect, it } from 'vitest';
import { setLanguage } from '@/lib/i18n';
import { normalizeNickname, subscriberSchema, type SubscriberInput } from '@/lib/roster/schema';
import { subscriber } from './fixtures';

function problems(input: unknown): Record<string, string> {
  const result = subscriberSchema.safeParse(input);
  if (result.success) return {};
  return Object.fromEntries(result.error.issues.map((issue) => [issue.path.join('.'), issue.message]));
}

describe('subscriberSchema', () => {
  it('accepts a record and normalises handles and the nickname', () => {
    const input: SubscriberInput = {
      ...subscriber(),
      creatorHandle: ' @Mara.Lens ',
      handle: '@Fan_One',
      nickname: '  Cafe\u0301 ✨ ',
      note: '  likes the LIVEs  ',
    };
    const parsed = subscriberSchema.parse(input);
    expect(parsed.creatorHandle).toBe('mara.lens');
    expect(parsed.handle).toBe('fan_one');
    expect(parsed.nickname).toBe('Café ✨');
    expect(parsed.nickname).toBe(normalizeNickname('Café ✨'));
    expect(parsed.note).toBe('likes the LIVEs');
  });

  it('takes a nickname alone, a handle alone, and an empty note by default', () => {
    const { handle: _h, ...nicknameOnly } = subscriber({ nickname: 'Mara 🌸' });
    expect(subscriberSchema.safeParse(nicknameOnly).success).toBe(true);
    const { note: _n, ...withoutNote } = subscriber();
    expect(subscriberSchema.parse(withoutNote).note).toBe('');
  });

  it('requires a handle or a nickname, saying so on the handle', () => {
    const { handle: _h, ...neither } = subscriber();
    expect(problems(neither)).toEqual({ handle: 'Give a TikTok username or a nickname (or both)' });
  });

  it('lists every problem of a bad record at once', () => {
    const bad = {
      ...subscriber(),
      handle: undefined,
      id: 'has spaces',
      creatorHandle: 'x',
      tierId: '',
      since: '2025-02-30',
      monthsOverride: -1,
      status: 'paused',
      source: 'web',
      note: 'x'.repeat(501),
    };
    expect(problems(bad)).toEqual({
      id: 'Not a valid identifier',
      creatorHandle: 'A TikTok username has 2 to 24 letters, digits, "_" or "." and does not end with "."',
      tierId: 'Not a valid identifier',
      since: 'Not a real date (YYYY-MM-DD)',
      monthsOverride: 'Months must be a whole number from 0 to 1200, or empty to count them from the start date',
      status: 'Must be one of: active, lapsed',
      source: 'Must be one of: manual, csv, context-menu, pack',
      note: 'At most 500 characters',
      handle: 'Give a TikTok username or a nickname (or both)',
    });
  });

  it.each([
    ['a', 'handle'],
    ['ends.', 'handle'],
    ['has space', 'handle'],
    ['x'.repeat(25), 'handle'],
  ])('refuses the handle %j', (handle, path) => {
    expect(Object.keys(problems(subscriber({ handle })))).toEqual([path]);
  });

  it('counts nickname length in characters a person sees: 30 emoji pass, 31 do not', () => {
    expect(subscriberSchema.safeParse(subscriber({ nickname: '🔥'.repeat(30) })).success).toBe(true);
    expect(problems(subscriber({ nickname: '🔥'.repeat(31) }))).toEqual({ nickname: 'A nickname has at most 30 characters' });
  });

  it('refuses blank nicknames, nicknames with control characters, and fractional months', () => {
    expect(problems(subscriber({ nickname: '   ' }))).toEqual({ nickname: 'Required' });
    expect(problems(subscriber({ nickname: 'a\u0007b' }))).toEqual({ nickname: 'Contains invisible control characters' });
    expect(problems(subscriber({ monthsOverride: 2.5 }))).toEqual({ monthsOverride: 'Must be a whole number' });
  });

  it('speaks Italian', () => {
    setLanguage('it');
    const { handle: _h, ...neither } = subscriber();
    expect(problems(neither)).toEqual({ handle: 'Indica un nome utente TikTok o un nickname (o entrambi)' });
  });
});
