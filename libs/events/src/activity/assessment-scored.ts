import { IsBoolean, IsNotEmpty, IsNumber, IsString, Min } from 'class-validator';
import { ApiProperty } from '@nestjs/swagger';
import type { LedgerEvent } from '../envelope';
import { IsAtMostField } from '../validation/is-at-most-field';

/**
 * An assessment attempt was scored. `passed` is what the content decided (it may apply rules beyond
 * `passMark`), so it is recorded as reported rather than recomputed.
 */
export class AssessmentScoredV1 {
  static readonly type = 'AssessmentScored';
  static readonly version = 1;
  static readonly example: AssessmentScoredV1 = {
    sessionId: 'elfh-session-1042',
    attemptId: 'att-7f3c',
    score: 8,
    maxScore: 10,
    passMark: 8,
    passed: true,
  };

  @ApiProperty({ example: 'elfh-session-1042' })
  @IsString()
  @IsNotEmpty()
  sessionId!: string;

  @ApiProperty({ example: 'att-7f3c' })
  @IsString()
  @IsNotEmpty()
  attemptId!: string;

  @ApiProperty({ example: 8 })
  @IsNumber({ allowNaN: false, allowInfinity: false })
  @Min(0)
  @IsAtMostField('maxScore')
  score!: number;

  @ApiProperty({ example: 10 })
  @IsNumber({ allowNaN: false, allowInfinity: false })
  @Min(0)
  maxScore!: number;

  @ApiProperty({ example: 8 })
  @IsNumber({ allowNaN: false, allowInfinity: false })
  @Min(0)
  @IsAtMostField('maxScore')
  passMark!: number;

  @ApiProperty({ example: true })
  @IsBoolean()
  passed!: boolean;
}
export type AssessmentScored = LedgerEvent<'AssessmentScored', AssessmentScoredV1>;
