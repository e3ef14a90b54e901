/**
 * Resolves a notification's `actionUrl` to an address that is safe to open, or returns null.
 *
 * Accepted: a site-relative path that starts with `/` (but not `//` or `/\`, which browsers read as another host), and
 * absolute `http` or `https` URLs. Rejected: every other scheme (`javascript:`, `data:`, ...), and any text with
 * control characters or white space at either end, because browsers drop tabs and newlines inside URLs, so `/\t/evil`
 * would become `//evil`.
 */
export function toSafeHref(actionUrl: unknown, origin: string = window.location.origin): string | null {
  if (typeof actionUrl !== "string" || actionUrl.length === 0 || actionUrl.length > 2048) {
    return null;
  }

  // eslint-disable-next-line no-control-regex
  if (/[\u0000-\u001f\u007f]/.test(actionUrl) || actionUrl.trim() !== actionUrl) {
    return null;
  }

  if (actionUrl.startsWith("/")) {
    if (actionUrl.startsWith("//") || actionUrl.startsWith("/\\")) {
      return null;
    }

    const resolved = tryParseUrl(actionUrl, origin);
    return resolved !== null && resolved.origin === origin ? resolved.href : null;
  }

  const absolute = tryParseUrl(actionUrl);
  if (absolute === null || (absolute.protocol !== "http:" && absolute.protocol !== "https:")) {
    return null;
  }

  return absolute.href;
}

/** Opens a safe href: same-origin addresses in this tab, other sites in a new tab without an opener. */
export function openHref(href: string): void {
  const url = new URL(href, window.location.href);
  if (url.origin === window.location.origin) {
    window.location.assign(url.href);
  } else {
    window.open(url.href, "_blank", "noopener,noreferrer");
  }
}

function tryParseUrl(value: string, base?: string): URL | null {
  try {
    return new URL(value, base);
  } catch {
    return null;
  }
}
