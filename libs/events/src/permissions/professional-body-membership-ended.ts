import { IsNotEmpty, IsString } from 'class-validator';
import { ApiProperty } from '@nestjs/swagger';
import type { LedgerEvent } from '../envelope';

/**
 * A learner's membership of a professional body ended, so that body no longer sees their activity.
 * Subject: the learner id.
 */
export class ProfessionalBodyMembershipEndedV1 {
  static readonly type = 'ProfessionalBodyMembershipEnded';
  static readonly version = 1;
  static readonly example: ProfessionalBodyMembershipEndedV1 = { professionalBodyId: 'royal-college-of-nursing' };

  @ApiProperty({ description: 'The professional body the learner is no longer a member of', example: 'royal-college-of-nursing' })
  @IsString()
  @IsNotEmpty()
  professionalBodyId!: string;
}
export type ProfessionalBodyMembershipEnded = LedgerEvent<'ProfessionalBodyMembershipEnded', ProfessionalBodyMembershipEndedV1>;
