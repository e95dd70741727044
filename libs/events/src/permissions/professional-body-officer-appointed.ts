import { IsNotEmpty, IsString } from 'class-validator';
import { ApiProperty } from '@nestjs/swagger';
import type { LedgerEvent } from '../envelope';

/**
 * A user was appointed an officer of a professional body (a royal college, a foundation school): they
 * see the body's members who accepted the terms, in the programmes the body may see. Appointed by a
 * hub admin. Subject: the professional body id.
 */
export class ProfessionalBodyOfficerAppointedV1 {
  static readonly type = 'ProfessionalBodyOfficerAppointed';
  static readonly version = 1;
  static readonly example: ProfessionalBodyOfficerAppointedV1 = { professionalBodyId: 'royal-college-of-nursing', officerId: 'user-rcn-12' };

  @ApiProperty({ description: 'The professional body', example: 'royal-college-of-nursing' })
  @IsString()
  @IsNotEmpty()
  professionalBodyId!: string;

  @ApiProperty({ description: 'The user who acts for it', example: 'user-rcn-12' })
  @IsString()
  @IsNotEmpty()
  officerId!: string;
}
export type ProfessionalBodyOfficerAppointed = LedgerEvent<'ProfessionalBodyOfficerAppointed', ProfessionalBodyOfficerAppointedV1>;
