import { IsNotEmpty, IsString } from 'class-validator';
import { ApiProperty } from '@nestjs/swagger';
import type { LedgerEvent } from '../envelope';

/**
 * A learner was enrolled on a project, which lets that project's staff see the learner's activity
 * in the project's programmes. Subject: the learner id.
 */
export class LearnerEnrolledOnProjectV1 {
  static readonly type = 'LearnerEnrolledOnProject';
  static readonly version = 1;
  static readonly example: LearnerEnrolledOnProjectV1 = { projectId: 'proj-nw-induction' };

  @ApiProperty({ description: 'The project the learner joined', example: 'proj-nw-induction' })
  @IsString()
  @IsNotEmpty()
  projectId!: string;
}
export type LearnerEnrolledOnProject = LedgerEvent<'LearnerEnrolledOnProject', LearnerEnrolledOnProjectV1>;
