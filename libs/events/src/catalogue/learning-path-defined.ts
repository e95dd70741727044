import { IsBoolean, IsIn, IsNotEmpty, IsString, MaxLength } from 'class-validator';
import { ApiProperty } from '@nestjs/swagger';
import type { LedgerEvent } from '../envelope';
import { IsIdList } from '../validation/is-id-list';
import { STATUS_POLICIES, StatusPolicy } from './status-policy';

/**
 * A learning path was created or redefined within a programme: a curated sequence of sessions that
 * earns its own certificate, alongside the programme's courses. Each definition is complete and
 * replaces the previous one. Subject: the learning path id.
 */
export class LearningPathDefinedV1 {
  static readonly type = 'LearningPathDefined';
  static readonly version = 1;
  static readonly example: LearningPathDefinedV1 = {
    learningPathId: 'path-ipc-essentials',
    programmeId: 'prog-ipc',
    title: 'IPC Essentials for New Starters',
    sessionIds: ['elfh-session-2001', 'elfh-session-2002'],
    issuesCertificate: true,
    omitsSummaryFromCertificate: false,
    statusPolicy: 'latest',
  };

  @ApiProperty({ description: 'Catalogue id of the learning path', example: 'path-ipc-essentials' })
  @IsString()
  @IsNotEmpty()
  learningPathId!: string;

  @ApiProperty({ description: 'The programme the learning path belongs to', example: 'prog-ipc' })
  @IsString()
  @IsNotEmpty()
  programmeId!: string;

  @ApiProperty({ description: 'Title as learners and certificates show it', example: 'IPC Essentials for New Starters' })
  @IsString()
  @IsNotEmpty()
  @MaxLength(500)
  title!: string;

  @ApiProperty({ description: 'Its sessions, in the order learners take them (may be empty while being authored)', type: [String], example: ['elfh-session-2001', 'elfh-session-2002'] })
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
export type LearningPathDefined = LedgerEvent<'LearningPathDefined', LearningPathDefinedV1>;
