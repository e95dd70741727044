import { IsNotEmpty, IsString } from 'class-validator';
import { ApiProperty } from '@nestjs/swagger';
import type { LedgerEvent } from '../envelope';
import { IsIdList } from '../validation/is-id-list';

/**
 * A professional body may see its members' identifiable activity in the listed programmes, in
 * addition to any it could already see. Subject: the professional body id.
 */
export class ProfessionalBodyProgrammeAccessGrantedV1 {
  static readonly type = 'ProfessionalBodyProgrammeAccessGranted';
  static readonly version = 1;
  static readonly example: ProfessionalBodyProgrammeAccessGrantedV1 = { professionalBodyId: 'royal-college-of-nursing', programmeIds: ['prog-ipc'] };

  @ApiProperty({ description: 'The professional body', example: 'royal-college-of-nursing' })
  @IsString()
  @IsNotEmpty()
  professionalBodyId!: string;

  @ApiProperty({ description: 'Programmes whose identifiable activity it may now see', type: [String], minItems: 1, example: ['prog-ipc'] })
  @IsIdList({ nonEmpty: true })
  programmeIds!: string[];
}
export type ProfessionalBodyProgrammeAccessGranted = LedgerEvent<'ProfessionalBodyProgrammeAccessGranted', ProfessionalBodyProgrammeAccessGrantedV1>;
