import { IsNotEmpty, IsString } from 'class-validator';
import { ApiProperty } from '@nestjs/swagger';
import type { LedgerEvent } from '../envelope';
import { IsOdsCode } from '../validation/is-ods-code';

/** An organisation's reporting lead removed a report runner, who can no longer run its identifiable reports. Subject: the organisation's ODS code. */
export class ReportRunnerRemovedV1 {
  static readonly type = 'ReportRunnerRemoved';
  static readonly version = 1;
  static readonly example: ReportRunnerRemovedV1 = { odsCode: 'RJ1', runnerId: 'user-hr-902', leadId: 'user-lead-58' };

  @ApiProperty({ description: 'ODS code (NHS Organisation Data Service identifier) of the organisation', pattern: '^[A-Z0-9]{3,10}$', example: 'RJ1' })
  @IsOdsCode()
  odsCode!: string;

  @ApiProperty({ description: 'The user who may no longer run the organisation\'s reports', example: 'user-hr-902' })
  @IsString()
  @IsNotEmpty()
  runnerId!: string;

  @ApiProperty({ description: 'The reporting lead who removed them', example: 'user-lead-58' })
  @IsString()
  @IsNotEmpty()
  leadId!: string;
}
export type ReportRunnerRemoved = LedgerEvent<'ReportRunnerRemoved', ReportRunnerRemovedV1>;
