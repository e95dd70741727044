import { ArgumentsHost, Catch, ExceptionFilter, HttpException, Inject, Injectable } from '@nestjs/common';
import type { FastifyReply } from 'fastify';
import type { Logger } from 'pino';
import { AppError } from '@ledger/runtime';
import { APP_LOGGER } from '../tokens';
import { Shell, SignInRequired } from './shell';

const TITLES: Record<number, string> = { 403: 'You cannot use this page', 404: 'Page not found', 503: 'Sorry, there is a problem with the service' };

/**
 * Errors on the shell's pages become pages: sign-in needed → redirect; otherwise the NHS-style error
 * page with the status of the error's code. A record one may not see and one that does not exist
 * both come here as the same 404.
 */
@Injectable()
@Catch()
export class WebErrorFilter implements ExceptionFilter {
  constructor(
    private readonly shell: Shell,
    @Inject(APP_LOGGER) private readonly logger: Logger,
  ) {}

  async catch(error: unknown, host: ArgumentsHost): Promise<void> {
    const reply = host.switchToHttp().getResponse<FastifyReply>();
    if (error instanceof SignInRequired) {
      await reply.redirect(`/sign-in?returnTo=${encodeURIComponent(error.returnTo)}`, 303);
      return;
    }
    const status = statusOf(error);
    if (status >= 500) this.logger.error({ err: error }, 'page failed');
    const message = error instanceof AppError || error instanceof HttpException ? error.message : 'Try again later.';
    await this.shell.render(reply, null, 'error.njk', { title: TITLES[status] ?? 'There is a problem', message }, status);
  }
}

function statusOf(error: unknown): number {
  if (error instanceof AppError) {
    const byCode: Record<string, number> = { 'AUTH.FORBIDDEN': 403, 'AUTH.UNAUTHENTICATED': 401, 'RESOURCE.NOT_FOUND': 404, 'REQUEST.INVALID': 400 };
    return byCode[error.code] ?? 503;
  }
  if (error instanceof HttpException) return error.getStatus();
  const status = (error as { statusCode?: number }).statusCode;
  return typeof status === 'number' && status >= 400 ? status : 500;
}
