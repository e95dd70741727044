import { IsBoolean, IsEmail, MaxLength } from 'class-validator';
import { ApiProperty } from '@nestjs/swagger';
import type { LedgerEvent } from '../envelope';

/**
 * A learner changed their email address. Whether the new one is a work email is restated, because
 * entitlement to work-email content follows the current address. Subject: the learner id.
 */
export class LearnerEmailChangedV1 {
  static readonly type = 'LearnerEmailChanged';
  static readonly version = 1;
  static readonly example: LearnerEmailChangedV1 = { email: 'aisha.khan@nhs.net', emailIsWorkEmail: true };

  @ApiProperty({ description: 'The new email address', example: 'aisha.khan@nhs.net' })
  @IsEmail()
  @MaxLength(320)
  email!: string;

  @ApiProperty({ description: 'Whether the new email is a work (employer-issued) address', example: true })
  @IsBoolean()
  emailIsWorkEmail!: boolean;
}
export type LearnerEmailChanged = LedgerEvent<'LearnerEmailChanged', LearnerEmailChangedV1>;
