// The content script's messages to the background and the answers it accepts. The background checks
// requests with zod (lib/messaging/protocol.ts); here, small hand-written guards keep zod out of the
// content script. Only types are imported from the protocol, so none of its code is bundled.
import type { CaptureOutcome, ContentRequest } from '../messaging/protocol';

/** Sends a message to the background; resolves with its raw answer, or undefined when there is none. */
export type Send = (message: ContentRequest) => Promise<unknown>;

export type WantedResponse = { ok: true; wanted: boolean };
export type CaptureResponse =
  | { ok: true; outcome: CaptureOutcome }
  | { ok: false; problems: { path: (string | number)[]; message: string }[] };

/** The popup's "capture from this tab" (browser.tabs.sendMessage to this tab). */
export type CaptureNowRequest = { type: 'capture.now' };

// A record, so the compiler says when the protocol gains or loses an outcome.
const outcomes: Record<CaptureOutcome, true> = {
  recorded: true,
  throttled: true,
  'other-profile': true,
  private: true,
  'not-found': true,
  'no-data': true,
};

const isObject = (value: unknown): value is Record<string, unknown> => typeof value === 'object' && value !== null;

export function isWantedResponse(value: unknown): value is WantedResponse {
  return isObject(value) && value.ok === true && typeof value.wanted === 'boolean';
}

function isProblem(value: unknown): boolean {
  return (
    isObject(value) &&
    typeof value.message === 'string' &&
    Array.isArray(value.path) &&
    value.path.every((part) => typeof part === 'string' || typeof part === 'number')
  );
}

export function isCaptureResponse(value: unknown): value is CaptureResponse {
  if (!isObject(value)) return false;
  if (value.ok === true) return typeof value.outcome === 'string' && Object.hasOwn(outcomes, value.outcome);
  return value.ok === false && Array.isArray(value.problems) && value.problems.every(isProblem);
}

export function isCaptureNowRequest(value: unknown): value is CaptureNowRequest {
  return isObject(value) && value.type === 'capture.now';
}
