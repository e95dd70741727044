/**
 * Every route the HTTP server registered (path pattern and methods), so that a request for a known
 * path with a method it does not serve is answered 405 with the methods it does (RFC 9110 §15.5.6),
 * rather than 404 as if the path did not exist.
 */
export class RouteTable {
  private readonly routes = new Map<string, { pattern: RegExp; methods: Set<string> }>();

  record(url: string, methods: string | string[]): void {
    const entry = this.routes.get(url) ?? { pattern: patternOf(url), methods: new Set<string>() };
    for (const method of Array.isArray(methods) ? methods : [methods]) entry.methods.add(method.toUpperCase());
    this.routes.set(url, entry);
  }

  /** The methods served at `path` (no query string), in a stable order; empty for an unknown path. */
  allowedMethods(path: string): string[] {
    const allowed = new Set<string>();
    for (const { pattern, methods } of this.routes.values()) if (pattern.test(path)) for (const method of methods) allowed.add(method);
    return [...allowed].sort();
  }
}

/** `/v1/learners/:learnerId/sessions` → a RegExp matching its concrete paths (a trailing slash allowed). */
function patternOf(url: string): RegExp {
  const escaped = url
    .split('/')
    .map((part) => (part.startsWith(':') ? '[^/]+' : part.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')))
    .join('/');
  return new RegExp(`^${escaped}/?$`);
}
