import { IsNotEmpty, IsString } from 'class-validator';
import { ApiProperty } from '@nestjs/swagger';
import type { LedgerEvent } from '../envelope';

/** A learner's attempt at a session reported it complete (content without a required pass). */
export class SessionCompletedV1 {
  static readonly type = 'SessionCompleted';
  static readonly version = 1;
  static readonly example: SessionCompletedV1 = { sessionId: 'elfh-session-1042', attemptId: 'att-7f3c' };

  @ApiProperty({ example: 'elfh-session-1042' })
  @IsString()
  @IsNotEmpty()
  sessionId!: string;

  @ApiProperty({ example: 'att-7f3c' })
  @IsString()
  @IsNotEmpty()
  attemptId!: string;
}
export type SessionCompleted = LedgerEvent<'SessionCompleted', SessionCompletedV1>;
