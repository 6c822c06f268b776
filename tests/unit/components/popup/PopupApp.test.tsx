import { describe, expect, it, vi } from 'vitest';
import { fireEvent, render, screen, waitFor, within } from '@testing-library/preact';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { PopupApp, tiktokHandle } from '@/components/popup/PopupApp';
import { ProfileForm } from '@/components/profile/ProfileForm';
import { defaultSettings } from '@/lib/domain/defaults';
import { current, profileCommand, seed, tierCommand, type, useFakeExtension } from '../tiers/setup';
import { versionOf } from '@/lib/domain/version';

useFakeExtension();

function fillOnboarding(handle: string) {
  type('TikTok username', handle);
  type('Display name', 'Mia Makes');
  fireEvent.change(screen.getByLabelText('Market'), { target: { value: 'GB' } });
}

describe('popup onboarding', () => {
  it('saves the profile and then shows the tier view', async () => {
    render(<PopupApp />);
    fillOnboarding('@Mia.Makes');
    // Changing the market picks its currency.
    expect(screen.getByLabelText<HTMLSelectElement>('Currency').value).toBe('GBP');
    fireEvent.click(screen.getByLabelText('I am 18 or older'));
    fireEvent.click(screen.getByRole('button', { name: 'Start' }));

    await screen.findByRole('heading', { name: 'Your tiers' });
    expect(current().profile).toMatchObject({
      handle: 'mia.makes',
      displayName: 'Mia Makes',
      market: 'GB',
      currency: 'GBP',
      age: { kind: 'confirmed-adult' },
    });
    screen.getByText('@mia.makes');
    screen.getByRole('button', { name: 'Open workspace' });
    screen.getByText(/No tiers yet/);
    screen.getByRole('button', { name: 'New tier' });
  });

  it('keeps a date of birth instead of the confirmation', async () => {
    render(<PopupApp />);
    fillOnboarding('mia');
    type('Date of birth', '1990-04-02');
    fireEvent.click(screen.getByRole('button', { name: 'Start' }));
    await screen.findByRole('heading', { name: 'Your tiers' });
    expect(current().profile?.age).toEqual({ kind: 'birth-date', birthDate: '1990-04-02' });
  });

  it('shows a bad handle next to its field and saves nothing', async () => {
    render(<PopupApp />);
    fillOnboarding('no spaces!');
    fireEvent.click(screen.getByLabelText('I am 18 or older'));
    fireEvent.click(screen.getByRole('button', { name: 'Start' }));

    const field = await screen.findByLabelText('TikTok username');
    await waitFor(() => expect(field.getAttribute('aria-invalid')).toBe('true'));
    const error = document.getElementById(field.getAttribute('aria-describedby')!.split(' ').at(-1)!);
    expect(error?.textContent).toMatch(/A TikTok username has 2 to 24 letters/);
    expect(current().profile).toBeNull();
    expect(screen.queryByRole('heading', { name: 'Your tiers' })).toBeNull();
  });

  it('asks for the age when neither the box nor a date is given', async () => {
    render(<PopupApp />);
    fillOnboarding('mia');
    fireEvent.click(screen.getByRole('button', { name: 'Start' }));
    await screen.findByText(/Confirm that you are 18 or older/);
    expect(current().profile).toBeNull();
  });

  it('suggests the handle of the TikTok page in the active tab', async () => {
    vi.spyOn(fakeBrowser.tabs, 'query').mockResolvedValue([
      { url: 'https://www.tiktok.com/@Dance.Queen/video/123' } as never,
    ]);
    render(<PopupApp />);
    await waitFor(() => expect(screen.getByLabelText<HTMLInputElement>('TikTok username').value).toBe('dance.queen'));
    screen.getByText(/Taken from the TikTok page/);
  });

  it('reads a handle only from TikTok profile addresses', () => {
    expect(tiktokHandle('https://www.tiktok.com/@abc_1?lang=en')).toBe('abc_1');
    expect(tiktokHandle('https://www.tiktok.com/@abc')).toBe('abc');
    expect(tiktokHandle('https://www.tiktok.com/foryou')).toBeUndefined();
    expect(tiktokHandle('https://evil.example/?u=https://www.tiktok.com/@abc')).toBeUndefined();
    expect(tiktokHandle(undefined)).toBeUndefined();
  });

  it('speaks Italian when the settings say so', async () => {
    await seed({ type: 'settings.save', settings: { ...defaultSettings, language: 'it' }, loaded: versionOf(defaultSettings) });
    render(<PopupApp />);
    screen.getByRole('heading', { name: 'Benvenuto in Tierkit' });
    screen.getByLabelText('Nome utente TikTok');
    screen.getByLabelText('Ho almeno 18 anni');
    screen.getByRole('button', { name: 'Inizia' });
    expect(screen.queryByText('Start')).toBeNull();
  });
});

