import { ApiProperty } from '@nestjs/swagger';
import { LEDGER_ID_SCHEMA } from '../shared/append-to-ledger/ledger-id-schema';
import { SCORM_VERSIONS } from './scorm-commit';

const CMI_DESCRIPTION = [
  'The data-model values the player committed, keyed by element name; values as the SCORM API gives them (strings; numbers are accepted too).',
  'Read for SCORM 1.2: `cmi.core.lesson_status`, `cmi.core.score.raw|min|max`, `cmi.core.session_time` (HHHH:MM:SS.SS), `cmi.student_data.mastery_score` (the pass mark).',
  'Read for SCORM 2004: `cmi.completion_status`, `cmi.success_status`, `cmi.score.scaled` (-1..1, preferred) and `cmi.score.raw|min|max`, `cmi.scaled_passing_score`, `cmi.session_time` (ISO 8601 duration).',
  'Other elements (suspend data, location, interactions…) are ignored. The session time is counted once per commit, so send it with the commit that ends a learner session (as SCORM adds it to total time at LMSFinish / Terminate), not a running total on every commit.',
].join(' ');

export class ScormCommitRequest {
  @ApiProperty({ ...LEDGER_ID_SCHEMA, example: 'learner-42', description: 'The learner; recorded as the events\' subject and actor' })
  learnerId!: string;
  @ApiProperty({ ...LEDGER_ID_SCHEMA, example: 'elfh-session-1042', description: 'Catalogue id of the session (the SCO)' })
  sessionId!: string;
  @ApiProperty({ ...LEDGER_ID_SCHEMA, example: 'att-7f3c', description: 'The attempt; a re-attempt has a new id' })
  attemptId!: string;
  @ApiProperty({
    oneOf: [{ type: 'string', minLength: 1, maxLength: 200, pattern: '\\S' }, { type: 'integer', minimum: 0 }],
    example: 'commit-0003',
    description: 'The client\'s id for this commit, or its sequence number within the attempt. Redelivering a commit with the same id gives the same events, acknowledged without counting twice; reusing the id for different values is refused with 409.',
  })
  commitId!: string | number;
  @ApiProperty({ format: 'date-time', example: '2026-11-24T09:30:00Z', description: 'When the player committed (with a time zone); at most 5 minutes in the future' })
  occurredAt!: string;
  @ApiProperty({ enum: SCORM_VERSIONS, example: '1.2' })
  scormVersion!: string;
  @ApiProperty({
    type: 'object',
    additionalProperties: true,
    description: CMI_DESCRIPTION,
    example: { 'cmi.core.lesson_status': 'passed', 'cmi.core.score.raw': '85', 'cmi.core.score.max': '100', 'cmi.student_data.mastery_score': '80', 'cmi.core.session_time': '0000:12:30.5' },
  })
  cmi!: Record<string, unknown>;
}

export class DerivedEventDto {
  @ApiProperty({ format: 'uuid', description: 'Deterministic (UUID v5 of the commit and the event type)' }) eventId!: string;
  @ApiProperty({ enum: ['SessionAccessed', 'SessionCompleted', 'AssessmentScored'] }) type!: string;
  @ApiProperty({ description: 'Kafka partition the event was appended to' }) partition!: number;
  @ApiProperty({ description: 'Its offset in that partition (decimal string)' }) offset!: string;
}

export class NotRecordedDto {
  @ApiProperty({ example: 'cmi.core.score.raw' }) field!: string;
  @ApiProperty({ example: 'a score without pass or fail is not recorded, since AssessmentScored needs the content\'s decision' }) reason!: string;
}

export class ScormCommitResponse {
  @ApiProperty({ type: [DerivedEventDto], description: 'The events the commit stands for, in ledger order; empty when it reported nothing the ledger records' })
  accepted!: DerivedEventDto[];
  @ApiProperty({ type: [NotRecordedDto], description: 'Valid values the ledger could not hold as sent, and what was recorded instead' })
  notRecorded!: NotRecordedDto[];
}
