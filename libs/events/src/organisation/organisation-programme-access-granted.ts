import { ApiProperty } from '@nestjs/swagger';
import type { LedgerEvent } from '../envelope';
import { IsIdList } from '../validation/is-id-list';
import { IsOdsCode } from '../validation/is-ods-code';

/**
 * An organisation was allowed to see identifiable activity of its own staff in the listed programmes,
 * in addition to any it could already see. Anonymised reports need no such grant.
 * Subject: the organisation's ODS code.
 */
export class OrganisationProgrammeAccessGrantedV1 {
  static readonly type = 'OrganisationProgrammeAccessGranted';
  static readonly version = 1;
  static readonly example: OrganisationProgrammeAccessGrantedV1 = { odsCode: 'RJ1', programmeIds: ['prog-ipc', 'prog-safeguarding'] };

  @ApiProperty({ description: 'ODS code (NHS Organisation Data Service identifier) of the organisation', pattern: '^[A-Z0-9]{3,10}$', example: 'RJ1' })
  @IsOdsCode()
  odsCode!: string;

  @ApiProperty({ description: 'Programmes whose identifiable activity the organisation may now see', type: [String], minItems: 1, example: ['prog-ipc', 'prog-safeguarding'] })
  @IsIdList({ nonEmpty: true })
  programmeIds!: string[];
}
export type OrganisationProgrammeAccessGranted = LedgerEvent<'OrganisationProgrammeAccessGranted', OrganisationProgrammeAccessGrantedV1>;
