import { IsBoolean, IsNotEmpty, IsNumber, IsString, Min, ValidateIf } from 'class-validator';
import { ApiProperty } from '@nestjs/swagger';
import type { LedgerEvent } from '../envelope';
import { IsAtMostField } from '../validation/is-at-most-field';
import { IsGivenWithField } from '../validation/is-given-with-field';

const given = (field: 'score' | 'maxScore' | 'passMark') => ValidateIf((data: AssessmentScoredV2) => data[field] !== null);

/**
 * An assessment attempt was scored, or passed or failed. `passed` is what the content decided (it may
 * apply rules beyond `passMark`), so it is recorded as reported rather than recomputed. The numbers
 * are null when the content did not send them (a "passed" with no score, no declared pass mark):
 * required, so a missing fact is never mistaken for a default. Version 2; version 1 required every
 * number (`assessment-scored.v1.ts`).
 */
export class AssessmentScoredV2 {
  static readonly type = 'AssessmentScored';
  static readonly version = 2;
  static readonly example: AssessmentScoredV2 = {
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

  @ApiProperty({ type: Number, nullable: true, minimum: 0, description: 'From 0 up to maxScore; null when the content reported no score', example: 8 })
  @given('score')
  @IsNumber({ allowNaN: false, allowInfinity: false })
  @Min(0)
  @IsAtMostField('maxScore')
  @IsGivenWithField('maxScore')
  score!: number | null;

  @ApiProperty({ type: Number, nullable: true, minimum: 0, description: 'The most the score could be; null exactly when score is', example: 10 })
  @given('maxScore')
  @IsNumber({ allowNaN: false, allowInfinity: false })
  @Min(0)
  @IsGivenWithField('score')
  maxScore!: number | null;

  @ApiProperty({ type: Number, nullable: true, minimum: 0, description: 'On the score\'s scale; null when the content declared none (or sent no score)', example: 8 })
  @given('passMark')
  @IsNumber({ allowNaN: false, allowInfinity: false })
  @Min(0)
  @IsAtMostField('maxScore')
  @IsGivenWithField('maxScore')
  passMark!: number | null;

  @ApiProperty({ example: true })
  @IsBoolean()
  passed!: boolean;
}
export type AssessmentScored = LedgerEvent<'AssessmentScored', AssessmentScoredV2>;
