import { ApiProperty } from '@nestjs/swagger';
import type { LedgerEvent } from '../envelope';
import { IsIdList } from '../validation/is-id-list';
import { IsOdsCode } from '../validation/is-ods-code';

/**
 * An organisation may no longer see identifiable activity in the listed programmes; the rest of its
 * access stands. Subject: the organisation's ODS code.
 */
export class OrganisationProgrammeAccessRevokedV1 {
  static readonly type = 'OrganisationProgrammeAccessRevoked';
  static readonly version = 1;
  static readonly example: OrganisationProgrammeAccessRevokedV1 = { odsCode: 'RJ1', programmeIds: ['prog-ipc', 'prog-safeguarding'] };

  @ApiProperty({ description: 'ODS code (NHS Organisation Data Service identifier) of the organisation', pattern: '^[A-Z0-9]{3,10}$', example: 'RJ1' })
  @IsOdsCode()
  odsCode!: string;

  @ApiProperty({ description: 'Programmes whose identifiable activity the organisation may no longer see', type: [String], minItems: 1, example: ['prog-ipc', 'prog-safeguarding'] })
  @IsIdList({ nonEmpty: true })
  programmeIds!: string[];
}
export type OrganisationProgrammeAccessRevoked = LedgerEvent<'OrganisationProgrammeAccessRevoked', OrganisationProgrammeAccessRevokedV1>;
