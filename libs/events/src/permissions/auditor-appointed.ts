import { IsNotEmpty, IsString } from 'class-validator';
import { ApiProperty } from '@nestjs/swagger';
import type { LedgerEvent } from '../envelope';

/**
 * A user was appointed auditor: they may see the trail of who viewed identifiable data and replay
 * history, but an auditor sees no learner's activity through this role. Appointed by a hub admin.
 * Subject: the user id.
 */
export class AuditorAppointedV1 {
  static readonly type = 'AuditorAppointed';
  static readonly version = 1;
  static readonly example: AuditorAppointedV1 = { userId: 'user-audit-3' };

  @ApiProperty({ description: 'The user who became an auditor', example: 'user-audit-3' })
  @IsString()
  @IsNotEmpty()
  userId!: string;
}
export type AuditorAppointed = LedgerEvent<'AuditorAppointed', AuditorAppointedV1>;
