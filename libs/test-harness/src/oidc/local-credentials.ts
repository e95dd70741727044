import { readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import type { ClientRegistry } from '@ledger/runtime';

/** The repository's local client registry and demo people: what npm start and the tests run with. */
const CONFIG_DIR = resolve(__dirname, '../../../../config');
export const LOCAL_CLIENTS_FILE = join(CONFIG_DIR, 'clients.local.json');
export const LOCAL_PEOPLE_FILE = join(CONFIG_DIR, 'people.local.json');

/** The hub admins bootstrapped by configuration locally (HUB_ADMINS). */
export const LOCAL_HUB_ADMINS = ['admin-hana'];

export function localClientSecret(clientId: string): string {
  const registry = JSON.parse(readFileSync(LOCAL_CLIENTS_FILE, 'utf8')) as ClientRegistry;
  const secret = registry.clients.find((client) => client.clientId === clientId)?.secret;
  if (!secret) throw new Error(`no local client ${clientId} with a secret in ${LOCAL_CLIENTS_FILE}`);
  return secret;
}

export function localBasicCredentials(clientId: string): { key: string; secret: string } {
  const registry = JSON.parse(readFileSync(LOCAL_CLIENTS_FILE, 'utf8')) as ClientRegistry;
  const basic = registry.clients.find((client) => client.clientId === clientId)?.basic;
  if (!basic) throw new Error(`no local client ${clientId} with Basic credentials in ${LOCAL_CLIENTS_FILE}`);
  return basic;
}

export function localPassword(username: string): string {
  const people = (JSON.parse(readFileSync(LOCAL_PEOPLE_FILE, 'utf8')) as { people: Array<{ username: string; password: string }> }).people;
  const person = people.find((p) => p.username === username);
  if (!person) throw new Error(`no demo person ${username} in ${LOCAL_PEOPLE_FILE}`);
  return person.password;
}
