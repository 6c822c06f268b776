// Which TikTok page a URL is. Pure: features declare the page kinds they serve and the runner starts
// them from this. Handles are returned in lower case (TikTok compares them case-insensitively).

export type Route =
  /** https://www.tiktok.com/@mara.sings */
  | { kind: 'profile'; handle: string }
  /** https://www.tiktok.com/@mara.sings/video/7301234567890123456 */
  | { kind: 'video'; handle: string; videoId: string }
  /** https://www.tiktok.com/@mara.sings/live */
  | { kind: 'live'; handle: string }
  /** https://www.tiktok.com/ and https://www.tiktok.com/foryou */
  | { kind: 'feed' }
  | { kind: 'other' };

export type PageKind = Route['kind'];

// 2-24 letters, digits, "_" and "."; the same rule as the domain's handle schema.
const handle = '@([A-Za-z0-9._]{2,24})';
const patterns: [RegExp, (m: RegExpExecArray) => Route][] = [
  [new RegExp(`^/${handle}/?$`), (m) => ({ kind: 'profile', handle: m[1]!.toLowerCase() })],
  [
    new RegExp(`^/${handle}/video/(\\d{1,30})/?$`),
    (m) => ({ kind: 'video', handle: m[1]!.toLowerCase(), videoId: m[2]! }),
  ],
  [new RegExp(`^/${handle}/live/?$`), (m) => ({ kind: 'live', handle: m[1]!.toLowerCase() })],
  [/^\/(foryou\/?)?$/, () => ({ kind: 'feed' })],
];

export function routeOf(url: string): Route {
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    return { kind: 'other' };
  }
  if (parsed.protocol !== 'https:' || parsed.hostname !== 'www.tiktok.com') return { kind: 'other' };
  for (const [pattern, toRoute] of patterns) {
    const match = pattern.exec(parsed.pathname);
    if (match) return toRoute(match);
  }
  return { kind: 'other' };
}

/** Equal for two URLs of the same page view (query and hash do not make a new page). */
export function routeKey(route: Route): string {
  switch (route.kind) {
    case 'profile':
    case 'live':
      return `${route.kind}:${route.handle}`;
    case 'video':
      return `video:${route.handle}:${route.videoId}`;
    default:
      return route.kind;
  }
}
