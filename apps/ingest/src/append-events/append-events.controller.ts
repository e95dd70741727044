import { Body, Controller, Headers, HttpCode, Post } from '@nestjs/common';
import { ApiAcceptedResponse, ApiBadRequestResponse, ApiBody, ApiHeader, ApiOperation, ApiTags } from '@nestjs/swagger';
import { AppendEventsRequest, AppendEventsResponse } from './append-events.request';
import { AppendEventsService } from './append-events.service';

/** Until clients authenticate (a later issue), the source is the client id they declare. */
const UNDECLARED_SOURCE = 'undeclared-client';

@ApiTags('ingest')
@Controller('v1/events')
export class AppendEventsController {
  constructor(private readonly service: AppendEventsService) {}

  @Post()
  @HttpCode(202)
  @ApiOperation({ summary: 'Append 1–1000 events, all or nothing; answered once the broker has acknowledged every one' })
  @ApiHeader({ name: 'x-client-id', required: false, description: 'The sending client, recorded as each event\'s `source`' })
  @ApiBody({ type: AppendEventsRequest })
  @ApiAcceptedResponse({ type: AppendEventsResponse })
  @ApiBadRequestResponse({ description: 'Every invalid event index with each bad field; nothing was appended' })
  async append(@Body() body: unknown, @Headers('x-client-id') clientId?: string): Promise<AppendEventsResponse> {
    return { accepted: await this.service.append(body, clientId?.trim() || UNDECLARED_SOURCE) };
  }
}
