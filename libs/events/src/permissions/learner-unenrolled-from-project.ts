import { IsNotEmpty, IsString } from 'class-validator';
import { ApiProperty } from '@nestjs/swagger';
import type { LedgerEvent } from '../envelope';

/**
 * A learner left a project, so its staff no longer see the learner's activity through it.
 * Subject: the learner id.
 */
export class LearnerUnenrolledFromProjectV1 {
  static readonly type = 'LearnerUnenrolledFromProject';
  static readonly version = 1;
  static readonly example: LearnerUnenrolledFromProjectV1 = { projectId: 'proj-nw-induction' };

  @ApiProperty({ description: 'The project the learner left', example: 'proj-nw-induction' })
  @IsString()
  @IsNotEmpty()
  projectId!: string;
}
export type LearnerUnenrolledFromProject = LedgerEvent<'LearnerUnenrolledFromProject', LearnerUnenrolledFromProjectV1>;
