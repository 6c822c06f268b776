import { useEffect, useId, useRef, useState } from 'preact/hooks';
import type { Problem } from '@/lib/domain/problems';
import { normalizeHandle, type Tier } from '@/lib/domain/schema';
import { t } from '@/lib/i18n';
import { ask } from '@/lib/client/ask';
import { rosterMessage } from '@/lib/roster/messages';
import {
  MONTHS_MAX,
  NICKNAME_MAX,
  NOTE_MAX,
  subscriberName,
  subscriberStatuses,
  type Subscriber,
  type SubscriberStatus,
} from '@/lib/roster/schema';
import { fieldProblems, formProblems, Problems } from '../Problems';
import { Field, focusFirstInvalid } from '../tiers/Field';
import { defaultSince, rosterToday, statusKey } from './format';

const FIELDS = ['handle', 'nickname', 'tierId', 'since', 'monthsOverride', 'status', 'note'] as const;

interface Draft {
  handle: string;
  nickname: string;
  tierId: string;
  since: string;
  months: string;
  status: SubscriberStatus;
  note: string;
}

function draftOf(subscriber: Subscriber | null, tiers: readonly Tier[]): Draft {
  if (subscriber) {
    return {
      handle: subscriber.handle ?? '',
      nickname: subscriber.nickname ?? '',
      tierId: subscriber.tierId,
      since: subscriber.since,
      months: subscriber.monthsOverride === undefined ? '' : String(subscriber.monthsOverride),
      status: subscriber.status,
      note: subscriber.note,
    };
  }
  const tier = tiers.find((candidate) => candidate.status === 'active') ?? tiers[0];
  return { handle: '', nickname: '', tierId: tier?.id ?? '', since: defaultSince(), months: '', status: 'active', note: '' };
}

/** Months as typed: empty for none, else a whole number in range, checked here so the field says what is wrong. */
function readMonths(text: string): { ok: true; value: number | undefined } | { ok: false } {
  const trimmed = text.trim();
  if (trimmed === '') return { ok: true, value: undefined };
  const value = Number(trimmed);
  return /^\d+$/.test(trimmed) && value <= MONTHS_MAX ? { ok: true, value } : { ok: false };
}

export interface SavedSubscriber {
  name: string;
  added: boolean;
}

/**
 * Adds a subscriber (`subscriber` null) or edits one, in a modal dialog. The background checks the
 * record and its problems show beside their fields. Escape or Cancel closes it with nothing saved. An
 * edit carries the updatedAt of the record the dialog opened on, and is refused when the record changed
 * or was removed in another page since; Reload then shows the record as it is now (or closes).
 */
