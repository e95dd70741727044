import { Body, Controller, HttpCode, Post, UseGuards } from '@nestjs/common';
import {
  ApiAcceptedResponse, ApiBadRequestResponse, ApiBearerAuth, ApiBody, ApiConflictResponse, ApiExtraModels, ApiForbiddenResponse, ApiOperation, ApiTags, ApiUnauthorizedResponse,
} from '@nestjs/swagger';
import { knownEventTypes } from '@ledger/events';
import { AppendEventsRequest, AppendEventsResponse } from './append-events.request';
import { AppendEventsService } from '../shared/append-to-ledger/append-events.service';
import { appendEventsExamples } from './event-examples';
import { AuthenticateCaller } from '../authenticate/authenticate-caller.guard';
import { clientFamiliesAllow } from '../authenticate/authorise-appends';
import { Caller, CallerOf } from '../authenticate/caller';
@ApiTags('ingest')
@ApiBearerAuth()
@UseGuards(AuthenticateCaller)
@ApiUnauthorizedResponse({ description: 'No access token, or one that is expired, forged or for another API' })
@ApiForbiddenResponse({ description: 'The client may not append some of these event families (each named by index); nothing was appended' })
// Every payload class becomes a schema of its own, so each event type's fields are documented.
@ApiExtraModels(...knownEventTypes())
@Controller('v1/events')
export class AppendEventsController {
  constructor(private readonly service: AppendEventsService) {}

  @Post()
  @HttpCode(202)
  @ApiOperation({ summary: 'Append 1–1000 events, all or nothing; answered once the broker has acknowledged every one. Each event\'s `source` is the authenticated client' })
  @ApiBody({ type: AppendEventsRequest, examples: appendEventsExamples() })
  @ApiAcceptedResponse({ type: AppendEventsResponse })
  @ApiBadRequestResponse({ description: 'Every invalid event index with each bad field; nothing was appended' })
  @ApiConflictResponse({ description: 'An eventId already accepted with different content; nothing was appended' })
  async append(@Body() body: unknown, @CallerOf() caller: Caller): Promise<AppendEventsResponse> {
    return { accepted: await this.service.append(body, caller, clientFamiliesAllow(caller)) };
  }
}
