import { workspace } from '../app-state';

export function OptionsApp() {
  const ws = workspace.value!;
  return <main class="options">{ws.tiers.length} tiers</main>;
}
