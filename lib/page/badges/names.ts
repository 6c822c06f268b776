// Names as the page shows them, in the form lookups use: handles from `/@handle` links, in lower case
// (TikTok compares them case-insensitively), and nicknames as shown, trimmed.

// The path segment after "/@": 2-24 letters, digits, "_" and "." (the domain's handle rule).
const HANDLE_IN_HREF = /\/@([A-Za-z0-9._]{2,24})(?=[/?#]|$)/;
// The protocol's bound on a nickname asked about.
const NICKNAME_MAX = 240;

/** The handle a profile link points at: `/@Fan.One`, `https://www.tiktok.com/@fan.one?lang=en`. */
export function handleOfLink(link: Element | null | undefined): string | null {
  const match = HANDLE_IN_HREF.exec(link?.getAttribute('href') ?? '');
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
