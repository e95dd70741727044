import { IsNotEmpty, IsString } from 'class-validator';
import { ApiProperty } from '@nestjs/swagger';
import type { LedgerEvent } from '../envelope';

/** A user stopped being a hub admin; from then on they see only what other grants allow. Subject: the user id. */
export class HubAdminRevokedV1 {
  static readonly type = 'HubAdminRevoked';
  static readonly version = 1;
  static readonly example: HubAdminRevokedV1 = { userId: 'user-ops-17' };

  @ApiProperty({ description: 'The user who is no longer a hub admin', example: 'user-ops-17' })
  @IsString()
  @IsNotEmpty()
  userId!: string;
}
export type HubAdminRevoked = LedgerEvent<'HubAdminRevoked', HubAdminRevokedV1>;
