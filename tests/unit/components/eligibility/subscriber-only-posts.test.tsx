// The posts log on the options page, against the real background: logging, field errors, the same
// video once, the list newest first with safe links, and Remove with Undo.
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { fireEvent, render, screen, waitFor, within } from '@testing-library/preact';
import { SubscriberOnlyPosts } from '@/components/eligibility/SubscriberOnlyPosts';
import { setLanguage } from '@/lib/i18n';
import { profileCommand, seed, useFakeExtension } from '../tiers/setup';

useFakeExtension();

// Local noon of 2026-06-30: today on the creator's calendar and in UTC alike.
const NOW = new Date(2026, 5, 30, 12);
const OWN_VIDEO = 'https://www.tiktok.com/@mia.makes/video/7301234567890123456';

beforeEach(async () => {
  vi.useFakeTimers({ toFake: ['Date'] });
  vi.setSystemTime(NOW);
  await seed(profileCommand);
});
afterEach(() => vi.useRealTimers());

async function renderLog() {
  render(<SubscriberOnlyPosts version={0} />);
  await screen.findByText(/No posts logged yet/);
}

function fill(fields: { date?: string; title?: string; link?: string }) {
  if (fields.date !== undefined) fireEvent.input(screen.getByLabelText('Day'), { target: { value: fields.date } });
  if (fields.title !== undefined) fireEvent.input(screen.getByLabelText('Title'), { target: { value: fields.title } });
  if (fields.link !== undefined) fireEvent.input(screen.getByLabelText('Link to your video'), { target: { value: fields.link } });
  fireEvent.click(screen.getByRole('button', { name: 'Log post' }));
}

const list = () => screen.getByRole('list', { name: 'Logged posts, newest first' });

describe('the subscriber-only posts log', () => {
  it('starts on the creator’s today and explains what counts when empty', async () => {
    await renderLog();
    expect((screen.getByLabelText('Day') as HTMLInputElement).value).toBe('2026-06-30');
    screen.getByText(/counts the subscriber-only posts you publish in each calendar month/);
  });

  it('logs posts and lists them newest first, with a link that opens the video in a new tab', async () => {
    await renderLog();
    fill({ date: '2026-06-02', title: 'Old one' });
    await within(await screen.findByRole('list', { name: 'Logged posts, newest first' })).findByText('Old one');
    screen.getByText('Logged.');
    fill({ date: '2026-06-20', title: 'Behind the scenes', link: OWN_VIDEO });
    await within(list()).findByText('Behind the scenes');
    const rows = within(list()).getAllByRole('listitem');
    expect(rows.map((row) => row.querySelector('.post-day')!.textContent)).toEqual(['June 20, 2026', 'June 2, 2026']);
    const link = within(rows[0]!).getByRole('link', { name: 'Open video' });
    expect(link.getAttribute('href')).toBe(OWN_VIDEO);
    expect(link.getAttribute('target')).toBe('_blank');
    expect(link.getAttribute('rel')).toContain('noopener');
    expect(within(rows[1]!).queryByRole('link')).toBeNull();
    screen.getByText('2 posts logged');
    // The form is ready for the next post.
    expect((screen.getByLabelText('Title') as HTMLInputElement).value).toBe('');
  });

  it('keeps one record when the same video is logged twice', async () => {
    await renderLog();
    fill({ link: OWN_VIDEO });
    await within(await screen.findByRole('list', { name: 'Logged posts, newest first' })).findByText('Untitled');
    fill({ link: `${OWN_VIDEO}?lang=en` });
    await screen.findByText('This video was logged already: it still counts once.');
    expect(within(list()).getAllByRole('listitem')).toHaveLength(1);
  });

  it('shows each problem next to its field and logs nothing', async () => {
    await renderLog();
    // The background took the real clock when it started: a day far ahead is in its future whatever today is.
    fill({ date: '2099-07-05', title: 'x'.repeat(151), link: 'https://www.tiktok.com/@someone.else/video/1' });
    const link = screen.getByLabelText('Link to your video');
    await waitFor(() => expect(link.getAttribute('aria-invalid')).toBe('true'));
    expect(screen.getByText('This video is @someone.else’s: only your own (@mia.makes) videos count').id).toBe('elig-post-link-err');
    expect(screen.getByText('2099-07-05 has not come yet: log a post once it is out').id).toBe('elig-post-date-err');
    expect(screen.getByLabelText('Title').getAttribute('aria-invalid')).toBe('true');
    screen.getByText(/No posts logged yet/);
    await waitFor(() => expect(document.activeElement).toBe(screen.getByLabelText('Day')));
  });

  it('removes a post with an Undo that logs it again as it was', async () => {
    await renderLog();
    fill({ date: '2026-06-20', title: 'Q&A', link: OWN_VIDEO });
    await within(await screen.findByRole('list', { name: 'Logged posts, newest first' })).findByText('Q&A');
    fireEvent.click(screen.getByRole('button', { name: 'Remove the post of June 20, 2026' }));
    await screen.findByText('Post of June 20, 2026 removed.');
    await screen.findByText(/No posts logged yet/);
    const undo = screen.getByRole('button', { name: 'Undo' });
    await waitFor(() => expect(document.activeElement).toBe(undo));
    fireEvent.click(undo);
    const restored = await within(await screen.findByRole('list', { name: 'Logged posts, newest first' })).findByText('Q&A');
    expect(within(restored.closest('li')!).getByRole('link').getAttribute('href')).toBe(OWN_VIDEO);
  });

  it('speaks Italian', async () => {
    setLanguage('it');
    try {
      render(<SubscriberOnlyPosts version={0} />);
      await screen.findByText(/Nessun post registrato/);
      screen.getByRole('button', { name: 'Registra post' });
    } finally {
      setLanguage('en');
    }
  });
});
