/** A connection URL with its password replaced, the only form in which a URL is ever printed. */
export function redactUrl(url: string): string {
  return url.replace(/^([a-z][a-z0-9+.-]*:\/\/[^:/@?#]*):[^@/?#]*@/i, '$1:***@').replace(/([?&]password=)[^&#]*/gi, '$1***');
}

/** Removes every occurrence of a URL's password from a text (driver messages may echo it). */
export function redactSecrets(text: string, urls: (string | undefined)[]): string {
  let out = text;
  for (const url of urls) {
    if (!url) continue;
    // A URL without a password prints as it is: a large output (a model as JSON) is not searched for it.
    const redacted = redactUrl(url);
    if (redacted !== url && out.includes(url)) out = out.split(url).join(redacted);
    const password = passwordOf(url);
    if (password && password.length >= 3) out = out.split(password).join('***');
  }
  return out;
}

function passwordOf(url: string): string | undefined {
  try {
    const parsed = new URL(url);
    const password = parsed.password || parsed.searchParams.get('password') || '';
    return password ? decodeURIComponent(password) : undefined;
  } catch {
    return undefined;
  }
}
