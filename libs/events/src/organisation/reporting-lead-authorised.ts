import { IsIn, IsNotEmpty, IsString } from 'class-validator';
import { ApiProperty } from '@nestjs/swagger';
import type { LedgerEvent } from '../envelope';
import { IsOdsCode } from '../validation/is-ods-code';

/**
 * Who may authorise an organisation's reporting lead: its HR director, its SIRO (Senior Information
 * Risk Owner) or its Caldicott Guardian (the person accountable for patient and staff confidentiality);
 * at a GP surgery, the practice manager.
 */
export const LEAD_AUTHORISER_ROLES = ['hr-director', 'siro', 'caldicott-guardian', 'practice-manager'] as const;
export type LeadAuthoriserRole = (typeof LEAD_AUTHORISER_ROLES)[number];

/**
 * An organisation authorised a reporting lead, who may then approve the staff allowed to run its
 * identifiable reports. The authoriser's role is part of the fact because only those roles can
 * vouch for a lead. Subject: the organisation's ODS code.
 */
export class ReportingLeadAuthorisedV1 {
  static readonly type = 'ReportingLeadAuthorised';
  static readonly version = 1;
  static readonly example: ReportingLeadAuthorisedV1 = { odsCode: 'RJ1', leadId: 'user-lead-58', authorisedByRole: 'caldicott-guardian' };

  @ApiProperty({ description: 'ODS code (NHS Organisation Data Service identifier) of the organisation', pattern: '^[A-Z0-9]{3,10}$', example: 'RJ1' })
  @IsOdsCode()
  odsCode!: string;

  @ApiProperty({ description: 'The user authorised as reporting lead', example: 'user-lead-58' })
  @IsString()
  @IsNotEmpty()
  leadId!: string;

  @ApiProperty({ description: 'The role of the person who authorised the lead', enum: LEAD_AUTHORISER_ROLES, example: 'caldicott-guardian' })
  @IsIn(LEAD_AUTHORISER_ROLES)
  authorisedByRole!: LeadAuthoriserRole;
}
export type ReportingLeadAuthorised = LedgerEvent<'ReportingLeadAuthorised', ReportingLeadAuthorisedV1>;
