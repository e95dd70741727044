import { IsNotEmpty, IsString, MaxLength } from 'class-validator';
import { ApiProperty } from '@nestjs/swagger';
import type { LedgerEvent } from '../envelope';

/**
 * A learner is recorded as a member of a professional body (a royal college, a foundation school),
 * which may then see their activity in the programmes it is allowed, once they accepted the terms.
 * Subject: the learner id.
 */
export class ProfessionalBodyMembershipRecordedV1 {
  static readonly type = 'ProfessionalBodyMembershipRecorded';
  static readonly version = 1;
  static readonly example: ProfessionalBodyMembershipRecordedV1 = { professionalBodyId: 'royal-college-of-nursing', membershipNumber: '0912345' };

  @ApiProperty({ description: 'The professional body', example: 'royal-college-of-nursing' })
  @IsString()
  @IsNotEmpty()
  professionalBodyId!: string;

  @ApiProperty({ description: 'The learner\'s membership number with that body', example: '0912345' })
  @IsString()
  @IsNotEmpty()
  @MaxLength(50)
  membershipNumber!: string;
}
export type ProfessionalBodyMembershipRecorded = LedgerEvent<'ProfessionalBodyMembershipRecorded', ProfessionalBodyMembershipRecordedV1>;
