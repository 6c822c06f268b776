// Every change a person can make, as a pure function from one workspace to the next. The background
// applies these to the database; the same function tells a form what is wrong before anything is saved.
import * as z from 'zod/mini';
import { t } from '../i18n';
import { mergeWorkspaces, type Backup, type ImportMode } from './backup';
import { bonusConditionsSchema, eligibilityProfileSchema } from '../eligibility/rules';
import { emptyWorkspace } from './defaults';
import { sortTiers, validateOffer } from './offer';
import { check, fromZod, type Problem, type Result } from './problems';
import {
  idSchema,
  profileInputSchema,
  tierInputSchema,
  perkSchema,
  pricePointsSchema,
  profileSchema,
  revenueRuleSchema,
  rulesProfileSchema,
  settingsSchema,
  superFanSchema,
  tierSchema,
  tierStatuses,
  timestampSchema,
  workspaceSchema,
  type Tier,
  type Workspace,
} from './schema';
import { versionOf, type Version } from './version';

const optionalId = z.optional(idSchema);
/**
 * `loaded`: the version of the record (or list) the editor loaded, `versionOf` it: absent for a new
 * record. A save whose `loaded` is not the stored record's version is refused (staleEdit).
 */
const versionSchema = z.union([timestampSchema, z.string().check(z.maxLength(16))]);
const loaded = z.optional(versionSchema);

export const commandSchema = z.discriminatedUnion('type', [
  // The payloads of the three save commands are checked by applyCommand, so that problems come back
  // with paths relative to the form that sent them (['name'], not ['command', 'tier', 'name']).
  z.object({ type: z.literal('profile.save'), profile: z.looseObject({}), loaded }),
  z.object({ type: z.literal('tier.save'), tier: z.looseObject({ id: optionalId }), loaded }),
  z.object({ type: z.literal('tier.move'), id: idSchema, to: z.int().check(z.gte(0)) }),
  z.object({ type: z.literal('tier.setStatus'), id: idSchema, status: z.enum(tierStatuses) }),
  z.object({ type: z.literal('tier.delete'), id: idSchema }),
  z.object({ type: z.literal('perk.save'), perk: z.looseObject({ id: optionalId, kind: z.string() }), loaded }),
  z.object({ type: z.literal('perk.delete'), id: idSchema }),
  // Saved whole, so `loaded` is the version of the whole record or list the page built the new one from.
  z.object({ type: z.literal('settings.save'), settings: settingsSchema, loaded: versionSchema }),
  z.object({ type: z.literal('rulesProfiles.save'), rulesProfiles: z.array(rulesProfileSchema), loaded: versionSchema }),
  z.object({ type: z.literal('pricePoints.save'), pricePoints: z.array(pricePointsSchema), loaded: versionSchema }),
  z.object({ type: z.literal('revenueRules.save'), revenueRules: z.array(revenueRuleSchema), loaded: versionSchema }),
  z.object({
    type: z.literal('eligibilityProfiles.save'),
    eligibilityProfiles: z.array(eligibilityProfileSchema),
    loaded: versionSchema,
  }),
  z.object({ type: z.literal('bonusConditions.save'), bonusConditions: z.array(bonusConditionsSchema), loaded: versionSchema }),
  z.object({ type: z.literal('superFan.save'), superFan: superFanSchema, loaded: versionSchema }),
  /** Puts back a workspace exactly as it was: the undo of a delete. */
  z.object({ type: z.literal('workspace.restore'), workspace: workspaceSchema }),
  /** Deletes everything; the pack-signing key too only when asked (a new key is a different signer to every fan). */
  z.object({ type: z.literal('workspace.wipe'), deleteSigningKey: z.optional(z.boolean()) }),
]);
export type Command = z.infer<typeof commandSchema>;



export interface CommandContext {
  now: number;
  newId: () => string;
  /** Formats prices inside messages. */
  locale: string;
}

/**
 * The refusal of a save built on `loaded` when the record it replaces is stored at another version:
 * changed since the editor loaded it, deleted since, or (nothing loaded) made meanwhile elsewhere.
 */
export function staleProblem(stored: object | null | undefined, loaded: Version | undefined): Problem | undefined {
  if (versionOf(stored) === loaded) return undefined;
  return loaded !== undefined && (stored === null || stored === undefined)
    ? { path: [], message: t('err.deletedElsewhere'), conflict: 'deleted' }
    : { path: [], message: t('err.changedElsewhere'), conflict: 'changed' };
}

