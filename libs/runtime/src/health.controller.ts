import { Controller, Get, Inject, Res } from '@nestjs/common';
import { ApiOperation, ApiTags } from '@nestjs/swagger';
import type { FastifyReply } from 'fastify';

/** One dependency's reachability. */
export type HealthProbe = () => Promise<{ up: boolean; detail?: string }>;

/** DI token: the probes an app's /health runs, by dependency name (e.g. `kafka`, `mongo`). */
export const HEALTH_PROBES = Symbol('HEALTH_PROBES');

@ApiTags('operations')
@Controller('health')
export class HealthController {
  constructor(@Inject(HEALTH_PROBES) private readonly probes: Record<string, HealthProbe>) {}

  @Get()
  @ApiOperation({ summary: 'Whether this app can reach what it depends on (200 all up, 503 otherwise)' })
  async health(@Res() reply: FastifyReply): Promise<void> {
    const names = Object.keys(this.probes);
    const results = await Promise.all(names.map((name) => this.probes[name]()));
    const checks = Object.fromEntries(names.map((name, i) => [name, results[i]]));
    const up = results.every((result) => result.up);
    await reply.status(up ? 200 : 503).send({ status: up ? 'up' : 'down', checks });
  }
}
