import { fireEvent, screen, waitFor } from '@testing-library/preact';
import { describe, expect, it } from 'vitest';
import { openOptions, tierNamed, ws } from '../options/options-page';
import { addSubscriber, seedTiers } from './roster-page';

const expected = (name: string) => screen.getByLabelText(`Expected subscribers for ${name}`) as HTMLInputElement;
const countBeside = (name: string) => expected(name).closest('td')!.textContent;

describe('price planner: the roster’s counts', () => {
  it('shows each tier’s active subscribers beside the expected ones, and copies them on request', async () => {
    await openOptions('#tiers', async () => {
      await seedTiers();
      await addSubscriber({ handle: 'ann', tier: 'Gold', since: '2025-06-01' });
      await addSubscriber({ handle: 'bob', tier: 'Gold', since: '2025-06-01' });
      await addSubscriber({ handle: 'cat', tier: 'Gold', since: '2025-06-01', status: 'lapsed' });
      await addSubscriber({ handle: 'dan', tier: 'Bronze', since: '2025-06-01' });
    });
    await waitFor(() => expect(countBeside('Gold')).toBe('Now 2 active'));
    expect(countBeside('Bronze')).toBe('Now 1 active');
    expect(expected('Gold').value).toBe('0');

    fireEvent.click(screen.getByRole('button', { name: 'Use current subscriber counts' }));
    await waitFor(() =>
      expect(ws().settings.planner.expectedSubscribers).toEqual({ [tierNamed('Bronze').id]: 1, [tierNamed('Gold').id]: 2 }),
    );
    await waitFor(() => expect(expected('Gold').value).toBe('2'));
    expect(expected('Bronze').value).toBe('1');

    // A subscriber added elsewhere (the context menu on tiktok.com) shows at once.
    await addSubscriber({ handle: 'eve', tier: 'Gold', since: '2026-01-01' });
    await waitFor(() => expect(countBeside('Gold')).toBe('Now 3 active'));
    expect(expected('Gold').value).toBe('2');
  });
});
