import '../editor-messages';
import { useEffect, useId, useRef, useState } from 'preact/hooks';
import type { Problem } from '@/lib/domain/problems';
import { perkCountField, perkKinds, type Perk, type PerkCountField, type PerkKind } from '@/lib/domain/schema';
import { t, type MessageKey } from '@/lib/i18n';
import { run, workspace } from '../app-state';
import { fieldProblems, formProblems, Problems } from '../Problems';
import { Field, focusFirstInvalid } from '../tiers/Field';

const countLabels: Record<PerkCountField, MessageKey> = {
  perMonth: 'perk.perMonth',
  count: 'perk.stickerCount',
  replyWithinDays: 'perk.replyWithinDays',
};

/** The one optional number some kinds carry, and what the field is called. */
function countFieldOf(kind: PerkKind): { key: PerkCountField; label: MessageKey } | undefined {
  const key = perkCountField(kind);
  return key && { key, label: countLabels[key] };
}

/** The perk's kind-specific number as the field shows it. */
function countOf(perk?: Perk): string {
  const field = perk && countFieldOf(perk.kind);
  const value = field ? (perk as Partial<Record<PerkCountField, number>>)[field.key] : undefined;
  return value === undefined ? '' : String(value);
}

const kindName = (kind: PerkKind) => t(`perkKind.${kind}`);
const FIELDS = ['kind', 'title', 'description', 'roleName', 'serverName', 'perMonth', 'count', 'replyWithinDays'];

/**
 * The id of the perk that appears in the next snapshot and is not among `before`. The background
 * answers before this page necessarily sees the published snapshot, so wait for it (briefly).
 */
function newPerkId(before: Set<string>): Promise<string | undefined> {
  return new Promise((resolve) => {
    let stop: (() => void) | undefined;
    let found = false;
    const finish = (id: string | undefined) => {
      found = true;
      clearTimeout(timer);
      stop?.();
      resolve(id);
    };
    const timer = setTimeout(() => finish(undefined), 5000);
    stop = workspace.subscribe((ws) => {
      const added = ws?.perks.find((perk) => !before.has(perk.id));
      if (added && !found) finish(added.id);
    });
    if (found) stop();
  });
}

/** Create (no perk) or edit a library perk; onDone gets the saved id (undefined when cancelled). */
export function PerkEditor({ perk, kind: initialKind, onDone }: { perk?: Perk; kind?: PerkKind; onDone: (savedId?: string) => void }) {
  const id = useId();
  const startKind = perk?.kind ?? initialKind ?? 'subscriber-chat';
  const [kind, setKind] = useState<PerkKind>(startKind);
  const [title, setTitle] = useState(perk?.title ?? kindName(startKind));
  const [description, setDescription] = useState(perk?.description ?? '');
  const [roleName, setRoleName] = useState(perk?.kind === 'discord-role' ? perk.roleName : '');
  const [serverName, setServerName] = useState(perk?.kind === 'discord-role' ? (perk.serverName ?? '') : '');
  const [countText, setCountText] = useState(countOf(perk));
  const [problems, setProblems] = useState<Problem[]>([]);
  const [busy, setBusy] = useState(false);
  const form = useRef<HTMLFormElement>(null);
  const countField = countFieldOf(kind);

  useEffect(() => {
    form.current?.querySelector<HTMLElement>('select, input')?.focus();
  }, []);
  useEffect(() => focusFirstInvalid(form.current), [problems]);

  const changeKind = (next: PerkKind) => {
    // A title still empty or still the old kind's name follows the kind.
    if (!title.trim() || title === kindName(kind)) setTitle(kindName(next));
    if (countFieldOf(next)?.key !== countField?.key) setCountText('');
    setKind(next);
  };

  const submit = async (event: Event) => {
    event.preventDefault();
    if (busy) return;
    const values: Record<string, unknown> = { kind, title, description };
    if (perk) values.id = perk.id;
    const found: Problem[] = [];
    if (kind === 'discord-role') {
      values.roleName = roleName;
      if (serverName.trim()) values.serverName = serverName;
    }
    if (countField && countText.trim()) {
      if (/^\d+$/.test(countText.trim())) values[countField.key] = Number(countText.trim());
      else found.push({ path: [countField.key], message: t('err.wholeNumber') });
    }
    if (found.length) return setProblems(found);
    setBusy(true);
    const before = new Set(workspace.value?.perks.map((p) => p.id));
    const refused = await run({ type: 'perk.save', perk: { ...values, kind } });
    if (refused.length) {
      setBusy(false);
      return setProblems(refused);
    }
    onDone(perk ? perk.id : await newPerkId(before));
  };

  const onKeyDown = (event: KeyboardEvent) => {
    if (event.key !== 'Escape') return;
    // The perk editor may sit inside another editor: Escape closes only this one.
    event.preventDefault();
    event.stopPropagation();
    onDone();
  };

  const errors = (field: string) => fieldProblems(problems, field);
  return (
    <form ref={form} class="stack-form perk-editor" onSubmit={submit} onKeyDown={onKeyDown} noValidate>
      <Problems problems={formProblems(problems, FIELDS)} />
      <Field id={`${id}-kind`} label={t('perk.kind')} errors={errors('kind')}>
        {(a) => (
          <select {...a} value={kind} onChange={(e) => changeKind(e.currentTarget.value as PerkKind)}>
            {perkKinds.map((k) => (
              <option key={k} value={k}>
                {kindName(k)}
              </option>
            ))}
          </select>
        )}
      </Field>
      <Field id={`${id}-title`} label={t('perk.title')} errors={errors('title')}>
        {(a) => <input {...a} value={title} maxLength={60} onInput={(e) => setTitle(e.currentTarget.value)} />}
      </Field>
      <Field id={`${id}-description`} label={t('perk.description')} errors={errors('description')}>
        {(a) => (
          <textarea {...a} rows={2} maxLength={500} value={description} onInput={(e) => setDescription(e.currentTarget.value)} />
        )}
      </Field>
      {kind === 'discord-role' ? (
        <div class="field-row">
          <Field id={`${id}-role`} label={t('perk.roleName')} errors={errors('roleName')}>
            {(a) => <input {...a} required value={roleName} onInput={(e) => setRoleName(e.currentTarget.value)} />}
          </Field>
          <Field id={`${id}-server`} label={t('perk.serverName')} errors={errors('serverName')}>
            {(a) => <input {...a} value={serverName} onInput={(e) => setServerName(e.currentTarget.value)} />}
          </Field>
        </div>
      ) : null}
      {countField ? (
        <Field id={`${id}-count`} label={t(countField.label)} errors={errors(countField.key)} hint={t('perk.optional')}>
          {(a) => (
            <input {...a} inputMode="numeric" size={6} value={countText} onInput={(e) => setCountText(e.currentTarget.value)} />
          )}
        </Field>
      ) : null}
      <div class="form-actions">
        <button type="submit" class="primary" disabled={busy}>
          {t('perk.save')}
        </button>
        <button type="button" onClick={() => onDone()}>
          {t('common.cancel')}
        </button>
      </div>
    </form>
  );
}
