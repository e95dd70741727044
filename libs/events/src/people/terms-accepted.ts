import { IsNotEmpty, IsString, MaxLength } from 'class-validator';
import { ApiProperty } from '@nestjs/swagger';
import type { LedgerEvent } from '../envelope';

/**
 * A learner accepted a version of the terms and conditions. Organisations and professional bodies
 * may see a learner's activity only once they have, so the version accepted is part of the fact.
 * Subject: the learner id.
 */
export class TermsAcceptedV1 {
  static readonly type = 'TermsAccepted';
  static readonly version = 1;
  static readonly example: TermsAcceptedV1 = { termsVersion: '2026-04' };

  @ApiProperty({ description: 'The version of the terms accepted', example: '2026-04' })
  @IsString()
  @IsNotEmpty()
  @MaxLength(50)
  termsVersion!: string;
}
export type TermsAccepted = LedgerEvent<'TermsAccepted', TermsAcceptedV1>;
