import { useEffect, useRef, useState } from 'preact/hooks';
import { browser } from 'wxt/browser';
import { activeRules } from '@/lib/domain/offer';
import type { Profile } from '@/lib/domain/schema';
import { t } from '@/lib/i18n';
import { workspace } from '../app-state';
import { EligibilityCard } from '../eligibility/EligibilityCard';
import { LazyProfileForm as ProfileForm } from '../profile/LazyProfileForm';
import { LazyTierEditor as TierEditor } from '../tiers/LazyTierEditor';
import { TierList } from '../tiers/TierList';
import './popup.css';

/** The handle in a TikTok profile or video address (https://www.tiktok.com/@name/...), lower-cased. */
export function tiktokHandle(url: string | undefined): string | undefined {
  const match = /^https:\/\/www\.tiktok\.com\/@([A-Za-z0-9._]{2,24})(?:[/?#]|$)/.exec(url ?? '');
  return match?.[1]?.toLowerCase();
}

/** The handle of the TikTok page in the active tab, if any; activeTab lets the popup read its URL. */
async function handleFromActiveTab(): Promise<string | undefined> {
  try {
    const [tab] = await browser.tabs.query({ active: true, currentWindow: true });
    return tiktokHandle(tab?.url);
  } catch {
    // Only a suggestion: without it the creator types the handle.
    return undefined;
  }
}

function Onboarding() {
  const [suggested, setSuggested] = useState<string>();
  useEffect(() => {
    void handleFromActiveTab().then(setSuggested);
  }, []);
  return (
    <main class="popup">
      <h1>{t('popup.welcome')}</h1>
      <p class="muted">{t('popup.intro')}</p>
      <ProfileForm suggestedHandle={suggested} />
    </main>
  );
}

function Cockpit({ profile }: { profile: Profile }) {
  const ws = workspace.value!;
  const [creating, setCreating] = useState(false);
  const newTier = useRef<HTMLButtonElement>(null);
  const active = ws.tiers.filter((tier) => tier.status === 'active').length;
  // The editor's code is not needed for the first render; fetch it just after.
  useEffect(() => {
    const timer = setTimeout(() => void TierEditor.preload(), 100);
    return () => clearTimeout(timer);
  }, []);

  const done = () => {
    setCreating(false);
    requestAnimationFrame(() => newTier.current?.focus());
  };

  return (
    <main class="popup">
      <header class="popup-header">
        <p class="popup-who">
          <strong>{profile.displayName}</strong> <span class="muted">@{profile.handle}</span>
        </p>
        <button type="button" onClick={() => void browser.runtime.openOptionsPage()}>
          {t('popup.openWorkspace')}
        </button>
      </header>
      {creating ? (
        <TierEditor onDone={done} />
      ) : (
        <>
          <EligibilityCard handle={profile.handle} tabHandle={tiktokHandle} />
          <div class="popup-bar">
            <div>
              <h1>{t('popup.tiers')}</h1>
              <p class="muted small">{t('popup.activeCount', { active, max: activeRules(ws).maxActiveTiers })}</p>
            </div>
            <button type="button" class="primary" ref={newTier} onClick={() => setCreating(true)}>
              {t('popup.newTier')}
            </button>
          </div>
          <TierList compact />
        </>
      )}
    </main>
  );
}

/** The creator's cockpit: onboarding first, then the tiers. Renders from the snapshot at once. */
export function PopupApp() {
  const profile = workspace.value!.profile;
  return profile ? <Cockpit profile={profile} /> : <Onboarding />;
}
