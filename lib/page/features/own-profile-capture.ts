// On the creator's own profile, hands the page's numbers to the background, which parses and stores
// them (at most one snapshot an hour: it says whether one is wanted). The texts are sent raw: parsing
// lives in the background, which keeps this script small. Also answers the popup's "capture from
// this tab", for any profile.
import type { CapturedPage } from '../../protocol/schemas';
import { authorOfVideoLink } from '../badges/names';
import { isCaptureResponse, isWantedResponse, type CaptureResponse, type Send } from '../messages';
import type { PageObserver } from '../observer';
import { profileSelectors as s } from '../selectors';
import type { Feature, FeatureContext, PageView } from '../feature';

const ID = 'own-profile-capture';
/** How long to wait for the counts to show; after that, what is there is sent. */
export const COUNTS_WAIT_MS = 4000;
// The protocol's limits (capturedPageSchema): longer texts are not counts.
const MAX_TEXT = 40;
const MAX_VIDEOS = 2000;

function normalize(text: string | null | undefined): string {
  return (text ?? '').trim().replace(/^@/, '').toLowerCase();
}

function countText(doc: Document, selector: string): string | undefined {
  const text = doc.querySelector(selector)?.textContent?.trim();
  return text && text.length <= MAX_TEXT ? text : undefined;
}

/** True when the header shows this handle: after a navigation, the previous profile's may linger. */
function headerShows(doc: Document, handle: string): boolean {
  return [s.userTitle, s.userSubtitle].some((selector) => normalize(doc.querySelector(selector)?.textContent) === handle);
}

/** The view counts of the grid's videos by this handle (a link to a tiktok.com video names its author). */
function videoViews(doc: Document, handle: string): string[] {
  const views: string[] = [];
  for (const item of doc.querySelectorAll(s.videoItem)) {
    if (authorOfVideoLink(item.querySelector(s.videoLink)?.getAttribute('href')) !== handle) continue;
    const text = item.querySelector(s.videoViews)?.textContent?.trim();
    if (text && text.length <= MAX_TEXT) views.push(text);
    if (views.length === MAX_VIDEOS) break;
  }
  return views;
}

function scriptText(doc: Document, selector: string): string | undefined {
  return doc.querySelector(selector)?.textContent ?? undefined;
}

/** Reads the profile as shown now; the embedded JSON only in the view the browser loaded. */
export function collectProfile(doc: Document, view: PageView, handle: string, asked: boolean): CapturedPage {
  const scripts: CapturedPage['scripts'] = {};
  if (view.firstView) {
    const universal = scriptText(doc, s.universalData);
    const sigi = scriptText(doc, s.sigiState);
    const next = scriptText(doc, s.nextData);
    if (universal !== undefined) scripts.universal = universal;
    if (sigi !== undefined) scripts.sigi = sigi;
    if (next !== undefined) scripts.next = next;
  }
  const visible: CapturedPage['visible'] = { videoViews: [] };
  if (headerShows(doc, handle)) {
    const followers = countText(doc, s.followersCount);
    const following = countText(doc, s.followingCount);
    const likes = countText(doc, s.likesCount);
    if (followers !== undefined) visible.followers = followers;
    if (following !== undefined) visible.following = following;
    if (likes !== undefined) visible.likes = likes;
    visible.videoViews = videoViews(doc, handle);
  }
  return { url: view.url, handle, scripts, visible, asked };
}

interface ReadEnvironment {
  doc: Document;
  observer: PageObserver;
  signal?: AbortSignal;
}

/**
 * Waits (bounded) until this handle's header, counts and first videos show, then reads the page.
 * A profile without videos, private or missing, is read when the wait ends.
 */
async function readProfile(view: PageView, handle: string, asked: boolean, env: ReadEnvironment) {
  await env.observer.waitFor(
    ID,
    () =>
      headerShows(env.doc, handle) && env.doc.querySelector(s.followersCount) && videoViews(env.doc, handle).length > 0
        ? true
        : null,
    COUNTS_WAIT_MS,
    env.signal,
  );
  return collectProfile(env.doc, view, handle, asked);
}

const hasData = (page: CapturedPage) =>
  Object.keys(page.scripts).length > 0 || page.visible.followers !== undefined;

async function captureIfWanted(context: FeatureContext, doc: Document) {
  if (context.route.kind !== 'profile') return;
  const handle = context.route.handle;
  const answer = await context.send({ type: 'stats.wanted', handle });
  if (context.signal.aborted || !isWantedResponse(answer) || !answer.wanted) return;
  const page = await readProfile(context, handle, false, { doc, observer: context.observer, signal: context.signal });
  if (context.signal.aborted || !hasData(page)) return;
  await context.send({ type: 'stats.capture', page });
}

export function createOwnProfileCapture(doc: Document = document): Feature {
  return {
    id: ID,
    pages: ['profile'],
    start: (context) => void captureIfWanted(context, doc),
  };
}

export interface CaptureNowEnvironment {
  doc?: Document;
  observer: PageObserver;
  send: Send;
}

/**
 * The popup's "capture from this tab": reads the current profile and asks the background to store it
 * whoever it belongs to, even within the hour. Answers with the background's response; off a profile
 * page there is nothing to read ('no-data'); `problems: []` means the background gave no valid answer
 * (the popup says so in its own words).
 */
export async function captureNow(view: PageView, env: CaptureNowEnvironment): Promise<CaptureResponse> {
  if (view.route.kind !== 'profile') return { ok: true, outcome: 'no-data' };
  const page = await readProfile(view, view.route.handle, true, { doc: env.doc ?? document, observer: env.observer });
  const answer = await env.send({ type: 'stats.capture', page });
  return isCaptureResponse(answer) ? answer : { ok: false, problems: [] };
}
