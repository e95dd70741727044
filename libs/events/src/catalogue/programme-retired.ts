import { IsNotEmpty, IsString } from 'class-validator';
import { ApiProperty } from '@nestjs/swagger';
import type { LedgerEvent } from '../envelope';

/**
 * A programme was retired: no longer offered, while learners' activity in it stays on their record
 * and in the summarised reports. Subject: the programme id.
 */
export class ProgrammeRetiredV1 {
  static readonly type = 'ProgrammeRetired';
  static readonly version = 1;
  static readonly example: ProgrammeRetiredV1 = { programmeId: 'prog-ipc' };

  @ApiProperty({ description: 'Catalogue id of the retired programme', example: 'prog-ipc' })
  @IsString()
  @IsNotEmpty()
  programmeId!: string;
}
export type ProgrammeRetired = LedgerEvent<'ProgrammeRetired', ProgrammeRetiredV1>;
