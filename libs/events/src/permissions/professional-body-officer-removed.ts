import { IsNotEmpty, IsString } from 'class-validator';
import { ApiProperty } from '@nestjs/swagger';
import type { LedgerEvent } from '../envelope';

/** A user no longer acts for a professional body and sees none of its members through it. Subject: the professional body id. */
export class ProfessionalBodyOfficerRemovedV1 {
  static readonly type = 'ProfessionalBodyOfficerRemoved';
  static readonly version = 1;
  static readonly example: ProfessionalBodyOfficerRemovedV1 = { professionalBodyId: 'royal-college-of-nursing', officerId: 'user-rcn-12' };

  @ApiProperty({ description: 'The professional body', example: 'royal-college-of-nursing' })
  @IsString()
  @IsNotEmpty()
  professionalBodyId!: string;

  @ApiProperty({ description: 'The user who no longer acts for it', example: 'user-rcn-12' })
  @IsString()
  @IsNotEmpty()
  officerId!: string;
}
export type ProfessionalBodyOfficerRemoved = LedgerEvent<'ProfessionalBodyOfficerRemoved', ProfessionalBodyOfficerRemovedV1>;
