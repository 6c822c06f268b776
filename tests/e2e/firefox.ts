// Launches Debian's Firefox ESR with the built Firefox extension (.output/firefox-mv2) and drives it
// over WebDriver BiDi, the protocol Firefox speaks itself (Playwright's Firefox needs its own patched
// build, and its BiDi client asks for commands ESR 153 lacks). It builds nothing: `npm run build` first.
// - The extension is installed as a temporary add-on (webExtension.install), with a fixed internal
//   UUID so its pages have a known address.
// - BiDi may not navigate to moz-extension:// pages, so extension pages are opened from the browser
//   window itself (--remote-allow-system-access), then scripted like any tab.
// - tiktok.com is served from the fixtures by intercepting requests (network.provideResponse).
import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync } from 'node:fs';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import WebSocket from 'ws';
import { until } from './tiktok';

const root = resolve(import.meta.dirname, '../..');
const extensionDir = join(root, '.output/firefox-mv2');
const executablePath = process.env.FIREFOX_PATH ?? '/usr/bin/firefox-esr';
const EXTENSION_ID = 'tierkit@tierkit.dev';
const UUID = '7e2a1c4b-5d3f-4a60-9b8e-0c1d2e3f4a5b';

interface BidiEvent {
  method: string;
  params: Record<string, any>;
}

export interface Firefox {
  /** The options page, where the tests send the background its messages. */
  options: string;
  /** Opens an extension page (options.html, popup.html…) in a tab; its context once loaded. */
  openExtensionPage(path: string): Promise<string>;
  /** Evaluates `expression` in a tab (awaiting a promise); JSON results come back parsed. */
  evaluate<T = unknown>(context: string, expression: string): Promise<T>;
  /** Serves `html` for these https://www.tiktok.com paths (everything else there: 404). */
  serveTikTok(pages: Record<string, string>): Promise<void>;
  /** Opens a URL in a new tab and waits for it to load. */
  open(url: string): Promise<string>;
  /** Console errors and uncaught exceptions of the tabs opened here, in order. */
  errors: string[];
  close(): Promise<void>;
}

