import { IsBoolean, IsIn, IsNotEmpty, IsString, MaxLength } from 'class-validator';
import { ApiProperty } from '@nestjs/swagger';
import type { LedgerEvent } from '../envelope';
import { IsIdList } from '../validation/is-id-list';
import { STATUS_POLICIES, StatusPolicy } from './status-policy';

/**
 * A course was created or redefined within a programme. Each definition is complete (sessions in
 * order, certificate rules, status policy) and replaces the previous one, so the catalogue as of any
 * moment is the latest definition before it. Subject: the course id.
 */
export class CourseDefinedV1 {
  static readonly type = 'CourseDefined';
  static readonly version = 1;
  static readonly example: CourseDefinedV1 = {
    courseId: 'course-hand-hygiene',
    programmeId: 'prog-ipc',
    title: 'Hand Hygiene',
    sessionIds: ['elfh-session-1042', 'elfh-session-1043'],
    issuesCertificate: true,
    omitsSummaryFromCertificate: false,
    statusPolicy: 'latest',
  };

  @ApiProperty({ description: 'Catalogue id of the course', example: 'course-hand-hygiene' })
  @IsString()
  @IsNotEmpty()
  courseId!: string;

  @ApiProperty({ description: 'The programme the course belongs to', example: 'prog-ipc' })
  @IsString()
  @IsNotEmpty()
  programmeId!: string;

  @ApiProperty({ description: 'Title as learners and certificates show it', example: 'Hand Hygiene' })
  @IsString()
  @IsNotEmpty()
  @MaxLength(500)
  title!: string;

  @ApiProperty({ description: 'Its sessions, in the order learners take them (may be empty while being authored)', type: [String], example: ['elfh-session-1042', 'elfh-session-1043'] })
  @IsIdList({ nonEmpty: false })
  sessionIds!: string[];

  @ApiProperty({ description: 'Whether completing every session earns a certificate', example: true })
  @IsBoolean()
  issuesCertificate!: boolean;

  @ApiProperty({ description: 'Whether its certificate leaves out the summary pages (page 1 only)', example: false })
  @IsBoolean()
  omitsSummaryFromCertificate!: boolean;

  @ApiProperty({ description: 'Which attempt decides a session\'s shown status', enum: STATUS_POLICIES, example: 'latest' })
  @IsIn(STATUS_POLICIES)
  statusPolicy!: StatusPolicy;
}
export type CourseDefined = LedgerEvent<'CourseDefined', CourseDefinedV1>;