describe('popup cockpit', () => {
  it('opens the workspace', async () => {
    await seed(profileCommand);
    const open = vi.spyOn(fakeBrowser.runtime, 'openOptionsPage').mockResolvedValue(undefined);
    render(<PopupApp />);
    fireEvent.click(screen.getByRole('button', { name: 'Open workspace' }));
    expect(open).toHaveBeenCalledOnce();
  });

  it('creates a tier at a suggested price and returns focus to "New tier"', async () => {
    await seed(profileCommand);
    render(<PopupApp />);
    fireEvent.click(screen.getByRole('button', { name: 'New tier' }));
    const name = screen.getByLabelText('Name');
    await waitFor(() => expect(document.activeElement).toBe(name));
    type('Name', 'Gold');
    fireEvent.click(screen.getByRole('button', { name: '€9.99' }));
    expect(screen.getByLabelText<HTMLInputElement>('Monthly price').value).toBe('9.99');
    type('Badge label', 'GLD');
    fireEvent.click(screen.getByRole('button', { name: 'Save tier' }));

    await waitFor(() => expect(screen.getByRole('list', { name: 'Tiers' }).textContent).toContain('Gold'));
    expect(current().tiers).toMatchObject([{ name: 'Gold', priceMinor: 999, currency: 'EUR', status: 'draft' }]);
    await waitFor(() => expect(document.activeElement).toBe(screen.getByRole('button', { name: 'New tier' })));
  });

  it('shows a price it cannot read next to the price field', async () => {
    await seed(profileCommand);
    render(<PopupApp />);
    fireEvent.click(screen.getByRole('button', { name: 'New tier' }));
    type('Name', 'Gold');
    type('Monthly price', 'lots');
    type('Badge label', 'GLD');
    fireEvent.click(screen.getByRole('button', { name: 'Save tier' }));
    await screen.findByText(/Enter an amount such as/);
    expect(current().tiers).toEqual([]);
  });

  it('cancels the editor with Escape', async () => {
    await seed(profileCommand, tierCommand('Gold', 999));
    render(<PopupApp />);
    fireEvent.click(screen.getByRole('button', { name: 'New tier' }));
    fireEvent.keyDown(screen.getByLabelText('Name'), { key: 'Escape' });
    await waitFor(() => screen.getByRole('list', { name: 'Tiers' }));
    expect(screen.queryByLabelText('Name')).toBeNull();
  });
});

describe('profile form on the options page', () => {
  it('edits the saved profile with "Save profile"', async () => {
    await seed(profileCommand);
    render(<ProfileForm />);
    expect(screen.getByLabelText<HTMLInputElement>('TikTok username').value).toBe('mia.makes');
    expect(screen.queryByRole('button', { name: 'Start' })).toBeNull();
    type('Display name', 'Mia M.');
    fireEvent.click(screen.getByRole('button', { name: 'Save profile' }));
    await screen.findByText('Profile saved.');
    expect(current().profile).toMatchObject({ handle: 'mia.makes', displayName: 'Mia M.', market: 'IT', currency: 'EUR' });
  });
});

describe('two profile forms', () => {
  const saveIn = (form: ReturnType<typeof within>) => fireEvent.click(form.getByRole('button', { name: 'Save profile' }));

  it('refuses the later save over a profile changed since, and Reload loads it; a form nobody typed in follows', async () => {
    await seed(profileCommand);
    const a = within(render(<ProfileForm />).container as HTMLElement);
    const b = within(render(<ProfileForm />).container as HTMLElement);
    const c = within(render(<ProfileForm />).container as HTMLElement);

    fireEvent.change(b.getByLabelText('Market'), { target: { value: 'GB' } });
    fireEvent.input(a.getByLabelText('Display name'), { target: { value: 'Mia A.' } });
    saveIn(a);
    await a.findByText('Profile saved.');
    // Untouched, the third form shows the profile as saved; the second keeps what was typed in it.
    await waitFor(() => expect(c.getByLabelText<HTMLInputElement>('Display name').value).toBe('Mia A.'));
    expect(b.getByLabelText<HTMLInputElement>('Display name').value).toBe('Mia');

    saveIn(b);
    expect((await b.findByRole('alert')).textContent).toMatch(/Another window saved a change here/);
    expect(current().profile).toMatchObject({ displayName: 'Mia A.', market: 'IT', currency: 'EUR' });

    fireEvent.click(b.getByRole('button', { name: 'Reload' }));
    await waitFor(() => expect(b.getByLabelText<HTMLInputElement>('Display name').value).toBe('Mia A.'));
    expect(b.getByLabelText<HTMLSelectElement>('Market').value).toBe('IT');
    fireEvent.change(b.getByLabelText('Market'), { target: { value: 'GB' } });
    saveIn(b);
    await b.findByText('Profile saved.');
    expect(current().profile).toMatchObject({ displayName: 'Mia A.', market: 'GB', currency: 'GBP' });
  });

  it('saves twice in a row from the same form, and keeps the good standing confirmed elsewhere', async () => {
    await seed(profileCommand);
    const profile = current().profile!;
    const { updatedAt, ...input } = profile;
    await seed({ type: 'profile.save', profile: { ...input, goodStanding: true }, loaded: updatedAt });
    render(<ProfileForm />);
    type('Display name', 'Mia M.');
    fireEvent.click(screen.getByRole('button', { name: 'Save profile' }));
    await screen.findByText('Profile saved.');
    type('Display name', 'Mia Makes');
    fireEvent.click(screen.getByRole('button', { name: 'Save profile' }));
    await waitFor(() => expect(current().profile?.displayName).toBe('Mia Makes'));
    expect(screen.queryByRole('alert')).toBeNull();
    expect(current().profile?.goodStanding).toBe(true);
  });
});
