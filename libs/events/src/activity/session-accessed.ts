import { IsInt, IsNotEmpty, IsString, Max, Min } from 'class-validator';
import { ApiProperty } from '@nestjs/swagger';
import type { LedgerEvent } from '../envelope';

/** A learner opened a session (one access within an attempt) and spent `timeSpentSeconds` in it. */
export class SessionAccessedV1 {
  static readonly type = 'SessionAccessed';
  static readonly version = 1;
  static readonly example: SessionAccessedV1 = { sessionId: 'elfh-session-1042', attemptId: 'att-7f3c', timeSpentSeconds: 420 };

  @ApiProperty({ description: 'Catalogue id of the session', example: 'elfh-session-1042' })
  @IsString()
  @IsNotEmpty()
  sessionId!: string;

  @ApiProperty({ description: 'The attempt this access belongs to (a re-attempt has a new id)', example: 'att-7f3c' })
  @IsString()
  @IsNotEmpty()
  attemptId!: string;

  @ApiProperty({ description: 'Seconds spent in the session during this access', example: 420, minimum: 0 })
  @IsInt()
  @Min(0)
  @Max(7 * 24 * 3600)
  timeSpentSeconds!: number;
}
export type SessionAccessed = LedgerEvent<'SessionAccessed', SessionAccessedV1>;
