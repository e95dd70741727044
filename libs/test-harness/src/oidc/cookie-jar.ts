/**
 * The cookies one host set, sent back on every request to it: enough to walk the local provider's
 * sign-in pages the way a browser would (its interaction and session cookies), and no more.
 */
export class CookieJar {
  private readonly cookies = new Map<string, string>();

  /** Keeps the cookies a response set (an expired or empty one removes it). */
  store(response: Response): void {
    for (const line of response.headers.getSetCookie()) {
      const [pair, ...attributes] = line.split(';');
      const at = pair.indexOf('=');
      const [name, value] = [pair.slice(0, at).trim(), pair.slice(at + 1).trim()];
      const expired = attributes.some((a) => /^\s*expires=Thu, 01 Jan 1970/i.test(a) || /^\s*max-age=0\b/i.test(a));
      if (expired || value === '') this.cookies.delete(name);
      else this.cookies.set(name, value);
    }
  }

  header(): string {
    return [...this.cookies].map(([name, value]) => `${name}=${value}`).join('; ');
  }
}