export async function launchFirefox(): Promise<Firefox> {
  if (!existsSync(join(extensionDir, 'manifest.json'))) throw new Error(`No build in ${extensionDir}: run \`npm run build\` first.`);
  if (!existsSync(executablePath)) throw new Error(`No Firefox at ${executablePath}: apt-get install -y firefox-esr (or set FIREFOX_PATH).`);
  const profile = await mkdtemp(join(tmpdir(), 'tierkit-firefox-'));
  await writeFile(
    join(profile, 'user.js'),
    [
      `user_pref("extensions.webextensions.uuids", ${JSON.stringify(JSON.stringify({ [EXTENSION_ID]: UUID }))});`,
      // Quiet: no update checks, telemetry or default-browser prompt.
      'user_pref("app.update.disabledForTesting", true);',
      'user_pref("toolkit.telemetry.reportingpolicy.firstRun", false);',
      'user_pref("datareporting.policy.dataSubmissionEnabled", false);',
      'user_pref("browser.shell.checkDefaultBrowser", false);',
      '',
    ].join('\n'),
  );
  const browser: ChildProcess = spawn(executablePath, ['--headless', '--no-remote', '--remote-debugging-port=0', '--remote-allow-system-access', '--profile', profile]);
  const url = await new Promise<string>((resolve, reject) => {
    let output = '';
    const timer = setTimeout(() => reject(new Error(`Firefox did not start its BiDi server: ${output.slice(-500)}`)), 30_000);
    browser.stderr!.on('data', (chunk) => {
      output += String(chunk);
      const found = /WebDriver BiDi listening on (ws:\/\/\S+)/.exec(output);
      if (found) {
        clearTimeout(timer);
        resolve(found[1]!);
      }
    });
    browser.once('exit', (code) => reject(new Error(`Firefox exited (${code}): ${output.slice(-500)}`)));
  });

  const socket = new WebSocket(`${url}/session`);
  await new Promise((resolve, reject) => {
    socket.once('open', resolve);
    socket.once('error', reject);
  });
  let nextId = 0;
  const pending = new Map<number, { resolve: (value: any) => void; reject: (error: Error) => void }>();
  const listeners: ((event: BidiEvent) => void)[] = [];
  socket.on('message', (data) => {
    const message = JSON.parse(String(data));
    if (message.type === 'event') {
      for (const listener of listeners) listener(message);
      return;
    }
    const waiting = pending.get(message.id);
    if (!waiting) return;
    pending.delete(message.id);
    if (message.type === 'error') waiting.reject(new Error(`${message.error}: ${message.message}`));
    else waiting.resolve(message.result);
  });
  const send = (method: string, params: object = {}): Promise<any> =>
    new Promise((resolve, reject) => {
      const id = ++nextId;
      pending.set(id, { resolve, reject });
      socket.send(JSON.stringify({ id, method, params }));
    });

  const errors: string[] = [];
  // The tabs opened here, with their last address: Firefox's own start page may log what it likes.
  const ours = new Map<string, string>();
  listeners.push((event) => {
    if (event.method !== 'log.entryAdded' || event.params.level !== 'error') return;
    const context = event.params.source?.context;
    if (ours.has(context)) errors.push(`${ours.get(context)}: ${event.params.text}`);
  });

  async function evaluate<T>(context: string, expression: string): Promise<T> {
    // Results cross as JSON text: BiDi's own serialization of objects is verbose to read back.
    const result = await send('script.evaluate', {
      expression: `Promise.resolve(${expression}).then((value) => JSON.stringify(value ?? null))`,
      target: { context },
      awaitPromise: true,
      resultOwnership: 'none',
    });
    if (result.type === 'exception') throw new Error(`${expression.slice(0, 80)}: ${result.exceptionDetails.text}`);
    return JSON.parse(result.result.value) as T;
  }

  try {
    await send('session.new', { capabilities: {} });
    await send('session.subscribe', { events: ['log.entryAdded', 'network.beforeRequestSent'] });
    await send('webExtension.install', { extensionData: { type: 'path', path: extensionDir } });
    const windows = await send('browsingContext.getTree', { 'moz:scope': 'chrome' });
    const browserWindow = windows.contexts[0].context as string;
    /** Opens an extension page (options.html, popup.html…) in a tab from the browser window; its context once loaded. */
    async function openExtensionPage(path: string): Promise<string> {
      const url = `moz-extension://${UUID}/${path}`;
      const before = new Set((await send('browsingContext.getTree', {})).contexts.map((c: { context: string }) => c.context));
      await send('script.evaluate', {
        expression: `gBrowser.selectedTab = gBrowser.addTab(${JSON.stringify(url)}, { triggeringPrincipal: Services.scriptSecurityManager.getSystemPrincipal() }); null`,
        target: { context: browserWindow },
        awaitPromise: false,
      });
      const tree = await until(
        () => send('browsingContext.getTree', {}) as Promise<{ contexts: { url: string; context: string }[] }>,
        (t) => t.contexts.some((c) => c.url === url && !before.has(c.context)),
        path,
      );
      const context = tree.contexts.find((c) => c.url === url && !before.has(c.context))!.context;
      ours.set(context, url);
      await until(() => evaluate<string>(context, 'document.readyState'), (state) => state === 'complete', `${path} to load`);
      return context;
    }
    const options = await openExtensionPage('options.html');

    let served: Record<string, string> = {};
    let intercepting = false;
    listeners.push((event) => {
      if (event.method !== 'network.beforeRequestSent' || !event.params.isBlocked) return;
      const body = served[new URL(event.params.request.url).pathname];
      void send('network.provideResponse', {
        request: event.params.request.request,
        statusCode: body === undefined ? 404 : 200,
        reasonPhrase: body === undefined ? 'Not Found' : 'OK',
        headers: [{ name: 'content-type', value: { type: 'string', value: 'text/html; charset=utf-8' } }],
        body: { type: 'string', value: body ?? '' },
      }).catch(() => undefined);
    });

    return {
      options,
      openExtensionPage,
      evaluate,
      errors,
      async serveTikTok(pages) {
        served = pages;
        if (intercepting) return;
        intercepting = true;
        await send('network.addIntercept', {
          phases: ['beforeRequestSent'],
          urlPatterns: [{ type: 'pattern', protocol: 'https', hostname: 'www.tiktok.com' }],
        });
      },
      async open(address) {
        const { context } = await send('browsingContext.create', { type: 'tab' });
        ours.set(context, address);
        await send('browsingContext.navigate', { context, url: address, wait: 'complete' });
        return context as string;
      },
      async close() {
        socket.close();
        browser.kill();
        await new Promise((resolve) => (browser.exitCode === null ? browser.once('exit', resolve) : resolve(null)));
        await rm(profile, { recursive: true, force: true });
      },
    };
  } catch (error) {
    socket.close();
    browser.kill();
    throw error;
  }
}
