import { useRef, useState } from 'preact/hooks';
import { check, type Problem } from '@/lib/domain/problems';
import { revenueRuleSchema, type RevenueRule } from '@/lib/domain/schema';
import { versionOf } from '@/lib/domain/version';
import { locale, t } from '@/lib/i18n';
import { run, workspace } from '../app-state';
import { Problems } from '../Problems';
import { formatDecimal, parseDecimal } from '../options/form-values';
import { useUndo } from '../UndoNotice';
import { useDraft } from './use-draft';
import { Checkbox } from '../Checkbox';

interface Draft {
  name: string;
  markets: string;
  creatorSharePercent: string;
  afterAppStoreFees: boolean;
  bonusMaxPercent: string;
}

const blank: Draft = { name: '', markets: '', creatorSharePercent: '50', afterAppStoreFees: true, bonusMaxPercent: '0' };

function toDraft(rule: RevenueRule | undefined): Draft {
  if (!rule) return blank;
  return {
    name: rule.name,
    markets: rule.markets.join(', '),
    creatorSharePercent: formatDecimal(rule.creatorSharePercent, locale()),
    afterAppStoreFees: rule.afterAppStoreFees,
    bonusMaxPercent: formatDecimal(rule.bonusMaxPercent, locale()),
  };
}

/** One rule's form; without a rule it adds one. Saves the whole list, which the offer's rules check. */
function RevenueRuleForm(props: { rule?: RevenueRule; index: number; onRemove?: () => void }) {
  const { rule, index } = props;
  const [draft, setDraft, { loaded, reload }] = useDraft(rule, toDraft);
  const [problems, setProblems] = useState<Problem[]>([]);
  const [saved, setSaved] = useState(false);
  const id = rule?.id ?? 'new-rule';
  const change = (patch: Partial<Draft>) => {
    setSaved(false);
    setDraft((now) => ({ ...now, ...patch }));
  };

  const save = async (event: Event) => {
    event.preventDefault();
    const next = {
      id: rule?.id ?? crypto.randomUUID(),
      name: draft.name,
      markets: draft.markets
        .split(',')
        .map((code) => code.trim().toUpperCase())
        .filter(Boolean),
      creatorSharePercent: parseDecimal(draft.creatorSharePercent),
      afterAppStoreFees: draft.afterAppStoreFees,
      bonusMaxPercent: parseDecimal(draft.bonusMaxPercent),
    };
    const checked = check(revenueRuleSchema, next, ['revenueRules', index]);
    if (!checked.ok) return setProblems(checked.problems);
    const all = workspace.value!.revenueRules;
    const mine = (other: RevenueRule) => other.id === rule?.id;
    const revenueRules = rule ? all.map((other) => (mine(other) ? checked.value : other)) : [...all, checked.value];
    // The list with this rule as it was loaded: a rule changed elsewhere since is not overwritten.
    const found = await run({ type: 'revenueRules.save', revenueRules, loaded: versionOf(all.map((other) => (mine(other) ? loaded! : other))) });
    setProblems(found);
    setSaved(!found.length && !!rule);
    if (!found.length) reload(current());
  };

  const current = () => workspace.value!.revenueRules.find((other) => other.id === rule?.id);
  const loadCurrent = () => {
    setProblems([]);
    reload(current());
  };

  const invalid = (field: string) => (problems.some((p) => p.path[2] === field) ? 'true' : undefined);
  return (
    <form class="revenue-rule" onSubmit={save} aria-labelledby={`${id}-legend`}>
      <h3 id={`${id}-legend`}>{rule ? rule.name : t('options.settings.revenue.new')}</h3>
      <div class="form-grid">
        <div class="field">
          <label for={`${id}-name`}>{t('options.settings.revenue.name')}</label>
          <input id={`${id}-name`} value={draft.name} aria-invalid={invalid('name')} onInput={(e) => change({ name: e.currentTarget.value })} />
        </div>
        <div class="field">
          <label for={`${id}-markets`}>{t('options.settings.revenue.markets')}</label>
          <input
            id={`${id}-markets`}
            value={draft.markets}
            aria-invalid={invalid('markets')}
            aria-describedby={`${id}-markets-hint`}
            onInput={(e) => change({ markets: e.currentTarget.value })}
          />
          <span class="hint" id={`${id}-markets-hint`}>
            {t('options.settings.revenue.marketsHint')}
          </span>
        </div>
        <div class="field">
          <label for={`${id}-share`}>{t('options.settings.revenue.share')}</label>
          <input
            id={`${id}-share`}
            inputMode="decimal"
            value={draft.creatorSharePercent}
            aria-invalid={invalid('creatorSharePercent')}
            onInput={(e) => change({ creatorSharePercent: e.currentTarget.value })}
          />
        </div>
        <div class="field">
          <label for={`${id}-bonus`}>{t('options.settings.revenue.bonusMax')}</label>
          <input
            id={`${id}-bonus`}
            inputMode="decimal"
            value={draft.bonusMaxPercent}
            aria-invalid={invalid('bonusMaxPercent')}
            onInput={(e) => change({ bonusMaxPercent: e.currentTarget.value })}
          />
        </div>
        <Checkbox checked={draft.afterAppStoreFees} onChange={(afterAppStoreFees) => change({ afterAppStoreFees })}>
          {t('options.settings.revenue.afterFees')}
        </Checkbox>
      </div>
      <div class="actions">
        <button type="submit">{rule ? t('options.save') : t('options.settings.revenue.add')}</button>
        {props.onRemove ? (
          <button
            type="button"
            class="danger"
            onClick={props.onRemove}
            aria-label={t('options.settings.revenue.remove', { name: rule?.name ?? '' })}
          >
            {t('options.remove')}
          </button>
        ) : null}
      </div>
      <p role="status" class="status-ok">
        {saved ? t('options.saved') : null}
      </p>
      <Problems problems={problems} onReload={loadCurrent} />
    </form>
  );
}

/** How each market shares subscription revenue: the planner uses the rule of the profile's market. */
export function RevenueRulesEditor() {
  const ws = workspace.value!;
  const [problems, setProblems] = useState<Problem[]>([]);
  const heading = useRef<HTMLHeadingElement>(null);
  const { offer, notice } = useUndo(heading);

  const remove = async (rule: RevenueRule) => {
    const before = ws;
    const found = await run({
      type: 'revenueRules.save',
      revenueRules: ws.revenueRules.filter((r) => r.id !== rule.id),
      loaded: versionOf(ws.revenueRules),
    });
    setProblems(found);
    if (!found.length) offer(t('options.settings.revenue.removed', { name: rule.name }), before);
  };

  return (
    <section class="options-panel" aria-labelledby="revenue-heading">
      <h2 id="revenue-heading" tabIndex={-1} ref={heading}>
        {t('options.settings.revenue.heading')}
      </h2>
      <p class="muted">{t('options.settings.revenue.intro')}</p>
      {notice}
      {/* The rules below show the list as it is now: a refusal has nothing more to load. */}
      <Problems problems={problems} onReload={() => setProblems([])} />
      {ws.revenueRules.map((rule, index) => (
        <RevenueRuleForm key={rule.id} rule={rule} index={index} onRemove={() => remove(rule)} />
      ))}
      <RevenueRuleForm index={ws.revenueRules.length} />
    </section>
  );
}
