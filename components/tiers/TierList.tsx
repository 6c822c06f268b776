import { useRef, useState } from 'preact/hooks';
import type { Command } from '@/lib/domain/commands';
import { formatMoney } from '@/lib/domain/currency';
import { effectivePerks, sortTiers, validateOffer } from '@/lib/domain/offer';
import type { Problem } from '@/lib/domain/problems';
import type { Tier, Workspace } from '@/lib/domain/schema';
import { locale, t } from '@/lib/i18n';
import { run, workspace } from '../app-state';
import { useUndo } from '../UndoNotice';
import { Problems } from '../Problems';
import { BadgePreview } from './BadgePreview';
import { LazyTierEditor as TierEditor } from './LazyTierEditor';

/** Problems shown on a card speak about that card: the path would only repeat where they are. */
const onCard = (problems: Problem[]): Problem[] => problems.map((p) => ({ path: [], message: p.message }));

interface CardProps {
  tier: Tier;
  ws: Workspace;
  compact?: boolean;
  problems: Problem[];
  /** The neighbours a move swaps with; absent at either end (and for archived tiers). */
  up?: number;
  down?: number;
  act: (tier: Tier, command: Command, focusAfter?: string) => void;
  remove: (tier: Tier) => void;
  edit: (tier: Tier) => void;
}

function TierCard({ tier, ws, compact, problems, up, down, act, remove, edit }: CardProps) {
  const name = tier.name;
  const perks = effectivePerks(tier, ws.tiers, ws.perks);
  const setStatus = (status: Tier['status']) => act(tier, { type: 'tier.setStatus', id: tier.id, status }, 'edit');
  return (
    <>
      <div class="tier-head">
        <BadgePreview badge={tier.badge} />
        <h3 class="tier-name">{name}</h3>
        <span class={`chip chip-${tier.status}`}>{t(`status.${tier.status}`)}</span>
        <span class="tier-price">{t('tier.pricePerMonth', { price: formatMoney(tier.priceMinor, tier.currency, locale()) })}</span>
      </div>
      {!compact && tier.description ? <p class="tier-description">{tier.description}</p> : null}
      {perks.length ? (
        <ul class="tier-perks" aria-label={t('tier.perksOf', { name })}>
          {perks.map(({ perk, inheritedFrom }) => (
            <li key={perk.id} class={inheritedFrom ? 'inherited' : undefined}>
              {perk.title}
              {inheritedFrom ? <span class="muted"> · {t('tier.fromTier', { name: inheritedFrom.name })}</span> : null}
            </li>
          ))}
        </ul>
      ) : (
        <p class="muted small">{t('tier.noPerksYet')}</p>
      )}
      {!compact ? <p class="muted small">{t('tier.tenureSummary', { steps: tier.tenureSteps.join(', ') })}</p> : null}
      <Problems problems={problems} />
      <div class="tier-actions">
        <button type="button" data-action="edit" onClick={() => edit(tier)} aria-label={t('tier.editNamed', { name })}>
          {t('tier.edit')}
        </button>
        {tier.status !== 'archived' ? (
          <>
            <button
              type="button"
              class="icon"
              data-action="up"
              disabled={up === undefined}
              onClick={() => act(tier, { type: 'tier.move', id: tier.id, to: up! }, 'up')}
              aria-label={t('tier.moveUp', { name })}
            >
              ↑
            </button>
            <button
              type="button"
              class="icon"
              data-action="down"
              disabled={down === undefined}
              onClick={() => act(tier, { type: 'tier.move', id: tier.id, to: down! }, 'down')}
              aria-label={t('tier.moveDown', { name })}
            >
              ↓
            </button>
          </>
        ) : null}
        {tier.status === 'draft' ? (
          <button type="button" onClick={() => setStatus('active')} aria-label={t('tier.activateNamed', { name })}>
            {t('tier.activate')}
          </button>
        ) : null}
        {tier.status === 'archived' ? (
          <button type="button" onClick={() => setStatus('draft')} aria-label={t('tier.restoreNamed', { name })}>
            {t('tier.restore')}
          </button>
        ) : (
          <button type="button" onClick={() => setStatus('archived')} aria-label={t('tier.archiveNamed', { name })}>
            {t('tier.archive')}
          </button>
        )}
        <button type="button" class="danger" onClick={() => remove(tier)} aria-label={t('tier.deleteNamed', { name })}>
          {t('tier.delete')}
        </button>
      </div>
    </>
  );
}

