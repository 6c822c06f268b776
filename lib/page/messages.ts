// The content script's messages to the background and the answers it accepts. The background checks
// requests with zod (lib/protocol/schemas.ts); here, small hand-written guards keep zod out of the
// content script. Only types are imported from the protocol and the requests, so none of their code is bundled.
import type {
  BadgeDesign,
  BadgeWords,
  CaptureOutcome,
  LookupAnswer,
  LookupResult,
  MAX_LOOKUP_NAMES,
} from '../protocol/schemas';
import type { ROSTER_KEY } from '../protocol/stored-keys';
import type { ContentRequest } from '../protocol/requests';

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

// The protocol's constants, repeated so that none of its code (zod) is bundled; `typeof` makes the
// compiler check they still agree.
export const ROSTER_STORAGE_KEY: typeof ROSTER_KEY = 'roster';
export const LOOKUP_NAMES_LIMIT: typeof MAX_LOOKUP_NAMES = 2000;

/** What the content script reads of the roster status the background publishes (ROSTER_KEY). */
export type RosterState = { revision: number; creators: string[] };

export function isRosterState(value: unknown): value is RosterState {
  return (
    isObject(value) &&
    Number.isFinite(value.revision) &&
    Array.isArray(value.creators) &&
    value.creators.every((c) => typeof c === 'string')
  );
}

const isText = (value: unknown, max: number) => typeof value === 'string' && value.length <= max;
// Colours go into the badge's style: only '#rrggbb', as the background sends them.
const isColor = (value: unknown) => typeof value === 'string' && /^#[0-9a-f]{6}$/i.test(value);
const isCount = (value: unknown) => Number.isInteger(value) && (value as number) >= 0;

function isDesign(value: unknown): value is BadgeDesign {
  return (
    isObject(value) &&
    isText(value.tierName, 200) &&
    isText(value.label, 200) &&
    (value.emoji === undefined || isText(value.emoji, 40)) &&
    isColor(value.color) &&
    isColor(value.textColor) &&
    isCount(value.level)
  );
}

function isWords(value: unknown): value is BadgeWords {
  return (
    isObject(value) &&
    ['lang', 'tooltipOne', 'tooltipOther', 'name', 'byNickname'].every((key) => isText(value[key], 500))
  );
}

function isResult(value: unknown, designs: number): value is LookupResult {
  if (value === 0 || value === 1) return true;
  return (
    isObject(value) &&
    isCount(value.d) &&
    (value.d as number) < designs &&
    isText(value.id, 200) &&
    isCount(value.m) &&
    typeof value.s === 'string' &&
    /^\d{4}-\d{2}-\d{2}$/.test(value.s) &&
    (value.h === undefined || (typeof value.h === 'string' && /^[a-z0-9._]{2,24}$/.test(value.h)))
  );
}

/** A lookup answer for `handles` and `nicknames` names asked, in the same order and number. */
export function isLookupAnswer(value: unknown, handles: number, nicknames: number): value is LookupAnswer {
  if (!isObject(value) || value.ok !== true || !Number.isFinite(value.revision)) return false;
  const { designs } = value;
  if (!Array.isArray(designs) || !designs.every(isDesign) || !isWords(value.words)) return false;
  const results = (list: unknown, length: number) =>
    Array.isArray(list) && list.length === length && list.every((r) => isResult(r, designs.length));
  return results(value.handles, handles) && results(value.nicknames, nicknames);
}
