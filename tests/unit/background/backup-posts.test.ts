// The posts log in a backup: exported with the first part of `backup.data`, imported all or nothing,
// replace swapping the log, merge keeping both sides with a video once; an older backup has no log.
import { describe, expect, it } from 'vitest';
import { createBackup } from '@/lib/domain/backup';
import { createHandler } from '@/lib/background/pages-handler';
import type { SubscriberOnlyPost } from '@/lib/domain/posts';
import type { Response } from '@/lib/protocol/schemas';
import { TierkitDb } from '@/lib/store/db';
import { NOW, threeTiers } from '../domain/fixtures';
import { backupData, sendBackup } from '../helpers/uploads';

const VIDEO = 'https://www.tiktok.com/@mara.sings/video/7301234567890123456';

async function setup() {
  const db = new TierkitDb(`backup-posts-${crypto.randomUUID()}`);
  let n = 0;
  const handler = createHandler({ db, publish: async () => undefined, browserLanguage: () => 'en-US', now: () => NOW, newId: () => `${db.name}-${++n}` });
  const ask = (request: unknown): Promise<Response> => handler.handle(request);
  await ask({ type: 'command', command: { type: 'workspace.restore', workspace: threeTiers() } });
  const log = async () => ((await ask({ type: 'posts.list' })) as { data: { posts: SubscriberOnlyPost[] } }).data.posts;
  return { db, ask, log };
}

/** The backup the options page would save from `t`'s background. */
async function exported(t: Awaited<ReturnType<typeof setup>>) {
  const { stats, posts, subscribers } = await backupData(t.ask);
  return createBackup(threeTiers(), new Date(NOW), '0.1.0', stats, subscribers, posts);
}

describe('the posts log in a backup', () => {
  it('travels from one device to another: export, then import in replace mode', async () => {
    const from = await setup();
    await from.ask({ type: 'posts.add', date: '2023-11-01', title: 'Q&A', link: VIDEO });
    await from.ask({ type: 'posts.add', date: '2023-11-03' });
    const backup = await exported(from);
    expect(backup.posts).toHaveLength(2);

    const to = await setup();
    await to.ask({ type: 'posts.add', date: '2023-10-01', title: 'Only here' });
    expect(await sendBackup(to.ask, JSON.stringify(backup), 'replace')).toEqual({ ok: true });
    expect(await to.log()).toEqual(await from.log());
  });

  it('merges: both logs are kept, and a video logged on both sides stays one post', async () => {
    const from = await setup();
    await from.ask({ type: 'posts.add', date: '2023-11-01', title: 'From the backup', link: VIDEO });
    const backup = await exported(from);
    const to = await setup();
    await to.ask({ type: 'posts.add', date: '2023-11-02', link: VIDEO });
    await to.ask({ type: 'posts.add', date: '2023-10-01', title: 'Only here' });
    expect(await sendBackup(to.ask, JSON.stringify(backup), 'merge')).toEqual({ ok: true });
    expect((await to.log()).map((p) => [p.date, p.title, p.videoId])).toEqual([
      ['2023-10-01', 'Only here', undefined],
      ['2023-11-01', 'From the backup', '7301234567890123456'],
    ]);
  });

  it('imports an older backup without a log, and leaves the log as it is', async () => {
    const t = await setup();
    await t.ask({ type: 'posts.add', date: '2023-11-01', title: 'Kept' });
    const older = createBackup(threeTiers(), new Date(NOW), '0.0.9');
    expect('posts' in older).toBe(false);
    expect(await sendBackup(t.ask, JSON.stringify(older), 'replace')).toEqual({ ok: true });
    expect((await t.log()).map((p) => p.title)).toEqual(['Kept']);
  });

  it('refuses a backup with a bad post, naming where, and changes nothing', async () => {
    const t = await setup();
    await t.ask({ type: 'posts.add', date: '2023-11-01', title: 'Kept' });
    const good: SubscriberOnlyPost = { id: 'video-1', handle: 'mara.sings', date: '2023-11-02', videoId: '1', addedAt: NOW };
    const bad = { ...createBackup(threeTiers(), new Date(NOW), '0.1.0'), posts: [good, { ...good, id: 'video-2', videoId: '2', date: '2023-02-30' }] };
    const answer = await sendBackup(t.ask, JSON.stringify(bad), 'replace');
    expect(answer).toMatchObject({ ok: false });
    const paths = (answer as { problems: { path: unknown[] }[] }).problems.map((p) => p.path);
    expect(paths).toEqual([['posts', 1, 'date']]);
    // A post of a video under another id would let the same video count twice.
    const misKeyed = { ...bad, posts: [good, { ...good, id: 'p2', videoId: '2' }] };
    expect(await sendBackup(t.ask, JSON.stringify(misKeyed), 'merge')).toMatchObject({
      ok: false,
      problems: [{ path: ['posts', 1, 'id'], message: 'A post of a video has the id "video-2", so that the video counts once' }],
    });
    expect((await t.log()).map((p) => p.title)).toEqual(['Kept']);
  });
});