/** A save's check against the stored record or list it replaces; a new record (no id) has none. */
function staleEdit(ws: Workspace, command: Command): Problem | undefined {
  switch (command.type) {
    case 'profile.save':
      return staleProblem(ws.profile, command.loaded);
    case 'tier.save': {
      const { id } = command.tier;
      return id === undefined ? undefined : staleProblem(ws.tiers.find((tier) => tier.id === id), command.loaded);
    }
    case 'perk.save': {
      const { id } = command.perk;
      return id === undefined ? undefined : staleProblem(ws.perks.find((perk) => perk.id === id), command.loaded);
    }
    case 'settings.save':
      return staleProblem(ws.settings, command.loaded);
    case 'rulesProfiles.save':
      return staleProblem(ws.rulesProfiles, command.loaded);
    case 'pricePoints.save':
      return staleProblem(ws.pricePoints, command.loaded);
    case 'revenueRules.save':
      return staleProblem(ws.revenueRules, command.loaded);
    case 'eligibilityProfiles.save':
      return staleProblem(ws.eligibilityProfiles, command.loaded);
    case 'bonusConditions.save':
      return staleProblem(ws.bonusConditions, command.loaded);
    case 'superFan.save':
      return staleProblem(ws.superFan, command.loaded);
    default:
      // Status changes, moves and deletes name their record and change only that much of it: they act on
      // the record as it is now (one deleted since is refused as not found).
      return undefined;
  }
}

/** A changed record's updatedAt: now, and always past its previous one, so no two versions share it. */
const stamp = (ctx: CommandContext, previous?: { updatedAt: number } | null): number =>
  Math.max(ctx.now, (previous?.updatedAt ?? -1) + 1);

const notFound = (what: 'tier' | 'perk'): Result<never> => ({
  ok: false,
  problems: [{ path: [], message: t(what === 'tier' ? 'err.tierNotFound' : 'err.perkNotFound') }],
});

/**
 * The problems of the offer's rules that `after` has and `before` had not, matched by message: such a
 * problem moves with the records it is about (archiving one of three active tiers where one is allowed
 * moves "at most 1 active" to another tier).
 */
function brought(after: Problem[], before: Problem[]): Problem[] {
  const standing = new Map<string, number>();
  for (const p of before) standing.set(p.message, (standing.get(p.message) ?? 0) + 1);
  return after.filter((p) => {
    const left = standing.get(p.message) ?? 0;
    standing.set(p.message, left - 1);
    return left <= 0;
  });
}

/**
 * Checks `next`, the workspace a change of `ws` leaves: its schema, then the offer's rules, of which only
 * those the change breaks refuse it. A stored workspace may already break one (written before the rule
 * held, or a record that no longer reads back): if that refused every change, nothing could be changed
 * any more, not even to repair it. Problems about `focus` lose their prefix so a form can show them.
 */
function finish(ws: Workspace, next: Workspace, ctx: CommandContext, focus?: ['tiers' | 'perks', number]): Result<Workspace> {
  const parsed = workspaceSchema.safeParse(next);
  let problems: Problem[];
  if (parsed.success) {
    const offer = validateOffer(parsed.data, ctx.locale);
    problems = offer.length ? brought(offer, validateOffer(ws, ctx.locale)) : offer;
    if (!problems.length) return { ok: true, value: parsed.data };
  } else problems = fromZod(parsed.error);
  return {
    ok: false,
    problems: problems.map((p) =>
      focus && p.path[0] === focus[0] && p.path[1] === focus[1] ? { ...p, path: p.path.slice(2) } : p,
    ),
  };
}

/** Positions 0..n-1 in the given order. */
function renumber(tiers: Tier[]): Tier[] {
  return tiers.map((tier, position) => (tier.position === position ? tier : { ...tier, position }));
}

/** The workspace a read backup leaves; its recorded numbers and roster are the store's to write (runImport). */
export function importBackup(ws: Workspace, backup: Backup, mode: ImportMode, ctx: CommandContext): Result<Workspace> {
  const result = finish(ws, mergeWorkspaces(ws, backup.data, mode), ctx);
  return result.ok
    ? result
    : { ok: false, problems: [{ path: [], message: t('err.mergeConflicts') }, ...result.problems] };
}

