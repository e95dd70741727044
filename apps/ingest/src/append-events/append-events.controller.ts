import { Body, Controller, HttpCode, Post } from '@nestjs/common';
import { ApiAcceptedResponse, ApiBadRequestResponse, ApiBody, ApiConflictResponse, ApiExtraModels, ApiHeader, ApiOperation, ApiTags } from '@nestjs/swagger';
import { knownEventTypes } from '@ledger/events';
import { AppendEventsRequest, AppendEventsResponse } from './append-events.request';
import { AppendEventsService } from '../shared/append-to-ledger/append-events.service';
import { appendEventsExamples } from './event-examples';
import { ClientSource } from '../client-source';


@ApiTags('ingest')
// Every payload class becomes a schema of its own, so each event type's fields are documented.
@ApiExtraModels(...knownEventTypes())
@Controller('v1/events')
export class AppendEventsController {
  constructor(private readonly service: AppendEventsService) {}

  @Post()
  @HttpCode(202)
  @ApiOperation({ summary: 'Append 1–1000 events, all or nothing; answered once the broker has acknowledged every one' })
  @ApiHeader({ name: 'x-client-id', required: false, description: 'The sending client, recorded as each event\'s `source`' })
  @ApiBody({ type: AppendEventsRequest, examples: appendEventsExamples() })
  @ApiAcceptedResponse({ type: AppendEventsResponse })
  @ApiBadRequestResponse({ description: 'Every invalid event index with each bad field; nothing was appended' })
  @ApiConflictResponse({ description: 'An eventId already accepted with different content; nothing was appended' })
  async append(@Body() body: unknown, @ClientSource() source: string): Promise<AppendEventsResponse> {
    return { accepted: await this.service.append(body, source) };
  }
}
