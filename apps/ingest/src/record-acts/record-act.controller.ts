import { Body, Controller, HttpCode, Inject, Post, UseGuards } from '@nestjs/common';
import { ApiAcceptedResponse, ApiBadRequestResponse, ApiBearerAuth, ApiBody, ApiForbiddenResponse, ApiOperation, ApiTags, ApiUnauthorizedResponse } from '@nestjs/swagger';
import type { Logger } from 'pino';
import { AccessFactsReader, mayCause } from '@ledger/access-policy';
import { AppError } from '@ledger/runtime';
import { AppendEventsService } from '../shared/append-to-ledger/append-events.service';
import { AuthenticateCaller } from '../authenticate/authenticate-caller.guard';
import { Caller, CallerOf, callerName } from '../authenticate/caller';
import { APP_LOGGER, CLOCK, Clock } from '../tokens';
import { RecordActRequest, RecordActResponse } from './record-act.request';

const ACT_FIELDS = new Set(['eventId', 'type', 'version', 'subject', 'data']);

/**
 * Facts a person causes, recorded with that person as `actor` (from their access token, never from
 * the body) once the access policy says they may cause them: a learner's consents, a hub admin's grants,
 * a reporting lead's runner approvals. The web shell posts here with the signed-in person's token.
 */
@ApiTags('ingest')
@ApiBearerAuth()
@UseGuards(AuthenticateCaller)
@Controller('v1/acts')
export class RecordActController {
  constructor(
    private readonly appendEvents: AppendEventsService,
    private readonly facts: AccessFactsReader,
    @Inject(CLOCK) private readonly clock: Clock,
    @Inject(APP_LOGGER) private readonly logger: Logger,
  ) {}

  @Post()
  @HttpCode(202)
  @ApiOperation({ summary: 'Record one fact the signed-in person causes, as its actor; answered once the broker has acknowledged it' })
  @ApiBody({ type: RecordActRequest })
  @ApiAcceptedResponse({ type: RecordActResponse })
  @ApiBadRequestResponse({ description: 'Every bad field (an `actor`, `source` or `occurredAt` in the body is refused: they are set by the ledger)' })
  @ApiUnauthorizedResponse({ description: 'No person\'s access token, or one that is expired, forged or for another API' })
  @ApiForbiddenResponse({ description: 'The person may not cause this fact, or the caller is a client rather than a person; nothing was appended' })
  async record(@Body() body: unknown, @CallerOf() caller: Caller): Promise<RecordActResponse> {
    if (caller.kind !== 'person') {
      this.logger.warn({ ...callerName(caller) }, 'act refused: not a person');
      throw new AppError('AUTH.FORBIDDEN', 'facts a person causes are recorded with a person\'s access token; clients append through /v1/events');
    }
    const act = actFrom(body);
    const actor = await this.facts.viewer(caller.userId);
    const event = { ...act, occurredAt: this.clock().toISOString(), actor: caller.userId };
    const [accepted] = await this.appendEvents.append({ events: [event] }, caller, (parsed) => {
      const decision = mayCause(actor, { type: parsed.type, subject: parsed.subject, data: parsed.data as Record<string, unknown> });
      return decision.allowed ? undefined : decision.reason;
    });
    return accepted;
  }
}

/** The act's own fields; anything the ledger sets (actor, source, occurredAt) is refused by name. */
function actFrom(body: unknown): Record<string, unknown> {
  if (typeof body !== 'object' || body === null || Array.isArray(body)) {
    throw new AppError('REQUEST.INVALID', 'body must be one act: { eventId, type, version, subject, data }', [{ index: 0, errors: [{ field: '', reason: 'must be an object' }] }]);
  }
  const extra = Object.keys(body).filter((key) => !ACT_FIELDS.has(key));
  if (extra.length > 0) {
    const reason = (key: string) => (['actor', 'source', 'occurredAt', 'recordedAt'].includes(key) ? 'is set by the ledger (the actor is you) and must not be sent' : 'is not a field of an act');
    throw new AppError('REQUEST.INVALID', `the act has fields it must not have: ${extra.join(', ')}; nothing was appended`, [{ index: 0, errors: extra.map((field) => ({ field, reason: reason(field) })) }]);
  }
  return body as Record<string, unknown>;
}
