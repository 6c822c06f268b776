import { useRef, useState } from 'preact/hooks';
import { t } from '@/lib/i18n';
import { PerkLibrary } from '../perks/PerkLibrary';
import { PricePlanner } from '../planner/PricePlanner';
import { SuperFanPanel } from '../super-fan/SuperFanPanel';
import { LazyTierEditor as TierEditor } from '../tiers/LazyTierEditor';
import { TierList } from '../tiers/TierList';

/** Tiers, Super Fan beside them, the perk library and the price planner: the offer as a whole. */
export function TiersSection() {
  const [creating, setCreating] = useState(false);
  const newTier = useRef<HTMLButtonElement>(null);

  const done = () => {
    setCreating(false);
    // The editor is gone; give focus back to what opened it.
    requestAnimationFrame(() => newTier.current?.focus());
  };

  return (
    <>
      <section class="options-panel" aria-labelledby="tiers-heading">
        <div class="panel-head">
          <h2 id="tiers-heading">{t('options.tiers.heading')}</h2>
          {creating ? null : (
            <button type="button" class="primary" ref={newTier} onClick={() => setCreating(true)}>
              {t('options.tiers.new')}
            </button>
          )}
        </div>
        {creating ? <TierEditor onDone={done} /> : null}
        <TierList />
      </section>
      <SuperFanPanel />
      <PerkLibrary />
      <PricePlanner />
    </>
  );
}
