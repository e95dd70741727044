import { createServer, IncomingMessage, Server, ServerResponse } from 'node:http';
import { readFileSync } from 'node:fs';
import type Provider from 'oidc-provider';
import type { Interaction } from 'oidc-provider';
import type { Logger } from 'pino';
import type { DemoPerson } from './demo-people';
import { renderLoginPage } from './login-page';

const NHSUK_CSS = readFileSync(require.resolve('nhsuk-frontend/dist/nhsuk/nhsuk-frontend.min.css'));
const INTERACTION = /^\/interaction\/([\w-]+)(\/login)?$/;
const MAX_FORM_BYTES = 4096;

/**
 * The provider's HTTP server: our sign-in pages at /interaction/:uid, oidc-provider for everything
 * else (discovery, authorize, token, JWKS, end session).
 */
export function createIdentityServer(provider: Provider, people: DemoPerson[], logger: Logger): Server {
  const oidc = provider.callback();
  return createServer((req, res) => {
    const path = new URL(req.url ?? '/', 'http://local').pathname;
    if (path === '/assets/nhsuk-frontend.min.css') return void res.writeHead(200, { 'content-type': 'text/css' }).end(NHSUK_CSS);
    const interaction = INTERACTION.exec(path);
    if (!interaction) return void oidc(req, res);
    handleInteraction(provider, people, req, res, interaction[2] === '/login').catch((error: Error) => {
      logger.warn({ err: error.message }, 'sign-in interaction failed');
      if (!res.headersSent) res.writeHead(400, { 'content-type': 'text/plain' }).end(`Sign-in failed: ${error.message}`);
    });
  });
}

async function handleInteraction(provider: Provider, people: DemoPerson[], req: IncomingMessage, res: ServerResponse, submitted: boolean): Promise<void> {
  const details = await provider.interactionDetails(req, res);
  const view = { uid: details.uid, clientId: String(details.params.client_id), people };
  if (details.prompt.name === 'consent') return grantFirstPartyConsent(provider, details, req, res);
  if (details.prompt.name !== 'login') {
    await provider.interactionFinished(req, res, { error: 'access_denied', error_description: `unexpected prompt ${details.prompt.name}` });
    return;
  }
  if (!submitted || req.method !== 'POST') return void page(res, 200, renderLoginPage(view));
  const form = new URLSearchParams(await readBody(req));
  const username = (form.get('username') ?? '').trim();
  const person = people.find((p) => p.username === username);
  if (!person || person.password !== form.get('password')) {
    return void page(res, 401, renderLoginPage({ ...view, username, error: 'The username or password is not right' }));
  }
  await provider.interactionFinished(req, res, { login: { accountId: person.username } }, { mergeWithLastSubmission: false });
}

/**
 * Every registered client is our own (reporting, the command-line tool), so the person who signed in
 * is not asked to consent to it: the grant is extended with what the client asked for. oidc-provider
 * asks for consent on every native client's request, which is how they are registered locally.
 */
async function grantFirstPartyConsent(provider: Provider, details: Interaction, req: IncomingMessage, res: ServerResponse): Promise<void> {
  const accountId = details.session?.accountId;
  if (!accountId) throw new Error('consent without a signed-in person');
  const existing = details.grantId ? await provider.Grant.find(details.grantId) : undefined;
  const grant = existing ?? new provider.Grant({ accountId, clientId: String(details.params.client_id) });
  const missing = details.prompt.details as { missingOIDCScope?: string[]; missingOIDCClaims?: string[]; missingResourceScopes?: Record<string, string[]> };
  if (missing.missingOIDCScope) grant.addOIDCScope(missing.missingOIDCScope.join(' '));
  if (missing.missingOIDCClaims) grant.addOIDCClaims(missing.missingOIDCClaims);
  for (const [resource, scopes] of Object.entries(missing.missingResourceScopes ?? {})) grant.addResourceScope(resource, scopes.join(' '));
  const grantId = await grant.save();
  await provider.interactionFinished(req, res, { consent: { grantId } }, { mergeWithLastSubmission: true });
}

function page(res: ServerResponse, status: number, html: string): void {
  res.writeHead(status, { 'content-type': 'text/html; charset=utf-8', 'cache-control': 'no-store', 'x-frame-options': 'DENY' }).end(html);
}

async function readBody(req: IncomingMessage): Promise<string> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of req) {
    size += (chunk as Buffer).length;
    if (size > MAX_FORM_BYTES) throw new Error('form too large');
    chunks.push(chunk as Buffer);
  }
  return Buffer.concat(chunks).toString('utf8');
}
