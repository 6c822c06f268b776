import { AppearanceSettings } from './AppearanceSettings';
import { PricePointsEditor } from './PricePointsEditor';
import { RevenueRulesEditor } from './RevenueRulesEditor';
import { RulesProfileSettings } from './RulesProfileSettings';
import './settings.css';

/** Display preferences, and the data behind the offer's rules: limits, price points, revenue share. */
export function SettingsSection() {
  return (
    <>
      <AppearanceSettings />
      <RulesProfileSettings />
      <PricePointsEditor />
      <RevenueRulesEditor />
    </>
  );
}
