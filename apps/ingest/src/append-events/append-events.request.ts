import { ApiProperty } from '@nestjs/swagger';
import { knownEventTypes, SessionAccessedV1 } from '@ledger/events';
import { LEDGER_ID_SCHEMA, UUID_SCHEMA } from '../shared/append-to-ledger/ledger-id-schema';

/** The envelope a client submits (documentation; validation is done by the events lib's parser). */
export class SubmittedEventDto {
  @ApiProperty({
    ...UUID_SCHEMA,
    description: 'Client-chosen id; resubmitting the same id with the same content is safe',
    example: '8a7d1f7e-2c4b-4f3e-9a51-6f0f3c2b9d10',
  })
  eventId!: string;
  @ApiProperty({ enum: knownEventTypes().map((payload) => payload.type), example: 'SessionAccessed', description: 'Past-tense event type' })
  type!: string;
  @ApiProperty({ type: 'integer', minimum: 1, example: 1, description: 'Payload version: the type\'s current one, or an older one that is upcast' })
  version!: number;
  @ApiProperty({ format: 'date-time', example: '2026-11-24T09:30:00Z', description: 'When it happened (with a time zone); at most 5 minutes in the future' })
  occurredAt!: string;
  @ApiProperty({ ...LEDGER_ID_SCHEMA, example: 'learner-42', description: 'Who it is about (the learner id for learner facts)' })
  subject!: string;
  @ApiProperty({ ...LEDGER_ID_SCHEMA, example: 'learner-42', description: 'Who caused it' })
  actor!: string;
  @ApiProperty({ example: SessionAccessedV1.example, description: 'Payload of `type` at `version`' })
  data!: object;
}

export class AppendEventsRequest {
  @ApiProperty({ type: [SubmittedEventDto], minItems: 1, maxItems: 1000, description: 'Every eventId at most once' })
  events!: SubmittedEventDto[];
}

export class AcceptedEventDto {
  @ApiProperty() eventId!: string;
  @ApiProperty({ description: 'Kafka partition the event was appended to' }) partition!: number;
  @ApiProperty({ description: 'Its offset in that partition (decimal string)' }) offset!: string;
}

export class AppendEventsResponse {
  @ApiProperty({ type: [AcceptedEventDto] })
  accepted!: AcceptedEventDto[];
}
