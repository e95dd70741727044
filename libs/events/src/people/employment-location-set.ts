import { IsNotEmpty, IsString, MaxLength, ValidateIf } from 'class-validator';
import { ApiProperty } from '@nestjs/swagger';
import type { LedgerEvent } from '../envelope';
import { IsOdsCode } from '../validation/is-ods-code';

/**
 * A learner stated where they now work. It replaces any earlier location, and decides which
 * organisation's report runners may see their activity, so "no current NHS workplace" is stated
 * as a null ODS code rather than left out. Subject: the learner id.
 */
export class EmploymentLocationSetV1 {
  static readonly type = 'EmploymentLocationSet';
  static readonly version = 1;
  static readonly example: EmploymentLocationSetV1 = { odsCode: 'RJ1', jobRole: 'Staff Nurse' };

  @ApiProperty({
    description: 'ODS code (NHS Organisation Data Service identifier) of the workplace; null when the learner has no current NHS workplace',
    type: String,
    nullable: true,
    pattern: '^[A-Z0-9]{3,10}$',
    example: 'RJ1',
  })
  @ValidateIf((data: EmploymentLocationSetV1) => data.odsCode !== null)
  @IsOdsCode()
  odsCode!: string | null;

  @ApiProperty({ description: 'Job role as the learner gave it; null when none is recorded', type: String, nullable: true, example: 'Staff Nurse' })
  @ValidateIf((data: EmploymentLocationSetV1) => data.jobRole !== null)
  @IsString()
  @IsNotEmpty()
  @MaxLength(200)
  jobRole!: string | null;
}
export type EmploymentLocationSet = LedgerEvent<'EmploymentLocationSet', EmploymentLocationSetV1>;
