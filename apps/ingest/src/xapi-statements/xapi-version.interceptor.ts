import { CallHandler, ExecutionContext, Injectable, NestInterceptor } from '@nestjs/common';
import type { FastifyReply, FastifyRequest } from 'fastify';
import type { Observable } from 'rxjs';
import { negotiateXapiVersion, NEWEST_XAPI_VERSION, requireXapiVersion, XAPI_VERSION_HEADER } from './xapi-version';

/**
 * Every xAPI route: sets X-Experience-API-Version on the response, errors included, since xAPI
 * clients read it from every answer, then refuses a request without a supported version (400 naming
 * the header). Requests Fastify refuses before any route runs (malformed JSON) go without it.
 */
@Injectable()
export class XapiVersionInterceptor implements NestInterceptor {
  intercept(context: ExecutionContext, next: CallHandler): Observable<unknown> {
    const http = context.switchToHttp();
    const header = http.getRequest<FastifyRequest>().headers[XAPI_VERSION_HEADER.toLowerCase()];
    void http.getResponse<FastifyReply>().header(XAPI_VERSION_HEADER, negotiateXapiVersion(header) ?? NEWEST_XAPI_VERSION);
    requireXapiVersion(header);
    return next.handle();
  }
}
