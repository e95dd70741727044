import { IsNotEmpty, IsString } from 'class-validator';
import { ApiProperty } from '@nestjs/swagger';
import type { LedgerEvent } from '../envelope';
import { IsOdsCode } from '../validation/is-ods-code';

/**
 * An organisation withdrew a reporting lead's authorisation. Runners the lead approved stand only as
 * long as an authorised lead does, so this also ends their access. Subject: the organisation's ODS code.
 */
export class ReportingLeadRevokedV1 {
  static readonly type = 'ReportingLeadRevoked';
  static readonly version = 1;
  static readonly example: ReportingLeadRevokedV1 = { odsCode: 'RJ1', leadId: 'user-lead-58' };

  @ApiProperty({ description: 'ODS code (NHS Organisation Data Service identifier) of the organisation', pattern: '^[A-Z0-9]{3,10}$', example: 'RJ1' })
  @IsOdsCode()
  odsCode!: string;

  @ApiProperty({ description: 'The user who is no longer a reporting lead there', example: 'user-lead-58' })
  @IsString()
  @IsNotEmpty()
  leadId!: string;
}
export type ReportingLeadRevoked = LedgerEvent<'ReportingLeadRevoked', ReportingLeadRevokedV1>;
