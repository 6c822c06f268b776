import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { fireEvent, render, screen, waitFor, within } from '@testing-library/preact';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { EligibilityCard } from '@/components/eligibility/EligibilityCard';
import { eligibilityView } from '@/components/eligibility/eligibility-state';
import { tiktokHandle } from '@/components/popup/PopupApp';
import { ELIGIBILITY_KEY } from '@/lib/protocol/stored-keys';
import { current, profileCommand, seed, useFakeExtension } from '../tiers/setup';
import { NOW, bonus, publishView, view } from './view';
import { versionOf } from '@/lib/domain/version';

useFakeExtension();

beforeEach(async () => {
  eligibilityView.value = null;
  vi.useFakeTimers({ toFake: ['Date'] });
  vi.setSystemTime(NOW);
  await seed(profileCommand);
});
afterEach(() => vi.useRealTimers());

const renderCard = () => render(<EligibilityCard handle="mia.makes" tabHandle={tiktokHandle} />);

describe('popup eligibility card', () => {
  it('shows each requirement with its number, progress, projection and the estimate label', async () => {
    await publishView(view());
    renderCard();

    await screen.findByText('1 of 4 requirements met');
    screen.getByText('Updated 3 hours ago');
    const followers = screen.getByRole('progressbar', { name: 'Followers' });
    expect(followers.getAttribute('aria-valuenow')).toBe('82');
    expect(followers.getAttribute('aria-valuetext')).toBe('8,200 of 10,000');
    screen.getByText('8,200 of 10,000');
    screen.getByText('At this pace: March 12, 2027');
    screen.getByText('Between January 5, 2027 and June 30, 2027');

    const views = screen.getByRole('progressbar', { name: 'Video views, last 30 days' });
    expect(views.getAttribute('aria-valuenow')).toBe('42');
    const viewsItem = views.closest('li')!;
    within(viewsItem).getByText('estimate');
    within(viewsItem).getByText('Not at the current pace');
    within(viewsItem).getByText('1,935 views a day needed');
    within(viewsItem).getByText('2 days without data');
    // The followers count is precise: no estimate label there.
    expect(within(followers.closest('li')!).queryByText('estimate')).toBeNull();
    screen.getByText('Confirmed in your profile');
  });

  it('speaks Italian with Italian numbers and dates', async () => {
    await seed({ type: 'settings.save', settings: { ...current().settings, language: 'it' }, loaded: versionOf(current().settings) });
    await publishView(view());
    renderCard();
    // Italian groups thousands from five digits on.
    await screen.findByText('8200 su 10.000');
    screen.getByText('42.000 su 100.000');
    screen.getByText('A questo ritmo: 12 marzo 2027');
  });

  it('flags old data and says when everything is met', async () => {
    await publishView(
      view({
        eligible: true,
        metCount: 4,
        latestCapture: { handle: 'mara.sings', capturedAt: NOW - 5 * 86_400_000, followers: 12000, source: 'visible', precise: false },
        requirements: view().requirements.map((r) => ({ ...r, dataDate: r.dataDate && '2026-03-05' })),
      }),
    );
    renderCard();
    await screen.findByText('Eligible ✓');
    screen.getByText('Updated 5 days ago · out of date');
  });

  it('follows a newly published view and ignores one that does not validate', async () => {
    renderCard();
    screen.getByText(/Open your TikTok profile to record your numbers/);
    await publishView(view());
    await screen.findByText('1 of 4 requirements met');
    await fakeBrowser.storage.local.set({ [ELIGIBILITY_KEY]: { profileId: 3 } });
    await screen.findByText(/Open your TikTok profile to record your numbers/);
  });

  it('shows the empty state when there is no data yet', async () => {
    await publishView(
      view({
        latestCapture: null,
        metCount: 0,
        requirements: view().requirements.map((r) => ({ ...r, value: r.kind === 'age' ? 1 : null, dataDate: null, progress: 0 })),
      }),
    );
    renderCard();
    await screen.findByText('0 of 4 requirements met');
    screen.getByText(/Open your TikTok profile to record your numbers, or import a Studio export/);
    expect(screen.getAllByText('No data yet')).toHaveLength(2);
  });

  it('saves the good-standing confirmation to the profile', async () => {
    await publishView(view());
    renderCard();
    const box = await screen.findByLabelText<HTMLInputElement>('I confirm my account is in good standing');
    expect(box.checked).toBe(false);
    fireEvent.click(box);
    await waitFor(() => expect(current().profile?.goodStanding).toBe(true));
    expect(current().profile?.handle).toBe('mia.makes');
    expect(box.checked).toBe(true);
  });
});

