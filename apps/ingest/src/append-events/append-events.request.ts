import { ApiProperty } from '@nestjs/swagger';
import { SessionAccessedV1 } from '@ledger/events';

/** The envelope a client submits (documentation; validation is done by the events lib's parser). */
export class SubmittedEventDto {
  @ApiProperty({ format: 'uuid', description: 'Client-chosen id; resubmitting the same id with the same content is safe', example: '8a7d1f7e-2c4b-4f3e-9a51-6f0f3c2b9d10' })
  eventId!: string;
  @ApiProperty({ example: 'SessionAccessed', description: 'Past-tense event type' })
  type!: string;
  @ApiProperty({ example: 1 })
  version!: number;
  @ApiProperty({ format: 'date-time', example: '2026-11-24T09:30:00Z', description: 'When it happened (with a time zone); at most 5 minutes in the future' })
  occurredAt!: string;
  @ApiProperty({ example: 'learner-42', description: 'Who it is about (the learner id for learner facts)' })
  subject!: string;
  @ApiProperty({ example: 'learner-42', description: 'Who caused it' })
  actor!: string;
  @ApiProperty({ example: SessionAccessedV1.example, description: 'Payload of `type` at `version`' })
  data!: object;
}

export class AppendEventsRequest {
  @ApiProperty({ type: [SubmittedEventDto], minItems: 1, maxItems: 1000 })
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
