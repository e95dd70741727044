import { IsNotEmpty, IsString } from 'class-validator';
import { ApiProperty } from '@nestjs/swagger';
import type { LedgerEvent } from '../envelope';
import { IsOdsCode } from '../validation/is-ods-code';

/**
 * An organisation's reporting lead approved a member of staff to run its identifiable reports. The
 * approving lead is named because the approval holds only while that lead is authorised.
 * Subject: the organisation's ODS code.
 */
export class ReportRunnerApprovedV1 {
  static readonly type = 'ReportRunnerApproved';
  static readonly version = 1;
  static readonly example: ReportRunnerApprovedV1 = { odsCode: 'RJ1', runnerId: 'user-hr-902', leadId: 'user-lead-58' };

  @ApiProperty({ description: 'ODS code (NHS Organisation Data Service identifier) of the organisation', pattern: '^[A-Z0-9]{3,10}$', example: 'RJ1' })
  @IsOdsCode()
  odsCode!: string;

  @ApiProperty({ description: 'The user approved to run the organisation\'s reports', example: 'user-hr-902' })
  @IsString()
  @IsNotEmpty()
  runnerId!: string;

  @ApiProperty({ description: 'The reporting lead who approved them', example: 'user-lead-58' })
  @IsString()
  @IsNotEmpty()
  leadId!: string;
}
export type ReportRunnerApproved = LedgerEvent<'ReportRunnerApproved', ReportRunnerApprovedV1>;
