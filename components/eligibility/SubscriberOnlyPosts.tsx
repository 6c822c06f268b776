import { useEffect, useRef, useState } from 'preact/hooks';
import { postLink, type SubscriberOnlyPost } from '@/lib/domain/posts';
import type { Problem } from '@/lib/domain/problems';
import { t } from '@/lib/i18n';
import { ask } from '@/lib/client/ask';
import { Problems, fieldProblems, formProblems } from '../Problems';
import { Field, focusFirstInvalid } from '../tiers/Field';
import { useUndoNotice } from '../UndoNotice';
import { day, localToday } from './format';

const FIELDS = ['date', 'title', 'link'] as const;

/**
 * The log of the creator's subscriber-only posts, which the US and Canada bonus counts per calendar
 * month: a form to log one, and the list to check and remove them. `version` changes when eligibility
 * is published again, so a post logged elsewhere (the context menu on tiktok.com) shows here too.
 */
export function SubscriberOnlyPosts({ version }: { version: string | number }) {
  const [posts, setPosts] = useState<SubscriberOnlyPost[] | null>(null);
  const [date, setDate] = useState(localToday);
  const [title, setTitle] = useState('');
  const [link, setLink] = useState('');
  const [problems, setProblems] = useState<Problem[]>([]);
  const [status, setStatus] = useState('');
  const form = useRef<HTMLFormElement>(null);
  const dateInput = useRef<HTMLInputElement>(null);
  const { offer, notice } = useUndoNotice(dateInput);

  const load = async () => {
    const answer = await ask({ type: 'posts.list' });
    // The log comes oldest first (by day, then as logged); the list shows the newest first.
    if (answer.ok) setPosts([...answer.data.posts].reverse());
    else setProblems(answer.problems);
  };
  useEffect(() => void load(), [version]);

  const add = async (event: Event) => {
    event.preventDefault();
    setStatus('');
    const answer = await ask({ type: 'posts.add', date, ...(title.trim() ? { title } : {}), ...(link.trim() ? { link } : {}) });
    setProblems(answer.ok ? [] : answer.problems);
    if (!answer.ok) {
      requestAnimationFrame(() => focusFirstInvalid(form.current));
      return;
    }
    setStatus(answer.data.added ? t('eligibilityOptions.posts.added') : t('eligibilityOptions.posts.again'));
    setTitle('');
    setLink('');
    await load();
  };

  const remove = async (post: SubscriberOnlyPost) => {
    const answer = await ask({ type: 'posts.remove', id: post.id });
    if (!answer.ok) return setProblems(answer.problems);
    await load();
    // Undo logs the post again as it was: same day, title and video.
    const videoLink = postLink(post);
    offer(t('eligibilityOptions.posts.removed', { date: day(post.date) }), async () => {
      const again = await ask({
        type: 'posts.add',
        date: post.date,
        ...(post.title ? { title: post.title } : {}),
        ...(videoLink ? { link: videoLink } : {}),
      });
      if (again.ok) await load();
      return again.ok ? [] : again.problems;
    });
  };

  return (
    <section class="options-panel" aria-labelledby="elig-posts-heading">
      <h2 id="elig-posts-heading">{t('eligibilityOptions.posts.heading')}</h2>
      <p class="muted">{t('eligibilityOptions.posts.intro')}</p>
      <form class="stack-form" ref={form} onSubmit={add} noValidate>
        <div class="field-row">
          <Field id="elig-post-date" label={t('eligibilityOptions.posts.date')} errors={fieldProblems(problems, 'date')}>
            {(attrs) => <input {...attrs} ref={dateInput} type="date" value={date} onInput={(e) => setDate(e.currentTarget.value)} />}
          </Field>
          <Field id="elig-post-title" label={t('eligibilityOptions.posts.title')} errors={fieldProblems(problems, 'title')} hint={t('eligibilityOptions.posts.optional')}>
            {(attrs) => <input {...attrs} value={title} onInput={(e) => setTitle(e.currentTarget.value)} />}
          </Field>
        </div>
        <Field id="elig-post-link" label={t('eligibilityOptions.posts.link')} errors={fieldProblems(problems, 'link')} hint={t('eligibilityOptions.posts.linkHint')}>
          {(attrs) => (
            <input {...attrs} type="url" placeholder="https://www.tiktok.com/@…/video/…" value={link} onInput={(e) => setLink(e.currentTarget.value)} />
          )}
        </Field>
        <div class="form-actions">
          <button type="submit">{t('eligibilityOptions.posts.add')}</button>
        </div>
        <p role="status" class="status-ok">
          {status}
        </p>
        <Problems problems={formProblems(problems, FIELDS)} />
      </form>
      {notice}
      {posts === null ? null : posts.length ? (
        <>
          <p class="muted">{t('eligibilityOptions.posts.count', { count: posts.length })}</p>
          <ul class="post-list" aria-label={t('eligibilityOptions.posts.listLabel')}>
            {posts.map((post) => {
              const href = postLink(post);
              return (
                <li key={post.id} class="post-item">
                  <span class="post-day">{day(post.date)}</span>
                  <span class="post-title">{post.title ?? t('eligibilityOptions.posts.untitled')}</span>
                  {href ? (
                    <a href={href} target="_blank" rel="noopener noreferrer">
                      {t('eligibilityOptions.posts.open')}
                    </a>
                  ) : null}
                  <button type="button" aria-label={t('eligibilityOptions.posts.removeLabel', { date: day(post.date) })} onClick={() => remove(post)}>
                    {t('eligibilityOptions.posts.remove')}
                  </button>
                </li>
              );
            })}
          </ul>
        </>
      ) : (
        <p class="muted">{t('eligibilityOptions.posts.empty')}</p>
      )}
    </section>
  );
}
