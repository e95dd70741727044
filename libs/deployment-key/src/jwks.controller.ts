import { Controller, Get, Inject } from '@nestjs/common';
import { ApiOperation, ApiTags } from '@nestjs/swagger';
import type { DeploymentKey } from './deployment-key';
import type { PublicJwk } from './public-jwk';

/** DI token of the app's DeploymentKey. */
export const DEPLOYMENT_KEY = Symbol('DEPLOYMENT_KEY');

/** Publishes the deployment's public key, so anyone can check what it signed. */
@ApiTags('operations')
@Controller('.well-known/jwks.json')
export class JwksController {
  constructor(@Inject(DEPLOYMENT_KEY) private readonly key: DeploymentKey) {}

  @Get()
  @ApiOperation({ summary: "The deployment's public signing key as a JWK Set (Ed25519, kid = RFC 7638 thumbprint)" })
  jwks(): { keys: PublicJwk[] } {
    return { keys: [this.key.publicJwk] };
  }
}
