import { Body, Controller, HttpCode, Inject, Post } from '@nestjs/common';
import { ApiAcceptedResponse, ApiBadRequestResponse, ApiBody, ApiConflictResponse, ApiHeader, ApiOperation, ApiTags } from '@nestjs/swagger';
import { AppError } from '@ledger/runtime';
import { AppendEventsService } from '../shared/append-to-ledger/append-events.service';
import { CLOCK, Clock } from '../tokens';
import { deriveCommitEvents } from './derive-commit-events';
import { ScormCommitRequest, ScormCommitResponse } from './scorm-commit.request';
import { ClientSource } from '../client-source';


@ApiTags('ingest')
@Controller('v1/scorm/commits')
export class ScormCommitsController {
  constructor(
    private readonly appendEvents: AppendEventsService,
    @Inject(CLOCK) private readonly clock: Clock,
  ) {}

  @Post()
  @HttpCode(202)
  @ApiOperation({ summary: 'Record one SCORM 1.2 or 2004 run-time commit as ledger events; answered once the broker has acknowledged them' })
  @ApiHeader({ name: 'x-client-id', required: false, description: 'The sending client, recorded as each event\'s `source`' })
  @ApiBody({ type: ScormCommitRequest })
  @ApiAcceptedResponse({ type: ScormCommitResponse })
  @ApiBadRequestResponse({ description: 'Every bad field of the commit (`details[0].errors`); nothing was appended' })
  @ApiConflictResponse({ description: 'The commitId was already recorded with different values' })
  async commit(@Body() body: unknown, @ClientSource() source: string): Promise<ScormCommitResponse> {
    const { events, notRecorded } = deriveCommitEvents(body, this.clock());
    const accepted = events.length === 0 ? [] : await this.appendEvents.append({ events }, source).catch(inCommitTerms);
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
