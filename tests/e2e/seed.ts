// A creator's whole offer as the commands the UI would send: a profile, a perk library and three
// active tiers. Used to seed a browser profile for end-to-end tests and the benchmark.
import type { Page } from 'playwright-core';
import type { Command } from '@/lib/domain/commands';
import { DEFAULT_TENURE_STEPS } from '@/lib/domain/schema';
import { TEXT_PART } from '@/lib/protocol/schemas';
import { sendCommand } from './harness';

declare const chrome: { runtime: { sendMessage(message: unknown): Promise<{ ok: boolean; data?: unknown }> } };

export const sampleOfferCommands: Command[] = [
  {
    type: 'profile.save',
    profile: {
      handle: 'mara.sings',
      displayName: 'Mara Sings',
      market: 'IT',
      currency: 'EUR',
      age: { kind: 'confirmed-adult' },
    },
  },
  { type: 'perk.save', perk: { id: 'chat', kind: 'subscriber-chat', title: 'Subscriber chat', description: '' } },
  {
    type: 'perk.save',
    perk: { id: 'videos', kind: 'subscriber-videos', title: 'Backstage videos', description: 'Rehearsals and outtakes', perMonth: 4 },
  },
  { type: 'perk.save', perk: { id: 'live', kind: 'subscriber-live', title: 'Monthly subscriber LIVE', description: '', perMonth: 1 } },
  { type: 'perk.save', perk: { id: 'requests', kind: 'performance-requests', title: 'Song requests', description: '', perMonth: 2 } },
  {
    type: 'perk.save',
    perk: { id: 'discord', kind: 'discord-role', title: 'Discord role', description: '', roleName: 'Front row' },
  },
  { type: 'perk.save', perk: { id: 'shoutout', kind: 'shoutout', title: 'Shoutout in a video', description: '', perMonth: 1 } },
  ...(
    [
      ['fan', 'Fan', 299, ['chat', 'videos'], { label: 'FAN', color: '#2f80ed', emoji: '🎵' }],
      ['crew', 'Crew', 499, ['live', 'requests'], { label: 'CREW', color: '#9b51e0' }],
      ['front-row', 'Front Row', 999, ['discord', 'shoutout'], { label: 'VIP', color: '#d1004f', emoji: '⭐' }],
    ] as const
  ).flatMap(([id, name, priceMinor, perkIds, badge]): Command[] => [
    {
      type: 'tier.save',
      tier: {
        id,
        name,
        priceMinor,
        currency: 'EUR',
        description: `${name} subscribers`,
        perkIds: [...perkIds],
        includesLowerTiers: true,
        badge: { ...badge },
        tenureSteps: DEFAULT_TENURE_STEPS,
      },
    },
    { type: 'tier.setStatus', id, status: 'active' },
  ]),
];

/** Sends the sample offer to the background from an open extension page. */
export async function seedSampleOffer(page: Page): Promise<void> {
  for (const command of sampleOfferCommands) await sendCommand(page, command);
}

/**
 * Imports a roster CSV as the options page sends it (components/roster/RosterImport.tsx): its text, in
 * one part here, then the import. Resolves to the background's answer.
 */
export async function importRosterCsv(page: Page, fileName: string, text: string): Promise<{ ok: boolean; data?: unknown }> {
  if (text.length > TEXT_PART) throw new Error('A seed CSV goes in one part');
  return page.evaluate(
    async ({ fileName, text }) => {
      const upload = crypto.randomUUID();
      const sent = await chrome.runtime.sendMessage({ type: 'roster.importText', upload, from: 0, text });
      if (!sent.ok) return sent;
      return chrome.runtime.sendMessage({ type: 'roster.import', fileName, upload, length: text.length, apply: true });
    },
    { fileName, text },
  );
}

/** One Gold tier, the first of a creator's offer: what the data tests start from. */
export const goldTierCommand: Command = {
  type: 'tier.save',
  tier: { name: 'Gold', priceMinor: 499, currency: 'EUR', description: '', perkIds: [], includesLowerTiers: true, badge: { label: 'GLD', color: '#ffcc00' }, tenureSteps: [1, 3, 6] },
};
