import { useEffect, useState } from 'preact/hooks';
import { browser } from 'wxt/browser';
import { t } from '@/lib/i18n';
import { captureOutcomes, type CaptureOutcome } from '@/lib/protocol/schemas';

/**
 * "Capture from this tab", offered only when the active tab is the creator's own TikTok profile.
 * `tabHandle` reads the handle from a tab's address (the popup's tiktokHandle).
 */
export function CaptureFromTab({ handle, tabHandle }: { handle: string; tabHandle: (url: string | undefined) => string | undefined }) {
  const [tabId, setTabId] = useState<number>();
  const [message, setMessage] = useState('');
  const [busy, setBusy] = useState(false);

  useEffect(() => {
    void browser.tabs
      .query({ active: true, currentWindow: true })
      .then(([tab]) => {
        if (tab?.id !== undefined && tabHandle(tab.url) === handle.toLowerCase()) setTabId(tab.id);
      })
      // Without the tab the button is simply not offered.
      .catch(() => undefined);
  }, [handle]);

  if (tabId === undefined) return null;

  const capture = async () => {
    setBusy(true);
    setMessage('');
    let answer: unknown;
    try {
      answer = await browser.tabs.sendMessage(tabId, { type: 'capture.now' });
    } catch {
      answer = undefined;
    }
    const { ok, outcome } = (answer ?? {}) as { ok?: unknown; outcome?: CaptureOutcome };
    const known = ok === true && captureOutcomes.includes(outcome!);
    setMessage(t(known ? `eligibility.capture.${outcome!}` : 'eligibility.capture.unreachable'));
    setBusy(false);
  };

  return (
    <div class="elig-capture">
      <button type="button" onClick={capture} disabled={busy}>
        {t('eligibility.capture')}
      </button>
      <p role="status" class="small">
        {message}
      </p>
    </div>
  );
}
