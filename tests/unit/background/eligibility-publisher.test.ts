import { describe, expect, it } from 'vitest';
import { createHandler } from '@/lib/background/pages-handler';
import { createEligibilityPublisher } from '@/lib/background/eligibility-publisher';
import { eligibilityWithBonusSchema, type EligibilityWithBonus as EligibilityView } from '@/lib/protocol/bonus-view';
import { emptyWorkspace } from '@/lib/domain/defaults';
import type { Settings } from '@/lib/domain/schema';
import { TierkitDb } from '@/lib/store/db';
import { recordSnapshot } from '@/lib/store/stats-store';
import { loadWorkspace } from '@/lib/store/workspace-store';
import { versionOf } from '@/lib/domain/version';
import { DAY, NOW, creator, snapshot } from './helpers';

// The background registers its own strings at start; so does this test.

function setup() {
  const db = new TierkitDb(`publisher-${crypto.randomUUID()}`);
  let clock = NOW;
  let stored: EligibilityView | null = null;
  const published: (EligibilityView | null)[] = [];
  const badges: [string, string][] = [];
  const notes: [string, string, string][] = [];
  // The bonus reminders apart: "today" is a month's last day, when a bonus without views is at risk.
  const reminders: [string, string, string][] = [];
  const log: string[] = [];
  const hooks = { beforeRead: async () => {}, failPublish: false };
  const refresh = createEligibilityPublisher({
    db,
    readPublished: async () => {
      log.push('read');
      await hooks.beforeRead();
      return stored;
    },
    publish: async (view) => {
      log.push('publish');
      if (hooks.failPublish) throw new Error('storage quota');
      if (view) expect(eligibilityWithBonusSchema.safeParse(view).success).toBe(true);
      stored = structuredClone(view);
      published.push(stored);
    },
    setBadge: async (text, title) => {
      log.push('badge');
      badges.push([text, title]);
    },
    notify: async (id, title, message) => void (id.startsWith('tierkit-bonus-') ? reminders : notes).push([id, title, message]),
    browserLanguage: () => 'en-US',
    now: () => clock,
  });
  // Profile and settings go in as the pages send them: through the background's commands.
  const pages = createHandler({ db, publish: async () => {}, browserLanguage: () => 'en-US', now: () => clock });
  const command = async (command: unknown) => expect(await pages.handle({ type: 'command', command })).toMatchObject({ ok: true });
  return {
    db,
    refresh,
    published,
    badges,
    notes,
    reminders,
    log,
    hooks,
    advance: (ms: number) => (clock += ms),
    capture: (fields: Parameters<typeof snapshot>[1]) => recordSnapshot(db, snapshot(clock, fields), true),
    // Each carries the version of the record as stored, as an editor that loaded it does.
    saveProfile: async () => {
      const { updatedAt: _, ...profile } = creator();
      return command({ type: 'profile.save', profile, loaded: (await loadWorkspace(db)).workspace.profile?.updatedAt });
    },
    saveSettings: async (settings: Partial<Settings>) =>
      command({
        type: 'settings.save',
        settings: { ...emptyWorkspace().settings, ...settings },
        loaded: versionOf((await loadWorkspace(db)).workspace.settings),
      }),
  };
}