describe('capture from this tab', () => {
  it('is offered on the own profile and shows what the page answered', async () => {
    vi.spyOn(fakeBrowser.tabs, 'query').mockResolvedValue([{ id: 7, url: 'https://www.tiktok.com/@Mia.Makes?lang=en' } as never]);
    const sent = vi.spyOn(fakeBrowser.tabs, 'sendMessage').mockResolvedValue({ ok: true, outcome: 'recorded' });
    renderCard();
    fireEvent.click(await screen.findByRole('button', { name: 'Capture from this tab' }));
    await screen.findByText('Recorded.');
    expect(sent).toHaveBeenCalledWith(7, { type: 'capture.now' });
  });

  it('asks for a reload when the page cannot be reached', async () => {
    vi.spyOn(fakeBrowser.tabs, 'query').mockResolvedValue([{ id: 7, url: 'https://www.tiktok.com/@mia.makes' } as never]);
    vi.spyOn(fakeBrowser.tabs, 'sendMessage').mockRejectedValue(new Error('Could not establish connection'));
    renderCard();
    fireEvent.click(await screen.findByRole('button', { name: 'Capture from this tab' }));
    await screen.findByText('Reload the TikTok tab and try again.');
  });

  it('is not offered on another creator’s profile', async () => {
    const query = vi.spyOn(fakeBrowser.tabs, 'query').mockResolvedValue([{ id: 7, url: 'https://www.tiktok.com/@someone.else' } as never]);
    renderCard();
    await waitFor(() => expect(query).toHaveBeenCalled());
    await Promise.resolve();
    expect(screen.queryByRole('button', { name: 'Capture from this tab' })).toBeNull();
  });
});

describe('the bonus line under the card', () => {
  it('names the most urgent missing item when the bonus is at risk, else says on track or met', async () => {
    await publishView(view({ bonus: bonus({ urgent: 1 }) }));
    renderCard();
    await screen.findByText('Bonus at risk: 310,000 views to go');

    await publishView(view({ bonus: bonus() }));
    await screen.findByText('Bonus at risk: 2 posts to go');
    await publishView(view({ bonus: bonus({ status: 'on-track' }) }));
    await screen.findByText('Bonus on track');
    await publishView(view({ bonus: bonus({ status: 'met', urgent: null }) }));
    await screen.findByText('Bonus met');
    // No conditions for the market, or a bonus the line cannot read: no line.
    await publishView(view({ bonus: null }));
    await waitFor(() => expect(screen.queryByText(/^Bonus/)).toBeNull());
    await publishView({ ...view(), bonus: { status: 'at-risk', urgent: 0, conditions: [{ kind: 'likes', missing: 5 }] } } as never);
    await screen.findByText('1 of 4 requirements met');
    expect(screen.queryByText(/^Bonus/)).toBeNull();
  });

  it('speaks Italian', async () => {
    await seed({ type: 'settings.save', settings: { ...current().settings, language: 'it' }, loaded: versionOf(current().settings) });
    await publishView(view({ bonus: bonus({ urgent: 1 }) }));
    renderCard();
    await screen.findByText('Bonus a rischio: mancano 310.000 visualizzazioni');
  });
});

