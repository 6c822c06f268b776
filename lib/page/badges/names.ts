// Names as the page shows them, in the form lookups use: handles from links to tiktok.com profiles, in
// lower case (TikTok compares them case-insensitively), and nicknames as shown, trimmed.

// A link on tiktok.com to one of its own paths, as TikTok writes them: from the site's root
// ("/@fan.one"), or absolute on its host. Nothing else: not another host ("https://evil.example/@fan.one",
// "//evil.example/@…", "/\evil.example/@…", which browsers read as another host too), not another
// scheme, not a path that merely contains "/@". Then "@" and a handle: 2-24 letters, digits, "_" and
// "." (the domain's handle rule).
const ON_TIKTOK = String.raw`^(?:https://(?:www\.)?tiktok\.com)?/@([A-Za-z0-9._]{2,24})`;
/** A profile: "/@fan.one", "/@fan.one/?lang=en", "https://www.tiktok.com/@fan.one#top". */
const PROFILE_LINK = new RegExp(String.raw`${ON_TIKTOK}/?(?:[?#]|$)`, 'i');
/** A video: "https://www.tiktok.com/@mara.sings/video/7401234567890123456?is_from_webapp=1". */
const VIDEO_LINK = new RegExp(String.raw`${ON_TIKTOK}/video/\d{1,30}/?(?:[?#]|$)`, 'i');
// The protocol's bound on a nickname asked about.
const NICKNAME_MAX = 240;

/** The handle a link to a tiktok.com profile names: `/@Fan.One`, `https://www.tiktok.com/@fan.one?lang=en`. */
export function handleOfLink(link: Element | null | undefined): string | null {
  const match = PROFILE_LINK.exec(link?.getAttribute('href') ?? '');
  return match ? match[1]!.toLowerCase() : null;
}

/** The author of the tiktok.com video an address links to (`/@handle/video/<id>`), or null. */
export function authorOfVideoLink(href: string | null | undefined): string | null {
  const match = VIDEO_LINK.exec(href ?? '');
  return match ? match[1]!.toLowerCase() : null;
}

/** A handle typed as text ("@Lena.Paints" or "lena.paints"), or null when it is not one. */
export function handleOfText(text: string | null | undefined): string | null {
  const handle = (text ?? '').trim().replace(/^@/, '').toLowerCase();
  return /^[a-z0-9._]{2,24}$/.test(handle) ? handle : null;
}

export function nicknameOf(text: string | null | undefined): string | null {
  const nickname = (text ?? '').trim();
  return nickname.length > 0 && nickname.length <= NICKNAME_MAX ? nickname : null;
}