describe('eligibility publisher', () => {
  it('publishes nothing (removing what was there) and clears the badge before a profile exists', async () => {
    const s = setup();
    expect(await s.refresh()).toBeNull();
    expect(s.published).toEqual([null]);
    expect(s.badges).toEqual([['', '']]);
    expect(s.notes).toEqual([]);
  });

  it('publishes the view and sets the badge to the progress, then a check mark', async () => {
    const s = setup();
    await s.saveProfile();
    await s.capture({ followers: 5_000 });
    const view = await s.refresh();
    expect(s.published).toEqual([view]);
    expect(view).toMatchObject({ profileId: 'tiktok-subscription', metCount: 2, total: 4, computedAt: NOW });
    // (1 + 1 + 0.5 + 0) / 4
    expect(s.badges).toEqual([['62%', 'Tierkit: 2 of 4 eligibility requirements met · bonus at risk, 1 day left']]);

    s.advance(DAY);
    await s.capture({ followers: 12_000, source: 'manual', views30: 150_000 });
    expect(await s.refresh()).toMatchObject({ eligible: true, metCount: 4 });
    expect(s.badges.at(-1)).toEqual(['✓', 'Tierkit: eligible for TikTok Subscriptions']);
  });

  it('notifies when a requirement becomes met, when eligible, and when eligibility is lost', async () => {
    const s = setup();
    await s.saveProfile();
    await s.capture({ followers: 9_990 });
    await s.refresh();
    expect(s.notes).toEqual([]); // nothing to compare the first view with

    s.advance(DAY);
    await s.capture({ followers: 10_010 });
    await s.refresh();
    expect(s.notes).toEqual([
      ['tierkit-met:followers:', 'Requirement met: Followers', '3 of 4 requirements of “TikTok Subscription” are met.'],
    ]);
    await s.refresh();
    expect(s.notes).toHaveLength(1); // nothing changed, nothing said

    s.advance(DAY);
    await s.capture({ followers: 10_020, source: 'manual', views30: 120_000 });
    await s.refresh();
    expect(s.notes.slice(1)).toEqual([
      [
        'tierkit-eligible',
        'You are eligible for TikTok Subscriptions',
        'Every requirement of “TikTok Subscription” is met. You can set up your subscription tiers.',
      ],
    ]);

    s.advance(DAY);
    await s.capture({ followers: 10_030, source: 'manual', views30: 90_000 });
    await s.refresh();
    expect(s.notes.slice(2)).toEqual([['tierkit-lost', 'You are no longer eligible', 'No longer met: Video views.']]);
  });

  it('stays silent when notifications are off, but still publishes and sets the badge', async () => {
    const s = setup();
    await s.saveProfile();
    await s.saveSettings({ notifications: false });
    await s.capture({ followers: 9_990 });
    await s.refresh();
    s.advance(DAY);
    await s.capture({ followers: 10_010 });
    const view = await s.refresh();
    expect(view?.metCount).toBe(3);
    expect(s.published.at(-1)).toEqual(view);
    expect(s.badges.at(-1)).toEqual(['75%', 'Tierkit: 3 of 4 eligibility requirements met']);
    expect(s.notes).toEqual([]);
  });

  it('speaks Italian when the settings say so', async () => {
    const s = setup();
    await s.saveProfile();
    await s.saveSettings({ language: 'it' });
    await s.capture({ followers: 9_990 });
    await s.refresh();
    expect(s.badges).toEqual([['74%', 'Tierkit: 2 requisiti di idoneità su 4 soddisfatti · bonus a rischio, 1 giorno rimasto']]);
    s.advance(DAY);
    await s.capture({ followers: 10_010 });
    await s.refresh();
    expect(s.notes).toEqual([
      ['tierkit-met:followers:', 'Requisito soddisfatto: Follower', '3 requisiti su 4 di “TikTok Subscription” sono soddisfatti.'],
    ]);
  });

  it('runs refreshes one at a time, in order, and a failed one does not block the next', async () => {
    const s = setup();
    await s.saveProfile();
    let release!: () => void;
    s.hooks.beforeRead = () => new Promise<void>((resolve) => (release = resolve));
    const first = s.refresh();
    const second = s.refresh();
    await new Promise((resolve) => setTimeout(resolve, 20));
    expect(s.log).toEqual(['read']); // the second waits for the first
    s.hooks.beforeRead = async () => {};
    release();
    await Promise.all([first, second]);
    expect(s.log).toEqual(['read', 'publish', 'badge', 'read', 'publish', 'badge']);

    s.hooks.failPublish = true;
    await expect(s.refresh()).rejects.toThrow('storage quota');
    s.hooks.failPublish = false;
    expect(await s.refresh()).toMatchObject({ total: 4 });
    expect(s.published).toHaveLength(3);
  });

  describe('the bonus reminder', () => {
    // Italy: 10,000 followers and a million views in the month; a capture alone has no daily views.
    it('reminds once a month when the bonus is at risk within the days the settings give', async () => {
      const s = setup();
      await s.saveProfile();
      s.advance(-10 * DAY); // 20 June: 11 days left, more than 5
      await s.capture({ followers: 9_990 });
      await s.refresh();
      expect(s.reminders).toEqual([]);
      expect(s.badges.at(-1)?.[1]).toBe('Tierkit: 2 of 4 eligibility requirements met');

      s.advance(7 * DAY); // 27 June: 4 days left
      const view = await s.refresh();
      expect(view?.bonus).toMatchObject({ status: 'at-risk', daysLeft: 4, reminded: '2026-06' });
      expect(s.reminders).toEqual([
        [
          'tierkit-bonus-2026-06',
          'This month’s bonus is at risk',
          '4 days left this month. Open Tierkit’s Eligibility page to see what is still needed.',
        ],
      ]);
      expect(s.badges.at(-1)?.[1]).toBe('Tierkit: 2 of 4 eligibility requirements met · bonus at risk, 4 days left');

      // Sent is remembered in the published view: later refreshes of the month stay silent.
      s.advance(DAY);
      await s.refresh();
      await s.refresh();
      expect(s.reminders).toHaveLength(1);
      expect(s.published.at(-1)?.bonus?.reminded).toBe('2026-06');

      // The next month has its own reminder.
      s.advance(30 * DAY); // 28 July: 4 days left
      await s.refresh();
      expect(s.reminders.map(([id]) => id)).toEqual(['tierkit-bonus-2026-06', 'tierkit-bonus-2026-07']);
    });

    it('follows the number of days in the settings, and 0 turns it off', async () => {
      const s = setup();
      await s.saveProfile();
      await s.saveSettings({ bonusReminderDays: 0 });
      s.advance(-2 * DAY); // 28 June: 3 days left
      await s.capture({ followers: 9_990 });
      await s.refresh();
      expect(s.reminders).toEqual([]);
      expect(s.badges.at(-1)?.[1]).toBe('Tierkit: 2 of 4 eligibility requirements met');

      await s.saveSettings({ bonusReminderDays: 3 });
      await s.refresh();
      expect(s.reminders.map(([id]) => id)).toEqual(['tierkit-bonus-2026-06']);
    });

    it('sends nothing when notifications are off, while the toolbar title still says it', async () => {
      const s = setup();
      await s.saveProfile();
      await s.saveSettings({ notifications: false });
      await s.capture({ followers: 9_990 });
      const view = await s.refresh();
      expect(s.reminders).toEqual([]);
      expect(view?.bonus?.reminded).toBeUndefined();
      expect(s.badges.at(-1)?.[1]).toBe('Tierkit: 2 of 4 eligibility requirements met · bonus at risk, 1 day left');
    });
  });
});
