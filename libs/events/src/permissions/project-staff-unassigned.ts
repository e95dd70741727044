import { IsNotEmpty, IsString } from 'class-validator';
import { ApiProperty } from '@nestjs/swagger';
import type { LedgerEvent } from '../envelope';

/** A user stopped being staff on a project and no longer sees its learners through it. Subject: the staff member's user id. */
export class ProjectStaffUnassignedV1 {
  static readonly type = 'ProjectStaffUnassigned';
  static readonly version = 1;
  static readonly example: ProjectStaffUnassignedV1 = { staffId: 'user-pm-204', projectId: 'proj-nw-induction' };

  @ApiProperty({ description: 'The user who is no longer project staff', example: 'user-pm-204' })
  @IsString()
  @IsNotEmpty()
  staffId!: string;

  @ApiProperty({ description: 'The project they no longer staff', example: 'proj-nw-induction' })
  @IsString()
  @IsNotEmpty()
  projectId!: string;
}
export type ProjectStaffUnassigned = LedgerEvent<'ProjectStaffUnassigned', ProjectStaffUnassignedV1>;
