import { IsBoolean, IsEmail, IsNotEmpty, IsString, MaxLength, ValidateIf } from 'class-validator';
import { ApiProperty } from '@nestjs/swagger';
import type { LedgerEvent } from '../envelope';

/**
 * A learner registered with the hub, with their name and email as they gave them. Whether the email
 * is a work email is recorded because it can entitle the learner to more content. Subject: the learner id.
 * Version 2 holds the name in two parts so reports can sort and certificates can address by family
 * name; version 1 had one `fullName` (see `learner-registered.v1.ts`).
 */
export class LearnerRegisteredV2 {
  static readonly type = 'LearnerRegistered';
  static readonly version = 2;
  static readonly example: LearnerRegisteredV2 = {
    givenName: 'Aisha',
    familyName: 'Khan',
    email: 'aisha.khan@nhs.net',
    emailIsWorkEmail: true,
  };

  @ApiProperty({ description: 'Given name(s), as the learner wants them printed', example: 'Aisha' })
  @IsString()
  @IsNotEmpty()
  @MaxLength(200)
  givenName!: string;

  @ApiProperty({ description: 'Family name; null for a learner who has a single name', type: String, nullable: true, example: 'Khan' })
  @ValidateIf((data: LearnerRegisteredV2) => data.familyName !== null)
  @IsString()
  @IsNotEmpty()
  @MaxLength(200)
  familyName!: string | null;

  @ApiProperty({ description: 'Email address the learner registered with', example: 'aisha.khan@nhs.net' })
  @IsEmail()
  @MaxLength(320)
  email!: string;

  @ApiProperty({ description: 'Whether the email is a work (employer-issued) address', example: true })
  @IsBoolean()
  emailIsWorkEmail!: boolean;
}
export type LearnerRegistered = LedgerEvent<'LearnerRegistered', LearnerRegisteredV2>;