/** The tier cards with edit, reorder, activate/archive, delete (undo). */
export function TierList({ compact }: { compact?: boolean }) {
  const ws = workspace.value!;
  const [editing, setEditing] = useState<Tier | null>(null);
  const [refused, setRefused] = useState<{ id: string; problems: Problem[] } | null>(null);
  const root = useRef<HTMLDivElement>(null);
  const { offer, notice } = useUndo(root);
  const sorted = sortTiers(ws.tiers);
  // A tier deleted in another page while its editor is open here keeps its place until the editor
  // closes: what was typed does not vanish unseen, and its save says the tier is gone.
  const gone = editing && !ws.tiers.some((tier) => tier.id === editing.id) ? [editing] : [];
  const shown = gone.length ? sortTiers([...ws.tiers, ...gone]) : sorted;
  const live = shown.filter((tier) => tier.status !== 'archived');
  const archived = shown.filter((tier) => tier.status === 'archived');
  const offerProblems = validateOffer(ws, locale());

  /** After a change moves or re-renders a card, focus the same control of that card again. */
  const refocus = (tierId: string, action: string) =>
    requestAnimationFrame(() => {
      const card = root.current?.querySelector(`[data-tier="${tierId}"]`);
      // An archived card lands in the folded list: its summary is what can take focus.
      const folded = card?.closest('details');
      if (folded && !folded.open) return folded.querySelector('summary')?.focus();
      const target = card?.querySelector<HTMLButtonElement>(`[data-action="${action}"]:not(:disabled)`);
      // A tier deleted meanwhile has no card left: the list takes the focus.
      (target ?? card?.querySelector<HTMLButtonElement>('[data-action="edit"]') ?? root.current)?.focus();
    });

  const act = async (tier: Tier, command: Command, focusAfter?: string) => {
    const problems = await run(command);
    setRefused(problems.length ? { id: tier.id, problems } : null);
    if (!problems.length && focusAfter) refocus(tier.id, focusAfter);
  };

  const remove = async (tier: Tier) => {
    const before = ws;
    const problems = await run({ type: 'tier.delete', id: tier.id });
    setRefused(problems.length ? { id: tier.id, problems } : null);
    if (!problems.length) offer(t('tier.deleted', { name: tier.name }), before);
  };

  const stopEditing = (tierId: string) => {
    setEditing(null);
    refocus(tierId, 'edit');
  };

  const card = (tier: Tier, up?: number, down?: number) => {
    const index = ws.tiers.indexOf(tier);
    const problems = onCard([
      ...offerProblems.filter((p) => p.path[0] === 'tiers' && p.path[1] === index),
      ...(refused?.id === tier.id ? refused.problems : []),
    ]);
    return (
      <li key={tier.id} class={`tier-card status-${tier.status}`} data-tier={tier.id}>
        {editing?.id === tier.id ? (
          <TierEditor tier={tier} onDone={() => stopEditing(tier.id)} />
        ) : (
          <TierCard
            {...{ tier, ws, compact, problems, up, down, act, remove }}
            edit={(target) => {
              setRefused(null);
              setEditing(target);
            }}
          />
        )}
      </li>
    );
  };

  // Moves count positions among all tiers: a neighbour's index in `sorted` is where the tier goes.
  const position = (tier: Tier | undefined) => (tier ? sorted.indexOf(tier) : undefined);
  const movable = sorted.filter((tier) => tier.status !== 'archived');
  const neighbours = (tier: Tier) => {
    const i = movable.indexOf(tier);
    return [position(movable[i - 1]), position(movable[i + 1])] as const;
  };
  return (
    <div class="tier-list" ref={root} tabIndex={-1}>
      {notice}
      {live.length ? (
        <ol aria-label={t('tier.listLabel')}>
          {live.map((tier) => card(tier, ...neighbours(tier)))}
        </ol>
      ) : (
        <p class="empty-state">{archived.length ? t('tier.emptyLive') : t('tier.empty')}</p>
      )}
      {archived.length ? (
        <details class="archived-tiers">
          <summary>{t('tier.archivedCount', { count: archived.length })}</summary>
          <ol aria-label={t('tier.archivedLabel')}>{archived.map((tier) => card(tier))}</ol>
        </details>
      ) : null}
    </div>
  );
}
