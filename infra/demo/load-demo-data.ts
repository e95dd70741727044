import { setTimeout as sleep } from 'node:timers/promises';
import { eventFamily, EventFamily } from '@ledger/events';
import { clientAccessToken, localClientSecret, localPassword, personAccessToken } from '@ledger/test-harness';
import { demoActs } from './demo-acts';
import { demoEvents } from './demo-events';

/** Which local client sends each family of the demo's events: each client may append only its own. */
const CLIENT_OF: Partial<Record<EventFamily, string>> = { catalogue: 'catalogue-tool', people: 'hr-feed', activity: 'demo-player' };
/** How long an act that depends on an earlier one (a lead approving runners) waits for the projector to apply it. */
const PROJECTION_WAIT_MS = 60_000;

/**
 * Loads the demo into a fresh ledger through ingest, the way real clients and people would: each
 * family of facts with its client's token, then the grants as the demo people themselves (signing in
 * at the local provider). Returns how many events and acts were recorded.
 */
export async function loadDemoData(ingestUrl: string, issuer: string): Promise<number> {
  const events = demoEvents(new Date());
  for (const [family, clientId] of Object.entries(CLIENT_OF)) {
    const batch = events.filter((event) => eventFamily(String(event.type)) === family);
    const token = await clientAccessToken(issuer, clientId, localClientSecret(clientId));
    if ((await post(`${ingestUrl}/v1/events`, token, { events: batch }, `${family} events`)) !== 202) throw new Error(`demo ${family} events refused: 403`);
  }
  const acts = demoActs();
  const tokens = new Map<string, string>();
  for (const { as, act } of acts) {
    if (!tokens.has(as)) tokens.set(as, await personAccessToken(issuer, as, localPassword(as)));
    await postWaitingForGrants(`${ingestUrl}/v1/acts`, tokens.get(as)!, act, `${act.type} by ${as}`);
  }
  return events.length + acts.length;
}

async function post(url: string, token: string, body: object, what: string): Promise<number> {
  const response = await fetch(url, { method: 'POST', headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` }, body: JSON.stringify(body) });
  if (response.status !== 202 && response.status !== 403) throw new Error(`demo ${what} refused: ${response.status} ${await response.text()}`);
  return response.status;
}

/** A 403 may only mean the grant it depends on is not projected yet: retry until it is, then give up naming the act. */
async function postWaitingForGrants(url: string, token: string, body: object, what: string): Promise<void> {
  const deadline = Date.now() + PROJECTION_WAIT_MS;
  while ((await post(url, token, body, what)) === 403) {
    if (Date.now() > deadline) throw new Error(`demo ${what} was still refused (403) after ${PROJECTION_WAIT_MS / 1000} s`);
    await sleep(300);
  }
}

if (require.main === module) {
  const url = process.env.INGEST_URL ?? 'http://127.0.0.1:3001';
  const issuer = process.env.OIDC_ISSUER ?? 'http://127.0.0.1:3003';
  loadDemoData(url, issuer)
    .then((count) => console.log(`loaded ${count} demo events and acts into ${url}`))
    .catch((error: Error) => {
      console.error(error.message);
      process.exit(1);
    });
}
