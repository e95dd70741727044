import { ArgumentsHost, Catch, ExceptionFilter, HttpException, HttpStatus } from '@nestjs/common';
import type { FastifyReply, FastifyRequest } from 'fastify';
import type { Logger } from 'pino';
import { AppError, AppErrorCode } from './app-error';
import type { RouteTable } from './route-table';

const STATUS: Record<AppErrorCode, number> = {
  'REQUEST.INVALID': HttpStatus.BAD_REQUEST,
  'REQUEST.TOO_LARGE': HttpStatus.PAYLOAD_TOO_LARGE,
  'REQUEST.METHOD_NOT_ALLOWED': HttpStatus.METHOD_NOT_ALLOWED,
  'REQUEST.RATE_LIMITED': HttpStatus.TOO_MANY_REQUESTS,
  'EVENT.CONFLICT': HttpStatus.CONFLICT,
  'LEDGER.UNAVAILABLE': HttpStatus.SERVICE_UNAVAILABLE,
  'STORE.UNAVAILABLE': HttpStatus.SERVICE_UNAVAILABLE,
  'RESOURCE.NOT_FOUND': HttpStatus.NOT_FOUND,
  'AUTH.UNAUTHENTICATED': HttpStatus.UNAUTHORIZED,
  'AUTH.FORBIDDEN': HttpStatus.FORBIDDEN,
};

/** Fastify's own error codes for requests it refuses before any handler runs. */
const FASTIFY_CODES: Record<string, AppErrorCode> = {
  FST_ERR_CTP_BODY_TOO_LARGE: 'REQUEST.TOO_LARGE',
  FST_ERR_CTP_INVALID_MEDIA_TYPE: 'REQUEST.INVALID',
  FST_ERR_CTP_EMPTY_JSON_BODY: 'REQUEST.INVALID',
  FST_ERR_CTP_INVALID_CONTENT_LENGTH: 'REQUEST.INVALID',
};

/** Maps every error to `{ code, message, details? }` with the status of its code; unknown errors are 500 and logged. */
@Catch()
export class AppErrorFilter implements ExceptionFilter {
  constructor(
    private readonly logger: Logger,
    private readonly routes?: RouteTable,
  ) {}

  catch(error: unknown, host: ArgumentsHost): void {
    const http = host.switchToHttp();
    const reply = http.getResponse<FastifyReply>();
    const body = this.methodNotAllowed(error, http.getRequest<FastifyRequest>(), reply) ?? this.toBody(error);
    // RFC 6750: a 401 says which schemes would be accepted.
    if (body.status === HttpStatus.UNAUTHORIZED) void reply.header('www-authenticate', 'Bearer realm="activity-ledger"');
    // Always JSON, whatever the handler had set before it failed (a page rendered for a PDF leaves text/html).
    reply
      .status(body.status)
      .type('application/json; charset=utf-8')
      .send({ code: body.code, message: body.message, ...(body.details === undefined ? {} : { details: body.details }) });
  }

  /**
   * A path served with other methods (whatever refused the request: the router's 404, or Fastify
   * refusing a body for a method it has no route for): 405 naming the methods it serves (Allow).
   */
  private methodNotAllowed(error: unknown, request: FastifyRequest, reply: FastifyReply): { status: number; code: string; message: string; details?: unknown } | undefined {
    if (!this.routes || !request?.url || error instanceof AppError) return undefined;
    const allowed = this.routes.allowedMethods(request.url.split('?')[0]);
    if (allowed.length === 0 || allowed.includes(request.method)) return undefined;
    void reply.header('Allow', allowed.join(', '));
    return { status: STATUS['REQUEST.METHOD_NOT_ALLOWED'], code: 'REQUEST.METHOD_NOT_ALLOWED', message: `${request.method} is not allowed here; allowed: ${allowed.join(', ')}` };
  }

  private toBody(error: unknown): { status: number; code: string; message: string; details?: unknown } {
    if (error instanceof AppError) return { status: STATUS[error.code], code: error.code, message: error.message, details: error.details };
    const fastifyCode = (error as { code?: string }).code;
    if (fastifyCode && FASTIFY_CODES[fastifyCode]) {
      const code = FASTIFY_CODES[fastifyCode];
      return { status: STATUS[code], code, message: (error as Error).message };
    }
    // @fastify/rate-limit refuses with a plain error carrying 429 (its Retry-After header is already set).
    if ((error as { statusCode?: number }).statusCode === HttpStatus.TOO_MANY_REQUESTS) {
      return { status: HttpStatus.TOO_MANY_REQUESTS, code: 'REQUEST.RATE_LIMITED', message: 'too many requests from this address; try again in a minute' };
    }
    if (error instanceof SyntaxError) return { status: 400, code: 'REQUEST.INVALID', message: `body is not valid JSON: ${error.message}` };
    if (error instanceof HttpException) {
      const status = error.getStatus();
      const code = (Object.keys(STATUS) as AppErrorCode[]).find((c) => STATUS[c] === status) ?? `HTTP.${status}`;
      return { status, code, message: error.message };
    }
    this.logger.error({ err: error }, 'unhandled error');
    return { status: 500, code: 'INTERNAL', message: 'internal error' };
  }
}
