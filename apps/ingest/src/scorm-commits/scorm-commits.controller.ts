import { Body, Controller, HttpCode, Inject, Post, UseGuards } from '@nestjs/common';
import { ApiAcceptedResponse, ApiBadRequestResponse, ApiBearerAuth, ApiBody, ApiConflictResponse, ApiOperation, ApiTags, ApiUnauthorizedResponse } from '@nestjs/swagger';
import { AppError } from '@ledger/runtime';
import { AppendEventsService } from '../shared/append-to-ledger/append-events.service';
import { CLOCK, Clock } from '../tokens';
import { deriveCommitEvents } from './derive-commit-events';
import { ScormCommitRequest, ScormCommitResponse } from './scorm-commit.request';
import { AuthenticateCaller } from '../authenticate/authenticate-caller.guard';
import { clientFamiliesAllow } from '../authenticate/authorise-appends';
import { Caller, CallerOf } from '../authenticate/caller';
@ApiTags('ingest')
@ApiBearerAuth()
@UseGuards(AuthenticateCaller)
@ApiUnauthorizedResponse({ description: 'No access token, or one that is expired, forged or for another API' })
@Controller('v1/scorm/commits')
export class ScormCommitsController {
  constructor(
    private readonly appendEvents: AppendEventsService,
    @Inject(CLOCK) private readonly clock: Clock,
  ) {}

  @Post()
  @HttpCode(202)
  @ApiOperation({ summary: 'Record one SCORM 1.2 or 2004 run-time commit as ledger events; answered once the broker has acknowledged them' })
  @ApiBody({ type: ScormCommitRequest })
  @ApiAcceptedResponse({ type: ScormCommitResponse })
  @ApiBadRequestResponse({ description: 'Every bad field of the commit (`details[0].errors`); nothing was appended' })
  @ApiConflictResponse({ description: 'The commitId was already recorded with different values' })
  async commit(@Body() body: unknown, @CallerOf() caller: Caller): Promise<ScormCommitResponse> {
    const { events, notRecorded } = deriveCommitEvents(body, this.clock());
    const accepted = events.length === 0 ? [] : await this.appendEvents.append({ events }, caller, clientFamiliesAllow(caller)).catch(inCommitTerms);
    return { accepted: accepted.map((position, i) => ({ ...position, type: events[i].type })), notRecorded };
  }
}

/** A conflict on a derived eventId means the commitId was reused with other values: say so in the client's terms. */
function inCommitTerms(error: unknown): never {
  if (error instanceof AppError && error.code === 'EVENT.CONFLICT') {
    throw new AppError('EVENT.CONFLICT', 'this commitId was already recorded with different values; nothing was appended', [
      { index: 0, errors: [{ field: 'commitId', reason: 'was already recorded with different values' }] },
    ]);
  }
  throw error;
}
