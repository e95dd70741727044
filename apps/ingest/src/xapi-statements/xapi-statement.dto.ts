import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';

/**
 * An xAPI statement (1.0.3 or 2.0) as a client sends it (documentation; the checks are in
 * validate-statement.ts). Properties not listed here are kept as sent.
 */
export class XapiStatementDto {
  @ApiPropertyOptional({ format: 'uuid', description: 'The statement id; generated (UUID v4) when a POSTed statement has none', example: '3f6d2b84-7c1e-4a8f-9d25-0b6e41c7a913' })
  id?: string;

  @ApiProperty({
    type: 'object',
    additionalProperties: true,
    description:
      'Agent or identified Group with exactly one of mbox, mbox_sha1sum, openid, account. The learner id is account.name; ' +
      'for an email identity it is `mbox_sha1sum:` + the SHA-1 of the mailto IRI (so mbox and mbox_sha1sum give the same learner); for openid, the URI.',
    example: { objectType: 'Agent', account: { homePage: 'https://learninghub.example.org', name: 'learner-42' } },
  })
  actor!: object;

  @ApiProperty({ type: 'object', additionalProperties: true, description: 'verb.id is an absolute IRI; the ADL verbs launched, initialized, attempted, completed, passed, failed, scored and voided are mapped to activity events', example: { id: 'http://adlnet.gov/expapi/verbs/passed' } })
  verb!: object;

  @ApiProperty({ type: 'object', additionalProperties: true, description: 'An Activity (its id is the session id), Agent, Group, StatementRef (required for voided) or SubStatement', example: { id: 'https://learninghub.example.org/sessions/elfh-session-1042' } })
  object!: object;

  @ApiPropertyOptional({
    type: 'object',
    additionalProperties: true,
    description: 'duration (ISO 8601) is the time spent for access verbs; score (raw with max, else scaled) and success feed AssessmentScored',
    example: { score: { raw: 8, min: 0, max: 10 }, success: true, duration: 'PT12M30S' },
  })
  result?: object;

  @ApiPropertyOptional({
    type: 'object',
    additionalProperties: true,
    description: 'registration is the attempt id (else the statement id); the cmi5 masteryscore extension (scaled 0..1) is the pass mark (else 0)',
    example: { registration: 'ec231277-b27b-4c15-8291-d29225b2b8f7', extensions: { 'https://w3id.org/xapi/cmi5/context/extensions/masteryscore': 0.8 } },
  })
  context?: object;

  @ApiPropertyOptional({ format: 'date-time', description: 'When it happened (RFC 3339 with a zone; at most 5 minutes ahead); the stored time when absent', example: '2026-11-24T09:30:00.000Z' })
  timestamp?: string;
}
