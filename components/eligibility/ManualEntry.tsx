import { useRef, useState } from 'preact/hooks';
import type { Problem } from '@/lib/domain/problems';
import { t } from '@/lib/i18n';
import { ask } from '@/lib/client/ask';
import { Problems } from '../Problems';
import { Field, focusFirstInvalid } from '../tiers/Field';

/** A count as people type it: digits, grouped or not ("10200", "10,200", "10.200"); null when not one. */
export function parseTypedCount(text: string): number | null {
  const cleaned = text.trim();
  if (!/^\d{1,3}([,.\s\u00a0\u202f']?\d{3})*$|^\d+$/.test(cleaned)) return null;
  const value = Number(cleaned.replace(/\D/g, ''));
  return Number.isSafeInteger(value) ? value : null;
}

/** Today's followers and, optionally, the views of the last 30 days, typed by the creator. */
export function ManualEntry({ onSaved }: { onSaved: () => void }) {
  const [followers, setFollowers] = useState('');
  const [views, setViews] = useState('');
  const [errors, setErrors] = useState<{ followers?: string; views?: string }>({});
  const [problems, setProblems] = useState<Problem[]>([]);
  const [saved, setSaved] = useState(false);
  const form = useRef<HTMLFormElement>(null);

  const save = async (event: Event) => {
    event.preventDefault();
    setSaved(false);
    const followerCount = parseTypedCount(followers);
    const viewCount = views.trim() ? parseTypedCount(views) : undefined;
    const found = {
      followers: followers.trim() === '' ? t('err.required') : followerCount === null ? t('eligibilityOptions.manual.notCount') : undefined,
      views: viewCount === null ? t('eligibilityOptions.manual.notCount') : undefined,
    };
    setErrors(found);
    if (found.followers || found.views) {
      requestAnimationFrame(() => focusFirstInvalid(form.current));
      return;
    }
    const response = await ask({ type: 'stats.manual', followers: followerCount!, views30: viewCount ?? undefined });
    setProblems(response.ok ? [] : response.problems);
    if (!response.ok) return;
    setSaved(true);
    setFollowers('');
    setViews('');
    onSaved();
  };

  return (
    <form class="stack-form" ref={form} onSubmit={save} noValidate>
      <div class="field-row">
        <Field id="elig-manual-followers" label={t('eligibilityOptions.manual.followers')} errors={errors.followers ? [errors.followers] : []}>
          {(attrs) => <input {...attrs} inputMode="numeric" value={followers} onInput={(e) => setFollowers(e.currentTarget.value)} />}
        </Field>
        <Field
          id="elig-manual-views"
          label={t('eligibilityOptions.manual.views')}
          errors={errors.views ? [errors.views] : []}
          hint={t('eligibilityOptions.manual.viewsHint')}
        >
          {(attrs) => <input {...attrs} inputMode="numeric" value={views} onInput={(e) => setViews(e.currentTarget.value)} />}
        </Field>
      </div>
      <div class="form-actions">
        <button type="submit">{t('eligibilityOptions.manual.save')}</button>
      </div>
      <p role="status" class="status-ok">
        {saved ? t('eligibilityOptions.manual.saved') : null}
      </p>
      <Problems problems={problems} />
    </form>
  );
}
