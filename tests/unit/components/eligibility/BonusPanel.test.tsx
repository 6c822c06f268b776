import { describe, expect, it } from 'vitest';
import { fireEvent, render, screen, waitFor, within } from '@testing-library/preact';
import { BonusPanel } from '@/components/eligibility/BonusPanel';
import { EligibilitySection } from '@/components/eligibility/EligibilitySection';
import { eligibilityView } from '@/components/eligibility/eligibility-state';
import { versionOf } from '@/lib/domain/version';
import { current, profileCommand, seed, useFakeExtension } from '../tiers/setup';
import { bonus, publishView, view } from './view';

useFakeExtension();

const panel = (name = 'This month’s bonus') => screen.getByRole('region', { name });

describe('the bonus panel', () => {
  it('shows each condition with its progress, the days left and what is still needed', async () => {
    await seed(profileCommand);
    render(<BonusPanel view={view({ bonus: bonus() })} />);
    within(panel()).getByText('At risk');
    within(panel()).getByText(/5 days left/);
    const views = within(panel()).getByRole('progressbar', { name: 'Video views' });
    expect(views.getAttribute('aria-valuenow')).toBe('69');
    expect(views.getAttribute('aria-valuetext')).toBe('690,000 of 1,000,000');
    const viewsItem = views.closest('li')!;
    within(viewsItem).getByText('Not on track at this pace');
    within(viewsItem).getByText('62,000 views a day needed');
    within(viewsItem).getByText('2 days without data');
    within(within(panel()).getByRole('progressbar', { name: 'Followers' }).closest('li')!).getByText('Met');
    within(panel()).getByRole('heading', { name: 'Subscriber-only posts', level: 3 });
    within(panel()).getByText('Still needed: 310,000 views and 2 more subscriber-only posts by December 31, 2026.');
  });

  it('says last month was missed and why, and lists the months before in a table', async () => {
    await seed(profileCommand);
    render(<BonusPanel view={view({ bonus: bonus() })} />);
    within(panel()).getByRole('heading', { name: 'Last month', level: 3 });
    within(panel()).getByText('Missed: the video views fell short.');
    const table = within(panel()).getByRole('table', { name: 'The bonus of each month before this one, newest first' });
    expect(within(table).getAllByRole('columnheader').map((h) => h.textContent)).toEqual(['Month', 'Bonus']);
    expect(within(table).getAllByRole('row').slice(1).map((row) => row.textContent)).toEqual([
      'November 2026Missed',
      'October 2026Earned',
      'September 2026Unknown (days without data)',
    ]);
  });

  it('tells an unknown last month from a missed one, and a met month needs nothing', async () => {
    await seed(profileCommand);
    const met = bonus({
      status: 'met',
      urgent: null,
      conditions: bonus().conditions.map((c) => ({ ...c, value: c.threshold, missing: 0, onTrack: true, missingDays: 0 })),
      lastMonth: { result: 'unknown', conditions: [{ met: true, value: 1 }, { met: false, value: null }, { met: false, value: 1 }] },
      history: [],
    });
    render(<BonusPanel view={view({ bonus: met })} />);
    within(panel()).getByText('Met', { selector: 'strong' });
    expect(within(panel()).queryByText(/^Still needed/)).toBeNull();
    within(panel()).getByText('Unknown: the video views and the subscriber-only posts fell short, with days of data missing.');
    expect(within(panel()).queryByRole('table')).toBeNull();
  });

  it('has an empty state without a profile, and without conditions for the market', async () => {
    await seed(profileCommand);
    const { rerender } = render(<BonusPanel view={null} />);
    within(panel()).getByText(/^Add your creator profile/);
    rerender(<BonusPanel view={view({ bonus: null })} />);
    within(panel()).getByText(/^No bonus conditions apply to your market/);
    expect(within(panel()).queryByRole('progressbar')).toBeNull();
  });

  it('speaks Italian, with the list joined and counted the Italian way', async () => {
    await seed(profileCommand);
    await seed({ type: 'settings.save', settings: { ...current().settings, language: 'it' }, loaded: versionOf(current().settings) });
    render(<BonusPanel view={view({ bonus: bonus({ daysLeft: 1 }) })} />);
    const italian = () => panel('Il bonus di questo mese');
    await waitFor(() => within(italian()).getByText('A rischio'));
    within(italian()).getByText(/Resta 1 giorno/);
    within(italian()).getByText('Mancano ancora: 310.000 visualizzazioni e 2 altri post solo per abbonati entro il 31 dicembre 2026.');
    within(italian()).getByText('Mancato: non bastavano le visualizzazioni dei video.');
    within(italian()).getByRole('row', { name: 'novembre 2026 Mancato' });
  });
});

describe('the bonus reminder setting', () => {
  it('saves the days before the month ends, 0 turning it off', async () => {
    eligibilityView.value = null;
    await seed(profileCommand);
    await publishView(view({ bonus: bonus() }));
    render(<EligibilitySection />);
    await screen.findByText('At risk');
    const days = screen.getByLabelText<HTMLInputElement>(/^Remind me this many days before the month ends/);
    expect(days.value).toBe('5');
    fireEvent.change(days, { target: { value: '0' } });
    await waitFor(() => expect(current().settings.bonusReminderDays).toBe(0));
  });
});
