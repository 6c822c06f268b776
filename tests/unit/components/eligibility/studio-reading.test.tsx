// Reading Studio exports off the page's main thread: what the creator sees while a file is read, when
// it lies, when the worker fails or answers nonsense, and when a new choice comes before the answer.
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { fireEvent, render, screen, waitFor, within } from '@testing-library/preact';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { readStudioExports } from '@/components/eligibility/read-studio-exports';
import { StudioImport } from '@/components/eligibility/StudioImport';
import { setLanguage } from '@/lib/i18n';
import { MAX_IMPORT_BYTES } from '@/lib/parsers/studio-zip';
import { InThreadWorker } from '../../helpers/in-thread-worker';
import { zipBomb } from '../../parsers/lying-zips';
import { useFakeExtension } from '../tiers/setup';

useFakeExtension();

const followersCsv = ['"Date","Followers","Difference in followers from previous day"', 'March 1,9800,10', 'March 2,9850,50'].join('\n');
const csv = (name: string, text = followersCsv) => new File([text], name, { type: 'text/csv' });

function pick(...files: File[]) {
  fireEvent.change(screen.getByLabelText(/^(Studio export|Export di Studio)$/), { target: { files } });
}

/** A worker that answers only when the test says so, and remembers being ended. */
class HeldWorker {
  static all: HeldWorker[] = [];
  onmessage: ((event: MessageEvent) => void) | null = null;
  onerror: ((event: Event) => void) | null = null;
  onmessageerror: ((event: MessageEvent) => void) | null = null;
  request: unknown;
  terminated = false;
  constructor() {
    HeldWorker.all.push(this);
  }
  postMessage(request: unknown) {
    this.request = request;
  }
  terminate() {
    this.terminated = true;
  }
  /** Answers as the real worker would, after the test's say-so. */
  async answer() {
    const data = await readStudioExports(this.request);
    if (!this.terminated) this.onmessage?.(new MessageEvent('message', { data }));
  }
}

