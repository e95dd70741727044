import { IsNotEmpty, IsString } from 'class-validator';
import { ApiProperty } from '@nestjs/swagger';
import type { LedgerEvent } from '../envelope';

/**
 * A user was made a hub admin, who may see every learner's identifiable activity. Such a grant is
 * made by another admin, so the payload names the grantee. Subject: the user id.
 */
export class HubAdminGrantedV1 {
  static readonly type = 'HubAdminGranted';
  static readonly version = 1;
  static readonly example: HubAdminGrantedV1 = { userId: 'user-ops-17' };

  @ApiProperty({ description: 'The user who became a hub admin', example: 'user-ops-17' })
  @IsString()
  @IsNotEmpty()
  userId!: string;
}
export type HubAdminGranted = LedgerEvent<'HubAdminGranted', HubAdminGrantedV1>;
