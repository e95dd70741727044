import { createHash } from 'node:crypto';
import { join } from 'node:path';
import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import fastifyCsrf from '@fastify/csrf-protection';
import fastifyHelmet from '@fastify/helmet';
import fastifyRateLimit from '@fastify/rate-limit';
import fastifySecureSession from '@fastify/secure-session';
import fastifyStatic from '@fastify/static';
import fastifyView from '@fastify/view';
import nunjucks from 'nunjucks';
import type { ReportingConfig } from '../config';
import { ReportDates } from '../report-outputs/report-dates';
import { repositoryRoot, reportAssetFolders } from '../report-outputs/asset-files';

/** Pages where guessing or flooding is possible get a tighter limit than the rest: sign-in, and checking certificate codes (/verify, /verify-certificate). */
const SENSITIVE = /^\/(sign-in|auth\/callback|verify)\b/;
export const SESSION_COOKIE = 'ledger_session';

/**
 * The web shell's plumbing on reporting's Fastify instance, each part a maintained plugin: an
 * encrypted session cookie (Secure, HttpOnly, SameSite=Lax: Lax so the provider's redirect back
 * carries it), CSRF tokens checked on every form post, security headers with a nonce-based CSP, rate
 * limits, the NHS design system's compiled assets, and nunjucks templates with its macros.
 */
export async function setUpWebShell(app: NestFastifyApplication, config: ReportingConfig): Promise<void> {
  const dates = new ReportDates(config.reports.timeZone);
  const root = repositoryRoot(__dirname);
  const nhsuk = join(root, 'node_modules', 'nhsuk-frontend');
  await app.register(fastifySecureSession, {
    key: createHash('sha256').update(config.sessionSecret, 'utf8').digest(),
    cookieName: SESSION_COOKIE,
    expiry: 8 * 3600,
    cookie: { path: '/', httpOnly: true, secure: true, sameSite: 'lax' },
  });
  await app.register(fastifyCsrf, { sessionPlugin: '@fastify/secure-session' });
  await app.register(fastifyHelmet, { enableCSPNonces: true, contentSecurityPolicy: { directives: cspDirectives(config) } });
  await app.register(fastifyRateLimit, { global: true, max: config.rateLimitPerMinute, timeWindow: '1 minute' });
  // The NHS design system's assets and the reports' own (print stylesheet, charts): the same files the PDF renderer serves its pages.
  for (const [i, { prefix, folder, files }] of reportAssetFolders(root).entries()) {
    const allowedPath = files ? (path: string) => files.test(path.replace(/^\//, '')) : undefined;
    await app.register(fastifyStatic, { root: folder, prefix, decorateReply: i === 0, allowedPath });
  }
  await app.register(fastifyView, {
    engine: { nunjucks },
    templates: [join(root, 'apps', 'reporting', 'views'), join(nhsuk, 'src')],
    options: {
      autoescape: true,
      throwOnUndefined: false,
      // Pages that show a read model's instants as they are (a record's sessions, how complete the data is) show them as UK time.
      onConfigure: (env: nunjucks.Environment) => env.addFilter('ukDateTime', (instant: string | null | undefined) => dates.formatDateTime(instant)),
    },
  });
  const fastify = app.getHttpAdapter().getInstance();
  const sensitiveLimit = fastify.rateLimit({ max: Math.max(5, Math.floor(config.rateLimitPerMinute / 20)), timeWindow: '1 minute' });
  fastify.addHook('onRequest', async (request, reply) => {
    if (SENSITIVE.test(request.url)) await sensitiveLimit.call(fastify, request, reply);
  });
  // Every form post of the shell carries the session's CSRF token; the API (bearer tokens, no cookies) does not.
  fastify.addHook('preHandler', (request, reply, done) => {
    if (request.method === 'POST' && !request.url.startsWith('/v1/')) return fastify.csrfProtection(request, reply, done);
    done();
  });
}

function cspDirectives(config: ReportingConfig): Record<string, string[] | null> {
  return {
    'default-src': ["'self'"],
    // Nonces are added to these two for the few inline tags the NHS page template has.
    'script-src': ["'self'"],
    'style-src': ["'self'"],
    'img-src': ["'self'", 'data:'],
    // Signing out posts a form that redirects to the provider's end-session page.
    'form-action': ["'self'", new URL(config.oidcIssuer).origin],
    'frame-ancestors': ["'none'"],
    // A plain-http deployment (local only) must not ask browsers to upgrade its own requests to https.
    'upgrade-insecure-requests': config.publicUrl.startsWith('https:') ? [] : null,
  };
}
