import { fireEvent, screen, waitFor, within } from '@testing-library/preact';
import { describe, expect, it } from 'vitest';
import { versionOf } from '@/lib/domain/version';
import { openOptions, saved, tier, ws } from './options-page';

const select = (label: string, value: string) => fireEvent.change(screen.getByLabelText(label), { target: { value } });

describe('settings', () => {
  it('switches the whole page to Italian when the language is set to Italiano', async () => {
    await openOptions('#settings');
    select('Language', 'it');
    await waitFor(() => expect(screen.getByRole('heading', { level: 1 }).textContent).toBe('Impostazioni'));
    expect(ws().settings.language).toBe('it');
    expect(document.documentElement.lang).toBe('it');
    const nav = within(screen.getByRole('navigation'));
    nav.getByRole('link', { name: 'Livelli e vantaggi' });
    nav.getByRole('link', { name: 'Dati' });
    screen.getByLabelText('Tema');
    screen.getByLabelText('Numero massimo di livelli attivi');

    select('Lingua', 'en');
    await waitFor(() => expect(screen.getByRole('heading', { level: 1 }).textContent).toBe('Settings'));
  });

  it('sets data-theme on <html> for Light and Dark, and removes it for System', async () => {
    await openOptions('#settings');
    expect(document.documentElement.dataset.theme).toBeUndefined();
    select('Theme', 'dark');
    await waitFor(() => expect(document.documentElement.dataset.theme).toBe('dark'));
    expect((screen.getByLabelText('Theme') as HTMLSelectElement).value).toBe('dark');
    select('Theme', 'light');
    await waitFor(() => expect(document.documentElement.dataset.theme).toBe('light'));
    select('Theme', 'system');
    await waitFor(() => expect(document.documentElement.dataset.theme).toBeUndefined());
    expect(ws().settings.theme).toBe('system');
  });

  it('edits the maximum of active tiers, and shows the problem with its path when tiers break it', async () => {
    await openOptions('#settings', async () => {
      await saved({ type: 'tier.save', tier: tier('Bronze', 499, { status: 'active' }) });
      await saved({ type: 'tier.save', tier: tier('Gold', 999, { status: 'active' }) });
    });
    const max = screen.getByLabelText('Maximum active tiers');
    fireEvent.input(max, { target: { value: '1' } });
    fireEvent.click(within(max.closest('form')!).getByRole('button', { name: 'Save' }));
    await screen.findByText(/tiers › 2 › status/);
    screen.getByText(/At most 1 tiers can be active at once/);
    expect(ws().rulesProfiles[0]!.maxActiveTiers).toBe(3);

    fireEvent.input(max, { target: { value: '5' } });
    fireEvent.click(within(max.closest('form')!).getByRole('button', { name: 'Save' }));
    await waitFor(() => expect(ws().rulesProfiles[0]!.maxActiveTiers).toBe(5));
    await screen.findByText('Saved.');
  });

  it('edits price points typed as prices, reports a bad amount with its path, adds and removes a currency', async () => {
    await openOptions('#settings');
    const suggested = screen.getByLabelText('Suggested prices in EUR');
    fireEvent.input(suggested, { target: { value: '1.99 3,49 oops' } });
    fireEvent.click(screen.getByRole('button', { name: 'Save prices in EUR' }));
    await screen.findByText(/pricePoints › 3 › suggested › 3/);
    screen.getByText(/"oops" is not an amount/);

    fireEvent.input(suggested, { target: { value: '1.99 3,49' } });
    fireEvent.input(screen.getByLabelText('Maximum price in EUR'), { target: { value: '50' } });
    fireEvent.click(screen.getByRole('button', { name: 'Save prices in EUR' }));
    await waitFor(() =>
      expect(ws().pricePoints.find((p) => p.currency === 'EUR')).toEqual({ currency: 'EUR', suggested: [199, 349], min: 99, max: 5000 }),
    );
    await waitFor(() => expect((screen.getByLabelText('Maximum price in EUR') as HTMLInputElement).value).toBe('50.00'));

    select('Currency to add', 'ZAR');
    fireEvent.click(screen.getByRole('button', { name: 'Add currency' }));
    await waitFor(() => expect(ws().pricePoints.at(-1)).toEqual({ currency: 'ZAR', suggested: [], min: 100, max: 100000 }));

    fireEvent.click(screen.getByRole('button', { name: 'Remove prices in ZAR' }));
    await waitFor(() => expect(ws().pricePoints.some((p) => p.currency === 'ZAR')).toBe(false));
    fireEvent.click(await screen.findByRole('button', { name: 'Undo' }));
    await waitFor(() => expect(ws().pricePoints.some((p) => p.currency === 'ZAR')).toBe(true));
  });

  it('edits a revenue rule and refuses removing the rule for every other market', async () => {
    await openOptions('#settings');
    const form = within(screen.getByRole('form', { name: 'United States and Canada' }));
    fireEvent.input(form.getByLabelText('Markets'), { target: { value: 'us, ca, mx' } });
    fireEvent.input(form.getByLabelText('Creator share (%)'), { target: { value: '65,5' } });
    fireEvent.click(form.getByRole('button', { name: 'Save' }));
    await waitFor(() =>
      expect(ws().revenueRules[0]).toMatchObject({ markets: ['US', 'CA', 'MX'], creatorSharePercent: 65.5 }),
    );
    // The form shows the saved rule again, normalized.
    await waitFor(() => expect((form.getByLabelText('Markets') as HTMLInputElement).value).toBe('US, CA, MX'));

    fireEvent.input(form.getByLabelText('Markets'), { target: { value: 'USA' } });
    fireEvent.click(form.getByRole('button', { name: 'Save' }));
    await screen.findByText(/revenueRules › 1 › markets › 1/);

    fireEvent.click(screen.getByRole('button', { name: 'Remove rule Other markets' }));
    await screen.findByText(/One revenue rule must cover every other market/);
    expect(ws().revenueRules.map((r) => r.id)).toEqual(['us-ca', 'elsewhere']);
  });
});

