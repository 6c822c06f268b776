import { describe, expect, it } from 'vitest';
import { fireEvent, render, screen, waitFor, within } from '@testing-library/preact';
import { EligibilitySection } from '@/components/eligibility/EligibilitySection';
import { eligibilityView } from '@/components/eligibility/eligibility-state';
import { defaultEligibilityProfiles } from '@/lib/eligibility/rules';
import { current, profileCommand, seed, useFakeExtension } from '../tiers/setup';
import { publishView, view } from './view';

useFakeExtension();

async function renderSection() {
  eligibilityView.value = null;
  await seed(profileCommand);
  await publishView(view());
  render(<EligibilitySection />);
  await screen.findByText('1 of 4 requirements met');
}

const rules = () => screen.getByRole('region', { name: 'Rules' });
const inRules = (label: string, value: string) => fireEvent.input(within(rules()).getByLabelText(label), { target: { value } });

describe('options eligibility section', () => {
  it('shows the requirements in full, with the projection range as text', async () => {
    await renderSection();
    const status = screen.getByRole('region', { name: 'Where you stand' });
    within(status).getByRole('progressbar', { name: 'Followers' });
    expect(within(status).getByText(/^Between .* and /).className).not.toContain('visually-hidden');
  });

  it('saves an edited threshold and window of the active rules', async () => {
    await renderSection();
    inRules('Followers: at least', '12000');
    fireEvent.change(within(rules()).getByLabelText('Video views: counted over'), { target: { value: 'calendar-month' } });
    fireEvent.click(within(rules()).getByRole('button', { name: 'Save rules' }));
    await waitFor(() =>
      expect(current().eligibilityProfiles[0]!.requirements).toEqual([
        { kind: 'age' },
        { kind: 'good-standing' },
        { kind: 'followers', min: 12000 },
        { kind: 'video-views', min: 100000, window: 'calendar-month' },
      ]),
    );
    await within(rules()).findByText('Saved.');
  });

  it('shows a negative threshold next to its field and saves nothing', async () => {
    await renderSection();
    inRules('Followers: at least', '-5');
    fireEvent.click(within(rules()).getByRole('button', { name: 'Save rules' }));
    const field = within(rules()).getByLabelText('Followers: at least');
    await waitFor(() => expect(field.getAttribute('aria-invalid')).toBe('true'));
    expect(document.getElementById(field.getAttribute('aria-describedby')!)!.textContent).toBe('Must be at least 0');
    expect(current().eligibilityProfiles).toEqual(defaultEligibilityProfiles);
  });

  it('removes and adds requirements, and adds a profile that becomes the active one', async () => {
    await renderSection();
    fireEvent.click(within(rules()).getByRole('button', { name: 'Remove the requirement Video views' }));
    fireEvent.change(within(rules()).getByLabelText('Requirement to add'), { target: { value: 'subscriber-only-posts:calendar-month' } });
    fireEvent.click(within(rules()).getByRole('button', { name: 'Add requirement' }));
    fireEvent.click(within(rules()).getByRole('button', { name: 'Save rules' }));
    await waitFor(() =>
      expect(current().eligibilityProfiles[0]!.requirements.map((r) => r.kind)).toEqual([
        'age',
        'good-standing',
        'followers',
        'subscriber-only-posts',
      ]),
    );

    fireEvent.click(screen.getByRole('button', { name: 'Add rules (copy of these)' }));
    await waitFor(() => expect(current().eligibilityProfiles).toHaveLength(3));
    const added = current().eligibilityProfiles[2]!;
    expect(added.name).toBe('TikTok Subscription (copy)');
    await waitFor(() => expect(current().settings.eligibilityProfileId).toBe(added.id));
    expect(screen.getByLabelText<HTMLSelectElement>('Rules to check').value).toBe(added.id);
  });

  it('restores the default rules, with an undo', async () => {
    await renderSection();
    inRules('Followers: at least', '500');
    fireEvent.click(within(rules()).getByRole('button', { name: 'Save rules' }));
    await waitFor(() => expect(current().eligibilityProfiles[0]!.requirements[2]).toEqual({ kind: 'followers', min: 500 }));

    fireEvent.click(screen.getByRole('button', { name: 'Restore default rules' }));
    await waitFor(() => expect(current().eligibilityProfiles).toEqual(defaultEligibilityProfiles));
    fireEvent.click(await screen.findByRole('button', { name: 'Undo' }));
    await waitFor(() => expect(current().eligibilityProfiles[0]!.requirements[2]).toEqual({ kind: 'followers', min: 500 }));
  });

  it('turns notifications off and picks other rules', async () => {
    await renderSection();
    const toggle = screen.getByLabelText<HTMLInputElement>(/^Notify me when a requirement is met/);
    expect(toggle.checked).toBe(true);
    fireEvent.click(toggle);
    await waitFor(() => expect(current().settings.notifications).toBe(false));
    fireEvent.change(screen.getByLabelText('Rules to check'), { target: { value: 'live-subscription-2022' } });
    await waitFor(() => expect(current().settings.eligibilityProfileId).toBe('live-subscription-2022'));
    await waitFor(() => expect(within(rules()).queryByLabelText('Video views: counted over')).toBeNull());
  });

  it('marks the retired LIVE Subscription 2022 rules, says why, and keeps them marked when saved', async () => {
    await renderSection();
    const picker = screen.getByLabelText<HTMLSelectElement>('Rules to check');
    expect(within(picker).getByRole('option', { name: 'LIVE Subscription 2022 (retired)' })).toBeInstanceOf(HTMLOptionElement);
    expect(within(picker).getByRole('option', { name: 'TikTok Subscription' })).toBeInstanceOf(HTMLOptionElement);
    expect(screen.queryByText(/Retired since/)).toBeNull();
    fireEvent.change(picker, { target: { value: 'live-subscription-2022' } });
    const note = await screen.findByText(/Retired since September 2025\./);
    expect(note.closest('p')!.textContent).toMatch(/replaced LIVE subscriptions with Super Fan/);
    inRules('Followers: at least', '2000');
    fireEvent.click(within(rules()).getByRole('button', { name: 'Save rules' }));
    const live = () => current().eligibilityProfiles.find((p) => p.id === 'live-subscription-2022')!;
    await waitFor(() => expect(live().requirements).toContainEqual({ kind: 'followers', min: 2000 }));
    expect(live().retired).toEqual({ since: '2025-09', note: expect.stringContaining('Super Fan') });
  });

  it('edits the bonus conditions of a market', async () => {
    await renderSection();
    const bonus = screen.getByRole('region', { name: 'Revenue bonus conditions' });
    const first = within(bonus).getAllByRole('listitem')[0]!;
    fireEvent.input(within(first).getByLabelText('Markets'), { target: { value: 'us, ca, gb' } });
    fireEvent.input(within(first).getByLabelText('Subscriber-only posts: at least'), { target: { value: '4' } });
    fireEvent.click(within(first).getByRole('button', { name: 'Save rules' }));
    await waitFor(() => expect(current().bonusConditions[0]!.markets).toEqual(['US', 'CA', 'GB']));
    expect(current().bonusConditions[0]!.requirements[2]).toEqual({ kind: 'subscriber-only-posts', min: 4, window: 'calendar-month' });
  });
});

describe('what "Add requirement" offers', () => {
  it('only requirements the rules do not have yet', async () => {
    await renderSection();
    const offered = within(within(rules()).getByLabelText('Requirement to add'))
      .getAllByRole('option')
      .map((option) => option.textContent);
    // TikTok Subscription already has age, good standing, followers and rolling 30-day views.
    expect(offered.some((text) => /^Age|^Account in good standing|^Followers/.test(text ?? ''))).toBe(false);
    expect(offered.length).toBe(3);
  });
});