export function applyCommand(ws: Workspace, command: Command, ctx: CommandContext): Result<Workspace> {
  const stale = staleEdit(ws, command);
  if (stale) return { ok: false, problems: [stale] };
  switch (command.type) {
    case 'profile.save': {
      const input = check(profileInputSchema, command.profile);
      if (!input.ok) return input;
      return finish(ws, { ...ws, profile: { ...input.value, updatedAt: stamp(ctx, ws.profile) } }, ctx);
    }

    case 'tier.save': {
      const input = check(tierInputSchema, command.tier);
      if (!input.ok) return input;
      const existing = input.value.id ? ws.tiers.find((tier) => tier.id === input.value.id) : undefined;
      const sorted = sortTiers(ws.tiers);
      const tier: Tier = {
        ...input.value,
        id: input.value.id ?? ctx.newId(),
        status: input.value.status ?? existing?.status ?? 'draft',
        position: existing?.position ?? sorted.length,
        createdAt: existing?.createdAt ?? ctx.now,
        updatedAt: stamp(ctx, existing),
      };
      const tiers = existing
        ? ws.tiers.map((other) => (other.id === tier.id ? tier : other))
        : renumber([...sorted, tier]);
      return finish(ws, { ...ws, tiers }, ctx, ['tiers', tiers.findIndex((other) => other.id === tier.id)]);
    }

    case 'tier.move': {
      const sorted = sortTiers(ws.tiers);
      const from = sorted.findIndex((tier) => tier.id === command.id);
      if (from < 0) return notFound('tier');
      const [moved] = sorted.splice(from, 1);
      sorted.splice(Math.min(command.to, sorted.length), 0, moved!);
      return finish(ws, { ...ws, tiers: renumber(sorted) }, ctx);
    }

    case 'tier.setStatus': {
      const index = ws.tiers.findIndex((tier) => tier.id === command.id);
      if (index < 0) return notFound('tier');
      // Like its position, a tier's status is set from the list, not by its editor: it leaves the version
      // an open editor holds (updatedAt) alone, and a save from that editor keeps the status.
      const tiers = ws.tiers.map((tier, i) => (i === index ? { ...tier, status: command.status } : tier));
      return finish(ws, { ...ws, tiers }, ctx);
    }

    case 'tier.delete': {
      if (!ws.tiers.some((tier) => tier.id === command.id)) return notFound('tier');
      const { [command.id]: _, ...expectedSubscribers } = ws.settings.planner.expectedSubscribers;
      return finish(
        ws,
        {
          ...ws,
          tiers: renumber(sortTiers(ws.tiers.filter((tier) => tier.id !== command.id))),
          settings: { ...ws.settings, planner: { ...ws.settings.planner, expectedSubscribers } },
        },
        ctx,
      );
    }

    case 'perk.save': {
      const id = command.perk.id ?? ctx.newId();
      const perk = check(perkSchema, { ...command.perk, id });
      if (!perk.ok) return perk;
      const exists = ws.perks.some((other) => other.id === id);
      const perks = exists ? ws.perks.map((other) => (other.id === id ? perk.value : other)) : [...ws.perks, perk.value];
      return finish(ws, { ...ws, perks }, ctx, ['perks', perks.findIndex((other) => other.id === id)]);
    }

    case 'perk.delete': {
      if (!ws.perks.some((perk) => perk.id === command.id)) return notFound('perk');
      return finish(
        ws,
        {
          ...ws,
          perks: ws.perks.filter((perk) => perk.id !== command.id),
          tiers: ws.tiers.map((tier) =>
            tier.perkIds.includes(command.id)
              ? { ...tier, perkIds: tier.perkIds.filter((id) => id !== command.id), updatedAt: stamp(ctx, tier) }
              : tier,
          ),
        },
        ctx,
      );
    }

    case 'settings.save':
      return finish(ws, { ...ws, settings: command.settings }, ctx);
    case 'rulesProfiles.save':
      return finish(ws, { ...ws, rulesProfiles: command.rulesProfiles }, ctx);
    case 'pricePoints.save':
      return finish(ws, { ...ws, pricePoints: command.pricePoints }, ctx);
    case 'revenueRules.save':
      return finish(ws, { ...ws, revenueRules: command.revenueRules }, ctx);
    case 'eligibilityProfiles.save':
      return finish(ws, { ...ws, eligibilityProfiles: command.eligibilityProfiles }, ctx);
    case 'bonusConditions.save':
      return finish(ws, { ...ws, bonusConditions: command.bonusConditions }, ctx);
    case 'superFan.save':
      return finish(ws, { ...ws, superFan: command.superFan }, ctx);

    case 'workspace.restore':
      return finish(ws, command.workspace, ctx);

    case 'workspace.wipe':
      return { ok: true, value: emptyWorkspace() };
  }
}
