import { IsNotEmpty, IsString } from 'class-validator';
import { ApiProperty } from '@nestjs/swagger';
import type { LedgerEvent } from '../envelope';

/**
 * A course was retired: no longer offered, but what learners did in it stays on their record and in
 * the summarised activity reports, so retiring is a fact of its own rather than a deletion.
 * Subject: the course id.
 */
export class CourseRetiredV1 {
  static readonly type = 'CourseRetired';
  static readonly version = 1;
  static readonly example: CourseRetiredV1 = { courseId: 'course-hand-hygiene' };

  @ApiProperty({ description: 'Catalogue id of the retired course', example: 'course-hand-hygiene' })
  @IsString()
  @IsNotEmpty()
  courseId!: string;
}
export type CourseRetired = LedgerEvent<'CourseRetired', CourseRetiredV1>;
