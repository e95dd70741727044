import { IsNotEmpty, IsString } from 'class-validator';
import { ApiProperty } from '@nestjs/swagger';
import type { LedgerEvent } from '../envelope';
import { IsIdList } from '../validation/is-id-list';

/**
 * A user was assigned as staff on a project: they may see the activity of learners enrolled on it,
 * in the listed programmes only. Assigning the same person again restates the full list of
 * programmes. Subject: the staff member's user id.
 */
export class ProjectStaffAssignedV1 {
  static readonly type = 'ProjectStaffAssigned';
  static readonly version = 1;
  static readonly example: ProjectStaffAssignedV1 = { staffId: 'user-pm-204', projectId: 'proj-nw-induction', programmeIds: ['prog-ipc', 'prog-safeguarding'] };

  @ApiProperty({ description: 'The user assigned as project staff', example: 'user-pm-204' })
  @IsString()
  @IsNotEmpty()
  staffId!: string;

  @ApiProperty({ description: 'The project they staff', example: 'proj-nw-induction' })
  @IsString()
  @IsNotEmpty()
  projectId!: string;

  @ApiProperty({ description: 'The project\'s programmes whose activity they may see', type: [String], minItems: 1, example: ['prog-ipc', 'prog-safeguarding'] })
  @IsIdList({ nonEmpty: true })
  programmeIds!: string[];
}
export type ProjectStaffAssigned = LedgerEvent<'ProjectStaffAssigned', ProjectStaffAssignedV1>;