describe('settings edited in two pages', () => {
  const input = (form: ReturnType<typeof within>, label: string) => form.getByLabelText(label) as HTMLInputElement;

  it('keeps what is typed in a revenue rule changed elsewhere, refuses its save, and Reload loads the rule', async () => {
    await openOptions('#settings');
    const form = within(screen.getByRole('form', { name: 'United States and Canada' }));
    fireEvent.input(input(form, 'Creator share (%)'), { target: { value: '65' } });
    // Another page saves a change to the same rule.
    const rules = ws().revenueRules;
    await saved({
      type: 'revenueRules.save',
      revenueRules: rules.map((rule) => (rule.id === 'us-ca' ? { ...rule, bonusMaxPercent: 5 } : rule)),
      loaded: versionOf(rules),
    });
    await waitFor(() => expect(input(form, 'Bonus up to (%)').value).toBe('20'));
    expect(input(form, 'Creator share (%)').value).toBe('65');

    fireEvent.click(form.getByRole('button', { name: 'Save' }));
    expect((await form.findByRole('alert')).textContent).toMatch(/Another window saved a change here/);
    expect(ws().revenueRules.find((rule) => rule.id === 'us-ca')).toMatchObject({ creatorSharePercent: 70, bonusMaxPercent: 5 });

    fireEvent.click(form.getByRole('button', { name: 'Reload' }));
    await waitFor(() => expect(input(form, 'Bonus up to (%)').value).toBe('5'));
    expect(input(form, 'Creator share (%)').value).toBe('70');
    fireEvent.input(input(form, 'Creator share (%)'), { target: { value: '65' } });
    fireEvent.click(form.getByRole('button', { name: 'Save' }));
    await form.findByText('Saved.');
    expect(ws().revenueRules.find((rule) => rule.id === 'us-ca')).toMatchObject({ creatorSharePercent: 65, bonusMaxPercent: 5 });
    // And again, from what it saved.
    fireEvent.input(input(form, 'Bonus up to (%)'), { target: { value: '10' } });
    fireEvent.click(form.getByRole('button', { name: 'Save' }));
    await waitFor(() => expect(ws().revenueRules.find((rule) => rule.id === 'us-ca')).toMatchObject({ creatorSharePercent: 65, bonusMaxPercent: 10 }));
    expect(form.queryByRole('alert')).toBeNull();
  });

  it('shows a change made elsewhere in a form nobody typed in', async () => {
    await openOptions('#settings');
    const rules = ws().rulesProfiles;
    await saved({ type: 'rulesProfiles.save', rulesProfiles: rules.map((rule) => ({ ...rule, maxActiveTiers: 2 })), loaded: versionOf(rules) });
    await waitFor(() => expect(screen.getByLabelText<HTMLInputElement>('Maximum active tiers').value).toBe('2'));
  });
});
