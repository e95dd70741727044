import { ApiProperty } from '@nestjs/swagger';
import { ViewerAuthorisedV1 } from '@ledger/events';

/** A fact a signed-in person records as themselves (documentation; validation is the events lib's parser). */
export class RecordActRequest {
  @ApiProperty({ format: 'uuid', description: 'Client-chosen id; resubmitting the same act is safe', example: '8a7d1f7e-2c4b-4f3e-9a51-6f0f3c2b9d10' })
  eventId!: string;
  @ApiProperty({ example: 'ViewerAuthorised', description: 'A person act: a learner\'s consents, a hub admin\'s grants, a reporting lead\'s runner approvals' })
  type!: string;
  @ApiProperty({ example: 1 })
  version!: number;
  @ApiProperty({ example: 'learner-42', description: 'Who or what it is about (the learner themselves for consents, the ODS code for organisation facts)' })
  subject!: string;
  @ApiProperty({ example: ViewerAuthorisedV1.example })
  data!: object;
}

export class RecordActResponse {
  @ApiProperty() eventId!: string;
  @ApiProperty() partition!: number;
  @ApiProperty() offset!: string;
}
