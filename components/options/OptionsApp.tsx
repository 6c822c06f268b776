import { useEffect, useRef, useState } from 'preact/hooks';
import { t, type MessageKey } from '@/lib/i18n';
import { ProfileForm } from '../profile/ProfileForm';
import { DataSection } from '../data/DataSection';
import { EligibilitySection } from '../eligibility/EligibilitySection';
import { SettingsSection } from '../settings/SettingsSection';
import { SubscribersSection } from '../roster/SubscribersSection';
import { BadgePacksSection } from '../packs/BadgePacksSection';
import { TiersSection } from './TiersSection';
import './options.css';

// The options page's sections, in navigation order. The hash (#tiers, #data, ...) names the one shown,
// so reload, links and the back button all work.
const sections = [
  { id: 'tiers', label: 'options.nav.tiers' },
  { id: 'eligibility', label: 'options.nav.eligibility' },
  { id: 'subscribers', label: 'options.nav.subscribers' },
  { id: 'badges', label: 'packs.ui.nav' },
  { id: 'profile', label: 'options.nav.profile' },
  { id: 'data', label: 'options.nav.data' },
  { id: 'settings', label: 'options.nav.settings' },
] as const satisfies readonly { id: string; label: MessageKey }[];
type SectionId = (typeof sections)[number]['id'];

function sectionFromHash(hash: string): SectionId {
  const id = hash.replace(/^#/, '');
  return sections.find((s) => s.id === id)?.id ?? 'tiers';
}

function useHashSection(): [SectionId, boolean] {
  const [current, setCurrent] = useState(() => sectionFromHash(location.hash));
  // Focus moves to the new section's heading only after a navigation, not on first load.
  const [navigated, setNavigated] = useState(false);
  useEffect(() => {
    const follow = () => {
      setCurrent(sectionFromHash(location.hash));
      setNavigated(true);
    };
    window.addEventListener('hashchange', follow);
    // The hash may have changed between the first render and now, with no listener to hear it.
    setCurrent(sectionFromHash(location.hash));
    return () => window.removeEventListener('hashchange', follow);
  }, []);
  return [current, navigated];
}

function SectionBody({ id }: { id: SectionId }) {
  switch (id) {
    case 'tiers':
      return <TiersSection />;
    case 'eligibility':
      return <EligibilitySection />;
    case 'subscribers':
      return <SubscribersSection />;
    case 'badges':
      return <BadgePacksSection />;
    case 'profile':
      return (
        <>
          <p class="muted">{t('options.profile.intro')}</p>
          <ProfileForm />
        </>
      );
    case 'data':
      return <DataSection />;
    case 'settings':
      return <SettingsSection />;
  }
}

export function OptionsApp() {
  const [current, navigated] = useHashSection();
  const heading = useRef<HTMLHeadingElement>(null);
  const label = t(sections.find((s) => s.id === current)!.label);

  useEffect(() => {
    document.title = `${label} · ${t('app.name')}`;
    if (navigated) heading.current?.focus();
  }, [current, navigated, label]);

  return (
    <div class="options">
      <header class="options-header">
        <span class="options-brand">{t('app.name')}</span>
      </header>
      <nav class="options-nav" aria-label={t('options.nav.label')}>
        <ul>
          {sections.map((s) => (
            <li key={s.id}>
              <a href={`#${s.id}`} aria-current={s.id === current ? 'page' : undefined}>
                {t(s.label)}
              </a>
            </li>
          ))}
        </ul>
      </nav>
      <main class="options-main" aria-labelledby="options-section-heading">
        <h1 id="options-section-heading" tabIndex={-1} ref={heading}>
          {label}
        </h1>
        <SectionBody id={current} />
      </main>
    </div>
  );
}
