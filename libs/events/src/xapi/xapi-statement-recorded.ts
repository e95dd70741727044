import { IsIn, Matches, ValidateBy, ValidationOptions } from 'class-validator';
import { ApiProperty } from '@nestjs/swagger';
import type { LedgerEvent } from '../envelope';
import { isJsonObject, STATEMENT_ID, statementShapeErrors } from './xapi-statement-shape';

/** The xAPI versions statements are received under: the newest patch of each supported line. */
export const XAPI_VERSIONS = ['1.0.3', '2.0.0'] as const;
export type XapiVersion = (typeof XAPI_VERSIONS)[number];

/**
 * An xAPI statement was recorded: the learning record store's own copy of the statement, kept whole
 * so it can be served back and re-mapped later. Its eventId is the statement id, so the ledger's
 * eventId idempotency is xAPI's "same id, same statement: no change; other content: conflict".
 *
 * `statement` is what the client sent, with `id` (lowercase; generated when absent) and `authority`
 * (the client that sent it) set by ingest. `stored` is not in it: it is the event's `recordedAt`,
 * added when the statement is served, because a per-request value here would make every
 * resubmission look like different content. Subject: the learner id derived from the actor.
 */
export class XapiStatementRecordedV1 {
  static readonly type = 'XapiStatementRecorded';
  static readonly version = 1;
  /** The statement's keys and strings are the client's (IRI extension keys, any text): readers keep it as JSON text. */
  static readonly keptAsJsonText = ['statement'] as const;
  static readonly example: XapiStatementRecordedV1 = {
    statementId: '3f6d2b84-7c1e-4a8f-9d25-0b6e41c7a913',
    statement: {
      id: '3f6d2b84-7c1e-4a8f-9d25-0b6e41c7a913',
      actor: { objectType: 'Agent', account: { homePage: 'https://learninghub.example.org', name: 'learner-42' } },
      verb: { id: 'http://adlnet.gov/expapi/verbs/completed', display: { 'en-GB': 'completed' } },
      object: { objectType: 'Activity', id: 'https://learninghub.example.org/sessions/elfh-session-1042' },
      timestamp: '2026-11-24T09:30:00.000Z',
      authority: { objectType: 'Agent', account: { homePage: 'https://activity-ledger.invalid/declared-clients', name: 'player-7' } },
    },
    xapiVersion: '2.0.0',
  };

  @ApiProperty({ description: 'The statement id (lowercase UUID); equal to `statement.id` and to the eventId', example: '3f6d2b84-7c1e-4a8f-9d25-0b6e41c7a913' })
  @Matches(STATEMENT_ID, { message: '$property must be a lowercase UUID' })
  statementId!: string;

  @ApiProperty({ type: 'object', additionalProperties: true, description: 'The statement as received, with `id` and `authority` set by ingest' })
  @IsXapiStatementOf('statementId')
  statement!: Record<string, unknown>;

  @ApiProperty({ enum: XAPI_VERSIONS, description: 'The xAPI version the client declared (X-Experience-API-Version), as the newest patch of its line', example: '2.0.0' })
  @IsIn(XAPI_VERSIONS)
  xapiVersion!: XapiVersion;
}
export type XapiStatementRecorded = LedgerEvent<'XapiStatementRecorded', XapiStatementRecordedV1>;

/** The essential structure of a statement (see xapi-statement-shape.ts) whose `id` is the sibling property `idProperty`. */
function IsXapiStatementOf(idProperty: string, options?: ValidationOptions): PropertyDecorator {
  const problems = (value: unknown, owner: Record<string, unknown>): string[] => {
    const shape = statementShapeErrors(value);
    if (shape.length === 0 && isJsonObject(value) && value.id !== owner[idProperty]) return [`id must equal ${idProperty}`];
    return shape.map((e) => (e.field ? `${e.field} ${e.reason}` : e.reason));
  };
  return ValidateBy(
    {
      name: 'isXapiStatement',
      validator: {
        validate: (value, args) => problems(value, args?.object as Record<string, unknown>).length === 0,
        defaultMessage: (args) => `${args?.property} is not a valid xAPI statement: ${problems(args?.value, args?.object as Record<string, unknown>).join('; ')}`,
      },
    },
    options,
  );
}