describe('reading Studio exports in a worker', () => {
  let imports: () => unknown[];
  beforeEach(() => {
    HeldWorker.all = [];
    const sent = vi.spyOn(fakeBrowser.runtime, 'sendMessage');
    imports = () => sent.mock.calls.map(([message]) => message).filter((message) => (message as { type?: string }).type === 'stats.import');
  });
  afterEach(() => vi.stubGlobal('Worker', InThreadWorker));

  it('says which files it is reading, then refuses a ZIP that lies about an entry, naming both, and sends nothing', async () => {
    vi.stubGlobal('Worker', HeldWorker);
    render(<StudioImport onImported={() => undefined} />);
    const bomb = new File([zipBomb(400_000) as BlobPart], 'Overview_2026-03-02_1_mia.zip', { type: 'application/zip' });
    pick(bomb);
    expect((await screen.findByRole('status')).textContent).toBe('Reading Overview_2026-03-02_1_mia.zip…');
    await HeldWorker.all[0]!.answer();
    const problems = await screen.findByRole('table', { name: 'Problems in Overview_2026-03-02_1_mia.zip' });
    expect(within(problems).getByText(/expands past the 1,000 bytes it declares/).textContent).toBe(
      'Overview.csv in Overview_2026-03-02_1_mia.zip expands past the 1,000 bytes it declares, so it was not opened: the archive is damaged or forged',
    );
    expect(screen.getByRole('status').textContent).toBe('');
    expect(screen.queryByRole('button', { name: /^Import/ })).toBeNull();
    expect(HeldWorker.all[0]!.terminated).toBe(true);
    expect(imports()).toEqual([]);
  });

  it('in Italian, the worker writes the problem in the page’s language', async () => {
    setLanguage('it');
    render(<StudioImport onImported={() => undefined} />);
    pick(new File([zipBomb(400_000) as BlobPart], 'bomba.zip'));
    const problems = await screen.findByRole('table', { name: 'Problemi in bomba.zip' });
    expect(within(problems).getByText(/si espande oltre/).textContent).toBe(
      "Overview.csv in bomba.zip si espande oltre i 1000 byte che dichiara, quindi non è stato aperto: l'archivio è danneggiato o contraffatto",
    );
  });

  it('a new choice before the answer ends the first reading; only the new files are shown', async () => {
    vi.stubGlobal('Worker', HeldWorker);
    render(<StudioImport onImported={() => undefined} />);
    pick(csv('Old.csv', 'not, a studio, export'));
    await screen.findByText('Reading Old.csv…');
    pick(csv('FollowerHistory.csv'));
    await screen.findByText('Reading FollowerHistory.csv…');
    const [first, second] = HeldWorker.all;
    expect(first!.terminated).toBe(true);
    await first!.answer();
    await second!.answer();
    const preview = await screen.findByRole('list', { name: 'Files read' });
    within(preview).getByText(/^FollowerHistory\.csv: daily followers, 2 days/);
    expect(within(preview).queryByText(/Old\.csv/)).toBeNull();
  });

  it('leaving the page ends the worker', async () => {
    vi.stubGlobal('Worker', HeldWorker);
    const { unmount } = render(<StudioImport onImported={() => undefined} />);
    pick(csv('FollowerHistory.csv'));
    await screen.findByText('Reading FollowerHistory.csv…');
    unmount();
    await waitFor(() => expect(HeldWorker.all[0]!.terminated).toBe(true));
  });

  it('says so when the worker fails, and when it answers something else', async () => {
    vi.stubGlobal('Worker', HeldWorker);
    render(<StudioImport onImported={() => undefined} />);
    pick(csv('FollowerHistory.csv'));
    await screen.findByText('Reading FollowerHistory.csv…');
    HeldWorker.all[0]!.onerror?.(new Event('error'));
    await screen.findByText('The files could not be read. Choose them again.');
    expect(HeldWorker.all[0]!.terminated).toBe(true);

    pick(csv('FollowerHistory.csv'));
    await screen.findByText('Reading FollowerHistory.csv…');
    HeldWorker.all[1]!.onmessage?.(new MessageEvent('message', { data: [{ name: 'FollowerHistory.csv', read: { files: [{ kind: 'overview' }] } }] }));
    await screen.findByText('The background answered something unexpected');
    expect(screen.queryByRole('list', { name: 'Files read' })).toBeNull();
    expect(imports()).toEqual([]);
  });
});

describe('the worker’s work', () => {
  const request = (files: File[]) => ({ files, today: '2026-03-02', language: 'en' });

  it(`refuses a file over ${MAX_IMPORT_BYTES / 1_048_576} MB without reading it`, async () => {
    const huge = new File([new Uint8Array(MAX_IMPORT_BYTES + 1)], 'huge.zip');
    const read = vi.spyOn(huge, 'arrayBuffer');
    const [answer] = (await readStudioExports(request([huge])))!;
    expect(answer!.read.problems.map((p) => p.message)).toEqual(['huge.zip is 20 MB; Tierkit reads files up to 20 MB']);
    expect(read).not.toHaveBeenCalled();
  });

  it('says which file could not be read, and reads the others', async () => {
    const gone = csv('Gone.csv');
    vi.spyOn(gone, 'arrayBuffer').mockRejectedValue(new DOMException('changed on disk', 'NotReadableError'));
    const answer = (await readStudioExports(request([gone, csv('FollowerHistory.csv')])))!;
    expect(answer.map((file) => [file.name, file.read.problems.map((p) => p.message), file.read.files.length])).toEqual([
      ['Gone.csv', ['Gone.csv could not be read: it was moved, deleted or changed after it was chosen'], 0],
      ['FollowerHistory.csv', [], 1],
    ]);
  });

  it('answers null to a request that is not one', async () => {
    expect(await readStudioExports({ files: ['Overview.csv'], today: '2026-03-02', language: 'en' })).toBeNull();
    expect(await readStudioExports({ files: [], today: 'yesterday', language: 'en' })).toBeNull();
  });
});
