import { IsNotEmpty, IsString } from 'class-validator';
import { ApiProperty } from '@nestjs/swagger';
import type { LedgerEvent } from '../envelope';

/** A user stopped being an auditor and no longer reaches the audit trail. Subject: the user id. */
export class AuditorAppointmentEndedV1 {
  static readonly type = 'AuditorAppointmentEnded';
  static readonly version = 1;
  static readonly example: AuditorAppointmentEndedV1 = { userId: 'user-audit-3' };

  @ApiProperty({ description: 'The user who is no longer an auditor', example: 'user-audit-3' })
  @IsString()
  @IsNotEmpty()
  userId!: string;
}
export type AuditorAppointmentEnded = LedgerEvent<'AuditorAppointmentEnded', AuditorAppointmentEndedV1>;
