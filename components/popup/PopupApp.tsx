import { workspace } from '../app-state';

export function PopupApp() {
  const ws = workspace.value!;
  return <main class="popup">{ws.tiers.length} tiers</main>;
}
