import { IsNotEmpty, IsString } from 'class-validator';
import { ApiProperty } from '@nestjs/swagger';
import type { LedgerEvent } from '../envelope';
import { IsIdList } from '../validation/is-id-list';

/** A professional body may no longer see its members' activity in the listed programmes. Subject: the professional body id. */
export class ProfessionalBodyProgrammeAccessRevokedV1 {
  static readonly type = 'ProfessionalBodyProgrammeAccessRevoked';
  static readonly version = 1;
  static readonly example: ProfessionalBodyProgrammeAccessRevokedV1 = { professionalBodyId: 'royal-college-of-nursing', programmeIds: ['prog-ipc'] };

  @ApiProperty({ description: 'The professional body', example: 'royal-college-of-nursing' })
  @IsString()
  @IsNotEmpty()
  professionalBodyId!: string;

  @ApiProperty({ description: 'Programmes whose identifiable activity it may no longer see', type: [String], minItems: 1, example: ['prog-ipc'] })
  @IsIdList({ nonEmpty: true })
  programmeIds!: string[];
}
export type ProfessionalBodyProgrammeAccessRevoked = LedgerEvent<'ProfessionalBodyProgrammeAccessRevoked', ProfessionalBodyProgrammeAccessRevokedV1>;
