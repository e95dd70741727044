import { readFileSync } from 'node:fs';
import { EVENT_FAMILIES, EventFamily } from '@ledger/events';

/**
 * A registered client of ingest (and of the OpenID provider that issues its tokens): an e-learning
 * player, a catalogue tool, an HR feed, reporting itself. `families` are the event families it may
 * append. `basic` is the key and secret xAPI content uses with HTTP Basic, as learning record stores
 * conventionally accept. `signIn` marks a client people sign in through (authorization code + PKCE).
 */
export interface RegisteredClient {
  clientId: string;
  /** Absent for a public client (one that cannot keep a secret, e.g. a command-line tool). */
  secret?: string;
  families: EventFamily[];
  basic?: { key: string; secret: string };
  signIn?: { redirectUris: string[]; postLogoutRedirectUris: string[] };
}

export interface ClientRegistry {
  clients: RegisteredClient[];
}

/** Reads and checks a client registry file; every problem is returned, none thrown. */
export function readClientRegistry(path: string): { registry: ClientRegistry; problems: string[] } {
  let raw: unknown;
  try {
    raw = JSON.parse(readFileSync(path, 'utf8'));
  } catch (error) {
    return { registry: { clients: [] }, problems: [`client registry ${path} cannot be read as JSON: ${(error as Error).message}`] };
  }
  const list = (raw as { clients?: unknown } | null)?.clients;
  if (!Array.isArray(list)) return { registry: { clients: [] }, problems: [`client registry ${path} must hold a "clients" array`] };
  const problems: string[] = [];
  const clients = list.map((entry, index) => checkClient(entry, `${path} clients[${index}]`, problems));
  const ids = clients.map((client) => client.clientId);
  const keys = clients.flatMap((client) => (client.basic ? [client.basic.key] : []));
  if (new Set(ids).size !== ids.length) problems.push(`${path}: client ids must be unique`);
  if (new Set(keys).size !== keys.length) problems.push(`${path}: Basic keys must be unique`);
  return { registry: { clients }, problems };
}

function checkClient(entry: unknown, where: string, problems: string[]): RegisteredClient {
  const client = (typeof entry === 'object' && entry !== null ? entry : {}) as Record<string, unknown>;
  const text = (value: unknown) => typeof value === 'string' && value.trim().length > 0;
  if (!text(client.clientId)) problems.push(`${where}.clientId must be a non-empty string`);
  if (client.secret !== undefined && !text(client.secret)) problems.push(`${where}.secret must be a non-empty string when given`);
  const families = client.families;
  if (!Array.isArray(families) || !families.every((f) => (EVENT_FAMILIES as readonly unknown[]).includes(f))) {
    problems.push(`${where}.families must be a list of ${EVENT_FAMILIES.join(', ')}`);
  }
  const basic = client.basic as { key?: unknown; secret?: unknown } | undefined;
  if (basic !== undefined && !(text(basic?.key) && text(basic?.secret) && !String(basic.key).includes(':'))) {
    problems.push(`${where}.basic must have a key (without ":") and a secret`);
  }
  const signIn = client.signIn as { redirectUris?: unknown; postLogoutRedirectUris?: unknown } | undefined;
  const urls = (value: unknown) => Array.isArray(value) && value.every((url) => text(url) && URL.canParse(url as string));
  if (signIn !== undefined && !(urls(signIn.redirectUris) && urls(signIn.postLogoutRedirectUris ?? []))) {
    problems.push(`${where}.signIn.redirectUris and postLogoutRedirectUris must be lists of URLs`);
  }
  return client as unknown as RegisteredClient;
}
