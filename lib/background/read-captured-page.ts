// Turns what the content script read off a profile page into the numbers of a snapshot. The embedded
// JSON is preferred (exact where statsV2 has strings); the displayed counts are the fallback.
import { normalizeHandle } from '../domain/schema';
import { parseProfileScripts, visibleProfileStats } from '../parsers/tiktok-profile';
import type { PageStats } from './content-handler';
import type { CapturedPage } from '../protocol/schemas';

export function readCapturedPage(page: CapturedPage): PageStats {
  const handle = normalizeHandle(page.handle);
  const json = parseProfileScripts(page.scripts, handle);
  const visible = visibleProfileStats(page.visible);
  const views = visible.videoViews
    ? { visibleViews: visible.videoViews.value, visibleVideos: page.visible.videoViews.length - visible.unreadableVideoViews }
    : {};
  // JSON of another account is what the first page load embedded, before single-page navigation.
  // A private account's JSON names it too; a stale one must not make this profile "private".
  const ofThisAccount = 'handle' in json && json.handle !== undefined ? normalizeHandle(json.handle) === handle : true;
  if (json.status === 'not-found' || (json.status === 'private' && ofThisAccount)) return { status: json.status };
  if (json.status === 'ok' && ofThisAccount) {
    const { followers, following, likes, videoCount, source, precise } = json;
    return { status: 'ok', stats: { handle, followers, following, likes, videoCount, ...views, source, precise } };
  }
  if (visible.followers) {
    return {
      status: 'ok',
      stats: {
        handle,
        followers: visible.followers.value,
        ...(visible.likes ? { likes: visible.likes.value } : {}),
        ...views,
        source: 'visible',
        precise: !visible.followers.rounded,
      },
    };
  }
  return { status: 'no-data' };
}
