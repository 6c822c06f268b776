// Builders for badge packs, so each test states only what it is about.
import { createSigningKey, serializePack, signPack, type SigningKey } from '@/lib/packs/keys';
import type { BadgePack, PackContentInput } from '@/lib/packs/pack';

export const ISSUED_AT = '2025-06-01T12:00:00.000Z';

export function content(over: Partial<PackContentInput> = {}): PackContentInput {
  return {
    creator: { handle: 'mara.sings', displayName: 'Mara' },
    issuedAt: ISSUED_AT,
    tiers: [
      { id: 'fan', name: 'Fan', badge: { label: 'FAN', color: '#3366ff' }, tenureSteps: [1, 3, 6, 12] },
      { id: 'gold', name: 'Gold', badge: { label: 'GOLD', color: '#ffcc00', emoji: '⭐' }, tenureSteps: [1, 2, 3, 6, 9, 12] },
      { id: 'vip', name: 'VIP «Inner circle»', badge: { label: 'VIP', color: '#ff0050', emoji: '🔥' }, tenureSteps: [1] },
    ],
    subscribers: [
      { handle: 'luca_92', tierId: 'gold', since: '2024-11-03' },
      { handle: 'anna.b', nickname: 'Anna 🌸', tierId: 'fan', since: '2025-01-15' },
      { nickname: 'Zoë the great', tierId: 'vip', since: '2023-02-28' },
      { handle: 'marco', tierId: 'fan', since: '2025-05-31' },
      { handle: 'x.y_z', nickname: '"quotes" \\ and <b>tags</b>', tierId: 'gold', since: '2022-12-01' },
    ],
    ...over,
  };
}

export async function signed(key: SigningKey, over: Partial<PackContentInput> = {}): Promise<BadgePack> {
  const result = await signPack(content(over), key.privateKey, key.publicJwk);
  if (!result.ok) throw new Error(JSON.stringify(result.problems));
  return result.pack;
}

export async function signedText(key: SigningKey, over: Partial<PackContentInput> = {}): Promise<string> {
  return serializePack(await signed(key, over));
}

/** A pack's text after `change` edits its parsed JSON. */
export function edit(text: string, change: (json: any) => void): string {
  const json = JSON.parse(text);
  change(json);
  return JSON.stringify(json);
}

export { createSigningKey };
