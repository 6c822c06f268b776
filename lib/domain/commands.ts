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
  tierSchema,
  tierStatuses,
  workspaceSchema,
  type Tier,
  type Workspace,
} from './schema';

const optionalId = z.optional(idSchema);

export const commandSchema = z.discriminatedUnion('type', [
  // The payloads of the three save commands are checked by applyCommand, so that problems come back
  // with paths relative to the form that sent them (['name'], not ['command', 'tier', 'name']).
  z.object({ type: z.literal('profile.save'), profile: z.looseObject({}) }),
  z.object({ type: z.literal('tier.save'), tier: z.looseObject({ id: optionalId }) }),
  z.object({ type: z.literal('tier.move'), id: idSchema, to: z.int().check(z.gte(0)) }),
  z.object({ type: z.literal('tier.setStatus'), id: idSchema, status: z.enum(tierStatuses) }),
  z.object({ type: z.literal('tier.delete'), id: idSchema }),
  z.object({ type: z.literal('perk.save'), perk: z.looseObject({ id: optionalId, kind: z.string() }) }),
  z.object({ type: z.literal('perk.delete'), id: idSchema }),
  z.object({ type: z.literal('settings.save'), settings: settingsSchema }),
  z.object({ type: z.literal('rulesProfiles.save'), rulesProfiles: z.array(rulesProfileSchema) }),
  z.object({ type: z.literal('pricePoints.save'), pricePoints: z.array(pricePointsSchema) }),
  z.object({ type: z.literal('revenueRules.save'), revenueRules: z.array(revenueRuleSchema) }),
  z.object({ type: z.literal('eligibilityProfiles.save'), eligibilityProfiles: z.array(eligibilityProfileSchema) }),
  z.object({ type: z.literal('bonusConditions.save'), bonusConditions: z.array(bonusConditionsSchema) }),
  /** Puts back a workspace exactly as it was: the undo of a delete. */
  z.object({ type: z.literal('workspace.restore'), workspace: workspaceSchema }),
  z.object({ type: z.literal('workspace.wipe') }),
]);
export type Command = z.infer<typeof commandSchema>;



export interface CommandContext {
  now: number;
  newId: () => string;
  /** Formats prices inside messages. */
  locale: string;
}

const notFound = (what: 'tier' | 'perk'): Result<never> => ({
  ok: false,
  problems: [{ path: [], message: t(what === 'tier' ? 'err.tierNotFound' : 'err.perkNotFound') }],
});

/** Problems of the workspace-wide rules; those about `focus` lose their prefix so a form can show them. */
function finish(next: Workspace, ctx: CommandContext, focus?: ['tiers' | 'perks', number]): Result<Workspace> {
  const parsed = workspaceSchema.safeParse(next);
  const problems: Problem[] = parsed.success ? validateOffer(parsed.data, ctx.locale) : fromZod(parsed.error);
  if (!problems.length) return { ok: true, value: parsed.success ? parsed.data : next };
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
  const result = finish(mergeWorkspaces(ws, backup.data, mode), ctx);
  return result.ok
    ? result
    : { ok: false, problems: [{ path: [], message: t('err.mergeConflicts') }, ...result.problems] };
}

export function applyCommand(ws: Workspace, command: Command, ctx: CommandContext): Result<Workspace> {
  switch (command.type) {
    case 'profile.save': {
      const input = check(profileInputSchema, command.profile);
      if (!input.ok) return input;
      return finish({ ...ws, profile: { ...input.value, updatedAt: ctx.now } }, ctx);
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
        updatedAt: ctx.now,
      };
      const tiers = existing
        ? ws.tiers.map((other) => (other.id === tier.id ? tier : other))
        : renumber([...sorted, tier]);
      return finish({ ...ws, tiers }, ctx, ['tiers', tiers.findIndex((other) => other.id === tier.id)]);
    }

    case 'tier.move': {
      const sorted = sortTiers(ws.tiers);
      const from = sorted.findIndex((tier) => tier.id === command.id);
      if (from < 0) return notFound('tier');
      const [moved] = sorted.splice(from, 1);
      sorted.splice(Math.min(command.to, sorted.length), 0, moved!);
      return finish({ ...ws, tiers: renumber(sorted) }, ctx);
    }

    case 'tier.setStatus': {
      const index = ws.tiers.findIndex((tier) => tier.id === command.id);
      if (index < 0) return notFound('tier');
      const tiers = ws.tiers.map((tier, i) =>
        i === index ? { ...tier, status: command.status, updatedAt: ctx.now } : tier,
      );
      return finish({ ...ws, tiers }, ctx);
    }

    case 'tier.delete': {
      if (!ws.tiers.some((tier) => tier.id === command.id)) return notFound('tier');
      const { [command.id]: _, ...expectedSubscribers } = ws.settings.planner.expectedSubscribers;
      return finish(
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
      return finish({ ...ws, perks }, ctx, ['perks', perks.findIndex((other) => other.id === id)]);
    }

    case 'perk.delete': {
      if (!ws.perks.some((perk) => perk.id === command.id)) return notFound('perk');
      return finish(
        {
          ...ws,
          perks: ws.perks.filter((perk) => perk.id !== command.id),
          tiers: ws.tiers.map((tier) =>
            tier.perkIds.includes(command.id)
              ? { ...tier, perkIds: tier.perkIds.filter((id) => id !== command.id), updatedAt: ctx.now }
              : tier,
          ),
        },
        ctx,
      );
    }

    case 'settings.save':
      return finish({ ...ws, settings: command.settings }, ctx);
    case 'rulesProfiles.save':
      return finish({ ...ws, rulesProfiles: command.rulesProfiles }, ctx);
    case 'pricePoints.save':
      return finish({ ...ws, pricePoints: command.pricePoints }, ctx);
    case 'revenueRules.save':
      return finish({ ...ws, revenueRules: command.revenueRules }, ctx);
    case 'eligibilityProfiles.save':
      return finish({ ...ws, eligibilityProfiles: command.eligibilityProfiles }, ctx);
    case 'bonusConditions.save':
      return finish({ ...ws, bonusConditions: command.bonusConditions }, ctx);

    case 'workspace.restore':
      return finish(command.workspace, ctx);

    case 'workspace.wipe':
      return { ok: true, value: emptyWorkspace() };
  }
}
