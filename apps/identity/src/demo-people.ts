import { readFileSync } from 'node:fs';

/**
 * A demo person of the local OpenID provider (npm start and the tests). They sign in with username
 * and password; the token says only who they are (`sub` = username). What each may see comes from the
 * grants the demo data appends to the ledger (infra/demo), as `role` says.
 */
export interface DemoPerson {
  username: string;
  password: string;
  name: string;
  role: string;
}

/** Reads the demo people file (config/people.local.json); checked at boot by the identity config. */
export function readDemoPeople(path: string): { people: DemoPerson[]; problems: string[] } {
  try {
    const people = (JSON.parse(readFileSync(path, 'utf8')) as { people?: DemoPerson[] }).people;
    const valid = Array.isArray(people) && people.every((p) => [p.username, p.password, p.name].every((v) => typeof v === 'string' && v.length > 0));
    return valid ? { people, problems: [] } : { people: [], problems: [`${path} must hold "people" with username, password and name`] };
  } catch (error) {
    return { people: [], problems: [`${path} cannot be read as JSON: ${(error as Error).message}`] };
  }
}
