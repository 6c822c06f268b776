// Opening version 7's data: the settings gain the bonus reminder with its default, and keep the rest.
import { describe, expect, it } from 'vitest';
import { defaultSettings } from '@/lib/domain/defaults';
import { TierkitDb } from '@/lib/store/db';
import { loadWorkspace } from '@/lib/store/workspace-store';
import { shippedDb } from '../helpers/shipped-db';

async function openVersion7(settings: unknown) {
  const name = `v7-${crypto.randomUUID()}`;
  const old = shippedDb(name, 7);
  await old.open();
  if (settings !== undefined) await old.table('singletons').put({ key: 'settings', value: settings });
  await old.table('subscriberOnlyPosts').put({ id: 'p1', handle: 'mara.lens', date: '2026-06-01', addedAt: 1 });
  old.close();
  const db = new TierkitDb(name);
  return { db, loaded: await loadWorkspace(db) };
}

describe('opening version 7 data', () => {
  it('stores the reminder default in the settings, keeping what the creator chose', async () => {
    const { bonusReminderDays: _, ...version7 } = defaultSettings;
    const { db, loaded } = await openVersion7({ ...version7, notifications: false, theme: 'dark' });
    expect(loaded.unreadable).toEqual([]);
    expect(loaded.workspace.settings).toMatchObject({ bonusReminderDays: 5, notifications: false, theme: 'dark' });
    const row = (await db.table('singletons').get('settings')) as { value: Record<string, unknown> };
    expect(row.value.bonusReminderDays).toBe(5);
    // The posts table of version 7 is kept as it was.
    expect(await db.subscriberOnlyPosts.count()).toBe(1);
  });

  it('leaves a settings value of another shape for loading to report', async () => {
    const { db } = await openVersion7('not settings');
    const row = (await db.table('singletons').get('settings')) as { value: unknown };
    expect(row.value).toBe('not settings');
  });

  it('opens a database without stored settings with the defaults', async () => {
    const { loaded } = await openVersion7(undefined);
    expect(loaded.workspace.settings.bonusReminderDays).toBe(5);
  });
});
