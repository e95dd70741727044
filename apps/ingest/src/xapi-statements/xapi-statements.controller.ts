import { randomUUID } from 'node:crypto';
import { Body, Controller, Get, Headers, HttpCode, Inject, Put, Post, Query, Res, UseGuards, UseInterceptors } from '@nestjs/common';
import {
  ApiBadRequestResponse, ApiBasicAuth, ApiBearerAuth, ApiBody, ApiConflictResponse, ApiUnauthorizedResponse, ApiExtraModels, ApiHeader, ApiNoContentResponse, ApiNotFoundResponse, ApiOkResponse, ApiOperation, ApiQuery, ApiTags, getSchemaPath,
} from '@nestjs/swagger';
import type { FastifyReply } from 'fastify';
import { AppError } from '@ledger/runtime';
import { CLOCK, Clock } from '../tokens';
import { ReceiveContext, readPostedStatements, readPutStatement } from './read-statements';
import { RecordStatementsService } from './record-statements.service';
import { readStatementLookup, STATEMENT_LOOKUP_PARAMETER, StatementLookup, UUID_PATTERN } from './statement-lookup';
import { StoredStatements } from './stored-statements';
import { XapiStatementDto } from './xapi-statement.dto';
import { requireXapiVersion, XAPI_VERSION_HEADER, XAPI_VERSION_HEADER_PATTERN } from './xapi-version';
import { XapiVersionInterceptor } from './xapi-version.interceptor';
import { AuthenticateCaller } from '../authenticate/authenticate-caller.guard';
import { Caller, CallerOf } from '../authenticate/caller';

export const CONSISTENT_THROUGH_HEADER = 'X-Experience-API-Consistent-Through';

/** The xAPI Statements resource (1.0.3 and 2.0): statements in, mapped onto ledger events; single statements out. */
@ApiTags('xapi')
@ApiExtraModels(XapiStatementDto)
@ApiHeader({ name: XAPI_VERSION_HEADER, required: true, description: '1.0.x or 2.0.x; answered with 1.0.3 or 2.0.0 on every response', schema: { type: 'string', pattern: XAPI_VERSION_HEADER_PATTERN, example: '2.0.0' } })
@ApiBadRequestResponse({ description: 'Missing or unsupported version header, or every bad statement and field (`details[].index` is the statement\'s position); nothing was recorded' })
@UseInterceptors(XapiVersionInterceptor)
@UseGuards(AuthenticateCaller)
@ApiBearerAuth()
@ApiBasicAuth()
@ApiUnauthorizedResponse({ description: 'No credentials, or a bearer token or Basic key:secret that is not valid' })
@Controller('xapi/statements')
export class XapiStatementsController {
  constructor(
    private readonly recorder: RecordStatementsService,
    private readonly stored: StoredStatements,
    @Inject(CLOCK) private readonly clock: Clock,
  ) {}

  @Post()
  @HttpCode(200)
  @ApiOperation({ summary: 'Record one statement or an array of up to 500, all or nothing; answered once the ledger holds them' })
  @ApiBody({ schema: { oneOf: [{ $ref: getSchemaPath(XapiStatementDto) }, { type: 'array', items: { $ref: getSchemaPath(XapiStatementDto) }, minItems: 1, maxItems: 500 }] } })
  @ApiOkResponse({ description: 'The statement ids, in request order', schema: { type: 'array', items: { type: 'string', format: 'uuid' } } })
  @ApiConflictResponse({ description: 'A statement id was already recorded with a different statement; nothing was recorded' })
  async post(@Body() body: unknown, @CallerOf() caller: Caller, @Headers(XAPI_VERSION_HEADER) version?: string): Promise<string[]> {
    const context = this.receiveContext(version, caller);
    return this.recorder.record(readPostedStatements(body, context), context.xapiVersion, caller, context.now);
  }

  @Put()
  @HttpCode(204)
  @ApiOperation({ summary: 'Record one statement under the given id; the same statement again changes nothing' })
  @ApiQuery({ name: 'statementId', required: true, description: 'The statement id (UUID)', schema: { type: 'string', pattern: UUID_PATTERN } })
  @ApiBody({ type: XapiStatementDto })
  @ApiNoContentResponse({ description: 'Recorded (or already recorded as the same statement)' })
  @ApiConflictResponse({ description: 'The id was already recorded with a different statement; nothing was recorded' })
  async put(@Body() body: unknown, @CallerOf() caller: Caller, @Query('statementId') statementId?: unknown, @Headers(XAPI_VERSION_HEADER) version?: string): Promise<void> {
    const context = this.receiveContext(version, caller);
    await this.recorder.record([readPutStatement(body, statementId, context)], context.xapiVersion, caller, context.now);
  }

  @Get()
  @ApiOperation({ summary: 'One stored statement, by statementId (404 if unknown or voided) or voidedStatementId (404 unless voided)' })
  @ApiQuery(STATEMENT_LOOKUP_PARAMETER)
  @ApiOkResponse({ type: XapiStatementDto, description: `The statement with stored, timestamp, authority and version. ${CONSISTENT_THROUGH_HEADER}: the projector's watermark — every statement accepted by then can be read` })
  @ApiNotFoundResponse({ description: 'No such statement stored (yet), or it is (not) voided' })
  async get(@Query() query: Record<string, unknown>, @Res({ passthrough: true }) reply: FastifyReply): Promise<Record<string, unknown>> {
    const lookup = readStatementLookup(query);
    const [found, consistentThrough] = await Promise.all([this.stored.find(lookup.statementId), this.stored.consistentThrough()]);
    void reply.header(CONSISTENT_THROUGH_HEADER, consistentThrough);
    if (!found || found.voided !== lookup.voided) throw notFound(lookup, found !== null);
    return found.statement;
  }

  private receiveContext(version: string | undefined, caller: Caller): ReceiveContext {
    return { xapiVersion: requireXapiVersion(version), now: this.clock(), source: caller.clientId, newId: randomUUID };
  }
}

/** 404, saying why when the statement exists but is (not) voided. */
function notFound(lookup: StatementLookup, exists: boolean): AppError {
  const subject = `${lookup.voided ? 'voided statement' : 'statement'} ${lookup.statementId}`;
  if (!exists) return new AppError('RESOURCE.NOT_FOUND', `no ${subject} is stored`);
  const why = lookup.voided ? 'it is not voided' : 'it was voided; ask for it with voidedStatementId';
  return new AppError('RESOURCE.NOT_FOUND', `no ${subject} is stored (${why})`);
}
