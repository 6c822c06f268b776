import { fireEvent, screen, waitFor, within } from '@testing-library/preact';
import { describe, expect, it } from 'vitest';
import { openOptions } from './options-page';

const nav = () => within(screen.getByRole('navigation', { name: 'Sections' }));
const current = () => nav().getAllByRole('link').filter((link) => link.getAttribute('aria-current') === 'page');

describe('options page navigation', () => {
  it('opens on Tiers & perks when there is no hash, with every section linked', async () => {
    await openOptions();
    expect(nav().getAllByRole('link').map((link) => [link.textContent, link.getAttribute('href')])).toEqual([
      ['Tiers & perks', '#tiers'],
      ['Eligibility', '#eligibility'],
      ['Subscribers', '#subscribers'],
      ['Badge packs', '#badges'],
      ['Profile', '#profile'],
      ['Data', '#data'],
      ['Settings', '#settings'],
    ]);
    expect(screen.getByRole('heading', { level: 1 }).textContent).toBe('Tiers & perks');
    expect(current().map((link) => link.textContent)).toEqual(['Tiers & perks']);
    screen.getByRole('button', { name: 'New perk' });
  });

  it('opens the section named by the hash, as after a reload', async () => {
    await openOptions('#data');
    expect(screen.getByRole('heading', { level: 1 }).textContent).toBe('Data');
    screen.getByRole('button', { name: 'Export backup' });
    expect(current().map((link) => link.textContent)).toEqual(['Data']);
  });

  it('follows a link and the hash changing (back and forward), moving focus to the section', async () => {
    await openOptions();
    fireEvent.click(nav().getByRole('link', { name: 'Settings' }));
    await waitFor(() => expect(screen.getByRole('heading', { level: 1 }).textContent).toBe('Settings'));
    expect(location.hash).toBe('#settings');
    screen.getByLabelText('Theme');
    expect(current().map((link) => link.textContent)).toEqual(['Settings']);
    await waitFor(() => expect(document.activeElement).toBe(screen.getByRole('heading', { level: 1 })));
    expect(document.title).toBe('Settings · Tierkit');

    location.hash = '#tiers';
    await waitFor(() => expect(screen.getByRole('heading', { level: 1 }).textContent).toBe('Tiers & perks'));
    expect(screen.queryByLabelText('Theme')).toBeNull();
  });

  it('asks for a profile before Subscribers shows a roster, with no sample data', async () => {
    await openOptions('#subscribers');
    expect(screen.getByRole('link', { name: 'Go to Profile' }).getAttribute('href')).toBe('#profile');
    expect(screen.queryByRole('table')).toBeNull();
  });

  it('falls back to Tiers & perks for an unknown hash', async () => {
    await openOptions('#nonsense');
    expect(screen.getByRole('heading', { level: 1 }).textContent).toBe('Tiers & perks');
  });
});
