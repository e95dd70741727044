/** Thrown at boot when the environment does not describe a usable configuration; names every bad variable. */
export class ConfigError extends Error {
  constructor(readonly problems: string[]) {
    super(`Invalid configuration:\n  - ${problems.join('\n  - ')}`);
  }
}

/**
 * Reads typed settings from an environment, collecting every problem instead of stopping at the first,
 * so one failed boot tells an operator everything to fix. Each app reads its config once, in its
 * `config.ts`; nothing else reads `process.env`.
 */
export class EnvReader {
  private readonly problems: string[] = [];

  constructor(private readonly env: Record<string, string | undefined>) {}

  string(name: string, fallback?: string): string {
    const value = this.env[name]?.trim();
    if (value) return value;
    if (fallback !== undefined) return fallback;
    this.problems.push(`${name} is required`);
    return '';
  }

  int(name: string, fallback: number, range: { min: number; max: number }): number {
    const raw = this.env[name]?.trim();
    if (!raw) return fallback;
    const value = Number(raw);
    if (!Number.isInteger(value) || value < range.min || value > range.max) {
      this.problems.push(`${name} must be an integer from ${range.min} to ${range.max}, got "${raw}"`);
      return fallback;
    }
    return value;
  }

  port(name: string, fallback: number): number {
    return this.int(name, fallback, { min: 0, max: 65535 });
  }

  /** Comma-separated `host:port` list. */
  hostPorts(name: string, fallback: string): string[] {
    const items = this.string(name, fallback).split(',').map((item) => item.trim()).filter(Boolean);
    const bad = items.filter((item) => !/^[^\s:]+:\d{1,5}$/.test(item));
    if (items.length === 0 || bad.length > 0) this.problems.push(`${name} must be a comma-separated list of host:port, got "${this.env[name]}"`);
    return items;
  }

  /** A file path whose contents `check` judges: it returns what is wrong with the file, or undefined. */
  file(name: string, fallback: string | undefined, check: (path: string) => string | undefined): string {
    const path = this.string(name, fallback);
    const problem = path ? check(path) : undefined;
    if (problem) this.problems.push(`${name}: ${problem}`);
    return path;
  }

  mongoUrl(name: string, fallback: string): string {
    const value = this.string(name, fallback);
    if (!/^mongodb(\+srv)?:\/\//.test(value)) this.problems.push(`${name} must be a mongodb:// connection string`);
    return value;
  }

  /** A `postgres://` connection string, or undefined when the variable is unset. */
  optionalPostgresUrl(name: string): string | undefined {
    const value = this.env[name]?.trim();
    if (!value) return undefined;
    if (!/^postgres(ql)?:\/\//.test(value)) this.problems.push(`${name} must be a postgres:// connection string`);
    return value;
  }

  oneOf<T extends string>(name: string, allowed: readonly T[], fallback: T): T {
    const value = this.env[name]?.trim();
    if (!value) return fallback;
    if (!(allowed as readonly string[]).includes(value)) {
      this.problems.push(`${name} must be one of ${allowed.join(', ')}, got "${value}"`);
      return fallback;
    }
    return value as T;
  }

  /** Records a problem found while checking a variable's value beyond its type (e.g. the file it names). */
  problem(name: string, reason: string): void {
    this.problems.push(`${name}: ${reason}`);
  }

  /** An http(s) URL, without a trailing slash. */
  url(name: string, fallback?: string): string {
    const value = this.string(name, fallback).replace(/\/+$/, '');
    if (value && !/^https?:\/\/[^\s/]+/.test(value)) this.problems.push(`${name} must be an http(s) URL, got "${value}"`);
    return value;
  }

  /** Comma-separated list of non-empty items; empty when unset. */
  list(name: string): string[] {
    return (this.env[name] ?? '').split(',').map((item) => item.trim()).filter(Boolean);
  }

  /** Returns the settings, or throws one ConfigError listing every problem found while reading them. */
  done<T>(settings: T): T {
    if (this.problems.length > 0) throw new ConfigError(this.problems);
    return settings;
  }
}