export function SubscriberDialog(props: {
  subscriber: Subscriber | null;
  tiers: readonly Tier[];
  onClose(saved: SavedSubscriber | null): void;
}) {
  const { tiers } = props;
  const dialog = useRef<HTMLDialogElement>(null);
  const form = useRef<HTMLFormElement>(null);
  const [subscriber, setSubscriber] = useState(props.subscriber);
  const [draft, setDraft] = useState(() => draftOf(subscriber, tiers));
  const [problems, setProblems] = useState<Problem[]>([]);
  const [busy, setBusy] = useState(false);
  const id = useId();

  useEffect(() => {
    if (!dialog.current?.open) dialog.current?.showModal();
  }, []);
  useEffect(() => {
    if (problems.length) focusFirstInvalid(form.current);
  }, [problems]);

  // Out of the modal state first: while a modal dialog is open the page behind it cannot take focus.
  const finish = (saved: SavedSubscriber | null) => {
    dialog.current?.close();
    props.onClose(saved);
  };

  const set = (field: keyof Draft) => (event: Event) =>
    setDraft({ ...draft, [field]: (event.currentTarget as HTMLInputElement).value });

  const submit = async (event: Event) => {
    event.preventDefault();
    const months = readMonths(draft.months);
    if (!months.ok) {
      setProblems([{ path: ['monthsOverride'], message: rosterMessage('roster.err.months', { max: MONTHS_MAX }) }]);
      return;
    }
    setBusy(true);
    const response = await ask({
      type: 'roster.save',
      subscriber: {
        id: subscriber?.id,
        handle: draft.handle,
        nickname: draft.nickname,
        tierId: draft.tierId,
        since: draft.since,
        monthsOverride: months.value,
        status: draft.status,
        note: draft.note,
      },
      loaded: subscriber?.updatedAt,
    });
    setBusy(false);
    if (!response.ok) return setProblems(response.problems);
    const name = subscriberName({
      handle: draft.handle.trim() ? normalizeHandle(draft.handle) : undefined,
      nickname: draft.nickname.trim() || undefined,
    });
    finish({ name, added: !subscriber });
  };

  const reload = async () => {
    if (!subscriber) return;
    const current = await ask({ type: 'roster.get', id: subscriber.id });
    if (!current.ok) return setProblems(current.problems);
    if (!current.data) return finish(null);
    setSubscriber(current.data);
    setDraft(draftOf(current.data, tiers));
    setProblems([]);
    requestAnimationFrame(() => form.current?.querySelector<HTMLElement>('input, select, textarea')?.focus());
  };

  const errors = (field: (typeof FIELDS)[number]) => fieldProblems(problems, field);
  const headingId = `${id}-heading`;
  return (
    <dialog
      ref={dialog}
      class="roster-dialog"
      aria-labelledby={headingId}
      onKeyDown={(event) => {
        if (event.key !== 'Escape') return;
        event.preventDefault();
        finish(null);
      }}
      onCancel={(event) => {
        event.preventDefault();
        finish(null);
      }}
    >
      <h2 id={headingId}>
        {subscriber ? t('roster.ui.form.editHeading', { name: subscriberName(subscriber) }) : t('roster.ui.form.addHeading')}
      </h2>
      <form ref={form} class="stack-form" noValidate onSubmit={submit}>
        <Problems problems={formProblems(problems, FIELDS)} onReload={reload} />
        <p class="muted small">{t('roster.ui.form.intro')}</p>
        <div class="field-row">
          <Field id={`${id}-handle`} label={t('roster.ui.form.handle')} errors={errors('handle')} hint={t('roster.ui.form.handleHint')}>
            {(attrs) => (
              <input
                {...attrs}
                type="text"
                autoComplete="off"
                spellcheck={false}
                value={draft.handle}
                onInput={set('handle')}
              />
            )}
          </Field>
          <Field
            id={`${id}-nickname`}
            label={t('roster.ui.form.nickname')}
            errors={errors('nickname')}
            hint={t('roster.ui.form.nicknameHint', { max: NICKNAME_MAX })}
          >
            {(attrs) => <input {...attrs} type="text" autoComplete="off" value={draft.nickname} onInput={set('nickname')} />}
          </Field>
        </div>
        <div class="field-row">
          <Field id={`${id}-tier`} label={t('roster.ui.form.tier')} errors={errors('tierId')}>
            {(attrs) => (
              <select {...attrs} value={draft.tierId} onChange={set('tierId')}>
                {tiers.map((tier) => (
                  <option key={tier.id} value={tier.id}>
                    {tier.status === 'active' ? tier.name : `${tier.name} (${t(`status.${tier.status}`)})`}
                  </option>
                ))}
              </select>
            )}
          </Field>
          <Field id={`${id}-status`} label={t('roster.ui.form.status')} errors={errors('status')}>
            {(attrs) => (
              <select {...attrs} value={draft.status} onChange={set('status')}>
                {subscriberStatuses.map((status) => (
                  <option key={status} value={status}>
                    {t(statusKey(status))}
                  </option>
                ))}
              </select>
            )}
          </Field>
        </div>
        <div class="field-row">
          <Field id={`${id}-since`} label={t('roster.ui.form.since')} errors={errors('since')}>
            {(attrs) => <input {...attrs} type="date" max={rosterToday()} value={draft.since} onInput={set('since')} />}
          </Field>
          <Field
            id={`${id}-months`}
            label={t('roster.ui.form.months')}
            errors={errors('monthsOverride')}
            hint={t('roster.ui.form.monthsHint')}
          >
            {(attrs) => <input {...attrs} type="text" inputMode="numeric" value={draft.months} onInput={set('months')} />}
          </Field>
        </div>
        <Field
          id={`${id}-note`}
          label={t('roster.ui.form.note')}
          errors={errors('note')}
          hint={t('roster.ui.form.noteHint', { max: NOTE_MAX })}
        >
          {(attrs) => <textarea {...attrs} rows={3} value={draft.note} onInput={set('note')} />}
        </Field>
        <div class="actions">
          <button type="submit" class="primary" disabled={busy}>
            {subscriber ? t('roster.ui.form.save') : t('roster.ui.form.add')}
          </button>
          <button type="button" onClick={() => finish(null)}>
            {t('common.cancel')}
          </button>
        </div>
      </form>
    </dialog>
  );
}
