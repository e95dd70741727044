import { IsBoolean, IsNotEmpty, IsString, MaxLength } from 'class-validator';
import { ApiProperty } from '@nestjs/swagger';
import type { LedgerEvent } from '../envelope';

/**
 * A programme was created or redefined: the top of the catalogue, grouping the courses and learning
 * paths that name it. Each definition is complete and replaces the previous one. Subject: the programme id.
 */
export class ProgrammeDefinedV1 {
  static readonly type = 'ProgrammeDefined';
  static readonly version = 1;
  static readonly example: ProgrammeDefinedV1 = {
    programmeId: 'prog-ipc',
    title: 'Infection Prevention and Control',
    issuesCertificate: true,
    omitsSummaryFromCertificate: false,
  };

  @ApiProperty({ description: 'Catalogue id of the programme', example: 'prog-ipc' })
  @IsString()
  @IsNotEmpty()
  programmeId!: string;

  @ApiProperty({ description: 'Title as learners and certificates show it', example: 'Infection Prevention and Control' })
  @IsString()
  @IsNotEmpty()
  @MaxLength(500)
  title!: string;

  @ApiProperty({ description: 'Whether completing every session of the programme earns a certificate', example: true })
  @IsBoolean()
  issuesCertificate!: boolean;

  @ApiProperty({ description: 'Whether its certificate leaves out the summary pages (page 1 only)', example: false })
  @IsBoolean()
  omitsSummaryFromCertificate!: boolean;
}
export type ProgrammeDefined = LedgerEvent<'ProgrammeDefined', ProgrammeDefinedV1>;
