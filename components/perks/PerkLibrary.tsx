import { useRef, useState } from 'preact/hooks';
import type { Problem } from '@/lib/domain/problems';
import { sortTiers } from '@/lib/domain/offer';
import { perkCountField, type Perk, type PerkCountField, type Tier } from '@/lib/domain/schema';
import { locale, t, type MessageKey } from '@/lib/i18n';
import { run, workspace } from '../app-state';
import { Problems } from '../Problems';
import { useUndo } from '../UndoNotice';
import { PerkEditor } from './PerkEditor';

const detailLabels: Record<PerkCountField, MessageKey> = {
  perMonth: 'options.perks.perMonth',
  count: 'options.perks.stickerCount',
  replyWithinDays: 'options.perks.replyWithin',
};

/** The kind-specific fields of a perk, in words; empty when its kind has none set. */
export function perkDetails(perk: Perk): string {
  if (perk.kind === 'discord-role') {
    return perk.serverName
      ? t('options.perks.discordRoleOn', { role: perk.roleName, server: perk.serverName })
      : t('options.perks.discordRole', { role: perk.roleName });
  }
  const key = perkCountField(perk.kind);
  const value = key && (perk as Partial<Record<PerkCountField, number>>)[key];
  return key && value ? t(detailLabels[key], { count: value }) : '';
}

function deletedMessage(title: string, tierCount: number): string {
  if (tierCount === 0) return t('options.perks.deleted', { title });
  if (tierCount === 1) return t('options.perks.deletedFromOne', { title });
  return t('options.perks.deletedFromMany', { title, count: tierCount });
}

/** Every perk of the library: what it is, which tiers grant it; create, edit and delete (with undo). */
export function PerkLibrary() {
  const ws = workspace.value!;
  // 'new' while creating, the perk being edited (deleted meanwhile, its editor stays as it was opened,
  // and says so on save).
  const [editing, setEditing] = useState<Perk | 'new' | null>(null);
  const [problems, setProblems] = useState<Problem[]>([]);
  const newPerk = useRef<HTMLButtonElement>(null);
  const { offer, notice } = useUndo(newPerk);
  const tiers = sortTiers(ws.tiers);
  const usedBy = (perk: Perk): Tier[] => tiers.filter((tier) => tier.perkIds.includes(perk.id));
  const perks = [...ws.perks].sort((a, b) => a.title.localeCompare(b.title, locale()));
  const edited = editing === 'new' || !editing ? undefined : (ws.perks.find((perk) => perk.id === editing.id) ?? editing);

  const done = () => {
    setEditing(null);
    requestAnimationFrame(() => newPerk.current?.focus());
  };

  const remove = async (perk: Perk) => {
    const before = ws;
    const count = usedBy(perk).length;
    const found = await run({ type: 'perk.delete', id: perk.id });
    setProblems(found);
    if (!found.length) offer(deletedMessage(perk.title, count), before);
  };

  return (
    <section class="options-panel" aria-labelledby="perks-heading">
      <div class="panel-head">
        <h2 id="perks-heading">{t('options.perks.heading')}</h2>
        <button type="button" class="primary" ref={newPerk} onClick={() => setEditing('new')} disabled={editing === 'new'}>
          {t('options.perks.new')}
        </button>
      </div>
      {notice}
      <Problems problems={problems} />
      {editing === 'new' ? (
        <section class="editor-panel" aria-label={t('options.perks.new')}>
          <PerkEditor onDone={done} />
        </section>
      ) : null}
      {edited ? (
        <section class="editor-panel" aria-label={t('options.perks.edit', { title: edited.title })}>
          <PerkEditor key={edited.id} perk={edited} onDone={done} />
        </section>
      ) : null}
      {perks.length ? (
        <div class="table-scroll">
          <table class="data-table">
            <caption class="visually-hidden">{t('options.perks.caption')}</caption>
            <thead>
              <tr>
                <th scope="col">{t('options.perks.col.title')}</th>
                <th scope="col">{t('options.perks.col.kind')}</th>
                <th scope="col">{t('options.perks.col.details')}</th>
                <th scope="col">{t('options.perks.col.usedBy')}</th>
                <th scope="col">
                  <span class="visually-hidden">{t('options.perks.col.actions')}</span>
                </th>
              </tr>
            </thead>
            <tbody>
              {perks.map((perk) => {
                const tiersUsing = usedBy(perk);
                return (
                  <tr key={perk.id}>
                    <th scope="row">
                      {perk.title}
                      {perk.description ? <div class="muted small">{perk.description}</div> : null}
                    </th>
                    <td>{t(`perkKind.${perk.kind}`)}</td>
                    <td>{perkDetails(perk) || <span class="muted">{t('options.perks.noDetails')}</span>}</td>
                    <td>
                      {tiersUsing.length ? (
                        tiersUsing.map((tier) => tier.name).join(', ')
                      ) : (
                        <span class="muted">{t('options.perks.unused')}</span>
                      )}
                    </td>
                    <td class="row-actions">
                      <button
                        type="button"
                        onClick={() => setEditing(perk)}
                        aria-label={t('options.perks.edit', { title: perk.title })}
                      >
                        {t('options.edit')}
                      </button>
                      <button
                        type="button"
                        class="danger"
                        onClick={() => remove(perk)}
                        aria-label={t('options.perks.delete', { title: perk.title })}
                      >
                        {t('options.delete')}
                      </button>
                    </td>
                  </tr>
                );
              })}
            </tbody>
          </table>
        </div>
      ) : (
        <p class="empty-state">{t('options.perks.empty')}</p>
      )}
    </section>
  );
}
