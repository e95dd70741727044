import { IsIn, IsNotEmpty, IsString, MaxLength, ValidateIf } from 'class-validator';
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
 * identifiable reports. The hub records it (the event's actor is the hub admin who recorded it) on
 * the word of the person who authorised it, so that person is part of the fact: their role (only
 * those roles can vouch for a lead), name, and organisation with its ODS code.
 * Version 2 names the authoriser; version 1 had the role only (see `reporting-lead-authorised.v1.ts`).
 * Subject: the organisation's ODS code.
 */
export class ReportingLeadAuthorisedV2 {
  static readonly type = 'ReportingLeadAuthorised';
  static readonly version = 2;
  static readonly example: ReportingLeadAuthorisedV2 = {
    odsCode: 'RJ1',
    leadId: 'user-lead-58',
    authorisedByRole: 'caldicott-guardian',
    authorisedByName: 'Dr Priya Raman',
    authorisedByOrganisationName: "Guy's and St Thomas' NHS Foundation Trust",
    authorisedByOdsCode: 'RJ1',
  };

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

  @ApiProperty({ description: 'Name of the person who authorised the lead; null only for authorisations recorded before version 2', type: String, nullable: true, example: 'Dr Priya Raman' })
  @ValidateIf((data: ReportingLeadAuthorisedV2) => data.authorisedByName !== null)
  @IsString()
  @IsNotEmpty()
  @MaxLength(200)
  authorisedByName!: string | null;

  @ApiProperty({ description: 'Name of the authoriser\'s organisation; null only before version 2', type: String, nullable: true, example: "Guy's and St Thomas' NHS Foundation Trust" })
  @ValidateIf((data: ReportingLeadAuthorisedV2) => data.authorisedByOrganisationName !== null)
  @IsString()
  @IsNotEmpty()
  @MaxLength(300)
  authorisedByOrganisationName!: string | null;

  @ApiProperty({ description: 'ODS code of the authoriser\'s organisation; null only before version 2', type: String, nullable: true, pattern: '^[A-Z0-9]{3,10}$', example: 'RJ1' })
  @ValidateIf((data: ReportingLeadAuthorisedV2) => data.authorisedByOdsCode !== null)
  @IsOdsCode()
  authorisedByOdsCode!: string | null;
}
export type ReportingLeadAuthorised = LedgerEvent<'ReportingLeadAuthorised', ReportingLeadAuthorisedV2>;
