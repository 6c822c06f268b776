// The popup's first render (the 'tierkit:first-render' mark, ms from navigation start) with a creator's
// whole offer against a popup with no data, in the same browser. The two cases alternate, so drift
// (JIT, caches, a busy machine) hits both alike.
import type { Page } from 'playwright-core';
import type { Workspace } from '@/lib/domain/schema';
import { readWorkspace, sendCommand, waitForFirstRender, type Extension } from '../e2e/harness';
import { seedSampleOffer } from '../e2e/seed';

export interface Timings {
  empty: number[];
  data: number[];
}

export function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[middle]! : (sorted[middle - 1]! + sorted[middle]!) / 2;
}

type Case = keyof Timings;

export async function measureFirstRender(extension: Extension, rounds: number, warmUps: number): Promise<Timings> {
  const setup = await extension.openPopup();
  await waitForFirstRender(setup);
  await seedSampleOffer(setup);
  const offer = (await readWorkspace(setup)) as Workspace;
  await sendCommand(setup, { type: 'workspace.wipe' });
  await setup.close();

  // Each measured page switches the data for the next one just before it closes, so no other
  // extension page is open (and rendering) while a popup loads.
  const switchTo = (page: Page, next: Case) =>
    sendCommand(page, next === 'data' ? { type: 'workspace.restore', workspace: offer } : { type: 'workspace.wipe' });

  const timings: Timings = { empty: [], data: [] };
  for (let round = 0; round < warmUps + rounds; round++) {
    for (const current of ['empty', 'data'] as const) {
      const page = await extension.openPopup();
      const ms = await waitForFirstRender(page);
      if (round === 0) await expectCase(page, current, offer);
      if (round >= warmUps) timings[current].push(ms);
      await switchTo(page, current === 'empty' ? 'data' : 'empty');
      await page.close();
    }
  }
  return timings;
}

/** Makes sure each case shows what it claims to: onboarding, or the three tiers. */
async function expectCase(page: Page, current: Case, offer: Workspace): Promise<void> {
  const text = await page.locator('body').innerText();
  const tierNames = offer.tiers.map((tier) => tier.name);
  const showsTiers = tierNames.every((name) => text.includes(name));
  const showsForm = (await page.locator('form').count()) > 0;
  if (current === 'data' ? !showsTiers : showsTiers || !showsForm) {
    throw new Error(`The ${current} popup does not show what it should:\n${text}`);
  }
}
