import { ClientRegistry, EnvReader, LOG_LEVELS, LogLevel, readClientRegistry } from '@ledger/runtime';
import { DemoPerson, readDemoPeople } from './demo-people';

export interface IdentityConfig {
  port: number;
  host: string;
  /** The issuer URL tokens name; the apps discover the provider from it. */
  issuer: string;
  registry: ClientRegistry;
  people: DemoPerson[];
  logLevel: LogLevel;
}

/**
 * The local OpenID provider's settings. It is a development tool (npm start and the tests): it
 * refuses to listen anywhere but loopback, and production configures a real provider instead.
 */
export function loadIdentityConfig(env: Record<string, string | undefined>): IdentityConfig {
  const read = new EnvReader(env);
  const port = read.port('IDENTITY_PORT', 3003);
  const host = read.string('HOST', '127.0.0.1');
  const clientsFile = read.string('CLIENTS_FILE', 'config/clients.local.json');
  const { registry, problems } = readClientRegistry(clientsFile);
  problems.forEach((problem) => read.problem('CLIENTS_FILE', problem));
  const { people, problems: peopleProblems } = readDemoPeople(read.string('PEOPLE_FILE', 'config/people.local.json'));
  peopleProblems.forEach((problem) => read.problem('PEOPLE_FILE', problem));
  if (!['127.0.0.1', 'localhost', '::1'].includes(host)) read.problem('HOST', `the local OpenID provider listens on loopback only, got "${host}"`);
  return read.done({
    port,
    host,
    issuer: read.string('IDENTITY_ISSUER', `http://127.0.0.1:${port}`),
    registry,
    people,
    logLevel: read.oneOf('LOG_LEVEL', LOG_LEVELS, 'info'),
  });
}
