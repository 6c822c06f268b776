import { useEffect, useId, useRef, useState } from 'preact/hooks';
import type { Problem } from '@/lib/domain/problems';
import { perkCountField, perkKinds, type Perk, type PerkCountField, type PerkKind } from '@/lib/domain/schema';
import { versionOf } from '@/lib/domain/version';
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

interface Props {
  perk?: Perk;
  kind?: PerkKind;
  onDone: (savedId?: string) => void;
}

/**
 * Create (no perk) or edit a library perk; onDone gets the saved id (undefined when cancelled). The
 * perk is the one it was opened on: its save carries that perk's version, and is refused when the perk
 * changed or was deleted in another page since; Reload then shows it as it is now (or closes).
 */
export function PerkEditor(props: Props) {
  const [loaded, setLoaded] = useState(props.perk);
  const reload = () => {
    const current = workspace.value?.perks.find((other) => other.id === loaded?.id);
    if (current) setLoaded(current);
    else props.onDone();
  };
  return <PerkForm key={versionOf(loaded)} {...props} perk={loaded} onReload={reload} />;
}

function PerkForm({ perk, kind: initialKind, onDone, onReload }: Props & { onReload: () => void }) {
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
    const refused = await run({ type: 'perk.save', perk: { ...values, kind }, loaded: versionOf(perk) });
    if (refused.length) {
      setBusy(false);
      return setProblems(refused);
    }
    // The snapshot holds the saved perk by now (run): a new one is the perk that was not there before.
    onDone(perk ? perk.id : workspace.value?.perks.find((other) => !before.has(other.id))?.id);
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
      <Problems problems={formProblems(problems, FIELDS)} onReload={onReload} />
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
