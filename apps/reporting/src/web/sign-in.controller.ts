import { Controller, Get, Post, Query, Req, Res } from '@nestjs/common';
import { ApiExcludeController } from '@nestjs/swagger';
import type { FastifyReply, FastifyRequest } from 'fastify';
import * as oidc from 'openid-client';
import type { Logger } from 'pino';
import { Inject } from '@nestjs/common';
import { RelyingParty } from '../access/relying-party';
import { APP_LOGGER } from '../tokens';
import { safeReturnTo } from './web-session';

/**
 * Sign in and out with OpenID Connect: authorization code + PKCE, with state and nonce kept in the
 * encrypted session until the provider redirects back. Works with any provider configured by issuer URL.
 */
@ApiExcludeController()
@Controller()
export class SignInController {
  constructor(
    private readonly relyingParty: RelyingParty,
    @Inject(APP_LOGGER) private readonly logger: Logger,
  ) {}

  @Get('sign-in')
  async signIn(@Req() request: FastifyRequest, @Res() reply: FastifyReply, @Query('returnTo') returnTo?: string): Promise<void> {
    const flow = { verifier: oidc.randomPKCECodeVerifier(), state: oidc.randomState(), nonce: oidc.randomNonce(), returnTo: safeReturnTo(returnTo) };
    request.session.set('signIn', flow);
    await reply.redirect(await this.relyingParty.authorizationUrl(flow), 303);
  }

  @Get('auth/callback')
  async callback(@Req() request: FastifyRequest, @Res() reply: FastifyReply): Promise<void> {
    const flow = request.session.get('signIn');
    request.session.set('signIn', undefined);
    if (!flow) return void (await reply.redirect('/sign-in', 303));
    const callbackUrl = new URL(request.url, this.relyingParty.redirectUri);
    try {
      const person = await this.relyingParty.signedIn(callbackUrl, flow);
      request.session.set('person', person);
      this.logger.info({ userId: person.userId }, 'signed in');
      await reply.redirect(flow.returnTo, 303);
    } catch (error) {
      this.logger.warn({ reason: (error as Error).message }, 'sign-in callback refused');
      await reply.code(400).type('text/plain').send('Signing in did not complete. Go back to the start page and sign in again.');
    }
  }

  @Post('sign-out')
  async signOut(@Req() request: FastifyRequest, @Res() reply: FastifyReply): Promise<void> {
    const idToken = request.session.get('person')?.idToken;
    request.session.delete();
    const endSession = idToken ? await this.relyingParty.endSessionUrl(idToken).catch(() => null) : null;
    await reply.redirect(endSession ?? '/', 303);
  }
}
