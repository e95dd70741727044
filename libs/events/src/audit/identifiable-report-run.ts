import { ArrayMaxSize, IsInt, IsNotEmpty, IsString, Max, MaxLength, Min, ValidateIf } from 'class-validator';
import { ApiProperty } from '@nestjs/swagger';
import type { LedgerEvent } from '../envelope';
import { IsFlatStringMap } from '../validation/is-flat-string-map';
import { IsAtMostField } from '../validation/is-at-most-field';
import { IsIdList } from '../validation/is-id-list';

/**
 * How many learner ids one event of a run names. A Kafka message is 1 MB by default; 1000 ids of at
 * most 200 characters stay well under it, so a run over 5 000 staff is 5 events appended together.
 */
export const MAX_SUBJECTS_PER_RUN_PART = 1000;

/**
 * Someone was shown identifiable people's activity (a report, or one learner's record). Recorded
 * before anything is shown, with the parameters, how many people it showed and which, the role that
 * allowed it and the watermark the data was computed at, so auditors can say who saw whose data and
 * when, and each learner can see who viewed their record. A run over more learners than one event
 * may name is split into `parts` events sharing `runId`, appended in one all-or-nothing batch.
 * Version 2 added the role, watermark, run id, parts and learner ids (see `identifiable-report-run.v1.ts`).
 * The viewer is the envelope's actor and subject.
 */
export class IdentifiableReportRunV2 {
  static readonly type = 'IdentifiableReportRun';
  static readonly version = 2;
  static readonly example: IdentifiableReportRunV2 = {
    runId: '5b1d0f3e-7a2c-4e8b-9f61-2d3c4b5a6e7f',
    reportName: 'organisation-staff-activity',
    parameters: { odsCode: 'RJ1', programmeIds: 'prog-ipc', from: '2026-01-01', to: '2026-03-31', output: 'csv' },
    viewerRole: 'report-runner',
    watermark: '2026-04-01T08:59:58.000Z',
    subjectCount: 2,
    part: 1,
    parts: 1,
    subjectIds: ['learner-42', 'learner-43'],
  };

  @ApiProperty({ description: 'Shared by the parts of one run; null only for runs recorded before version 2', type: String, nullable: true, example: '5b1d0f3e-7a2c-4e8b-9f61-2d3c4b5a6e7f' })
  @ValidateIf((data: IdentifiableReportRunV2) => data.runId !== null)
  @IsString()
  @IsNotEmpty()
  @MaxLength(100)
  runId!: string | null;

  @ApiProperty({ description: 'Which report or view was run', example: 'organisation-staff-activity' })
  @IsString()
  @IsNotEmpty()
  @MaxLength(100)
  reportName!: string;

  @ApiProperty({
    description: 'The parameters it was run with, each as text (lists joined by commas)',
    type: 'object',
    additionalProperties: { type: 'string' },
    example: { odsCode: 'RJ1', programmeIds: 'prog-ipc', from: '2026-01-01', to: '2026-03-31', output: 'csv' },
  })
  @IsFlatStringMap()
  parameters!: Record<string, string>;

  @ApiProperty({ description: 'The role that allowed the viewer to see it (hub-admin, project-staff, tutor, report-runner, professional-body-officer)', example: 'report-runner' })
  @IsString()
  @IsNotEmpty()
  @MaxLength(100)
  viewerRole!: string;

  @ApiProperty({ description: 'The projector watermark ("data complete through") the output was computed at; null when nothing had been projected', type: String, nullable: true })
  @ValidateIf((data: IdentifiableReportRunV2) => data.watermark !== null)
  @IsString()
  @MaxLength(40)
  watermark!: string | null;

  @ApiProperty({ description: 'How many distinct people the whole run showed', example: 214, minimum: 0 })
  @IsInt()
  @Min(0)
  @Max(100_000_000)
  subjectCount!: number;

  @ApiProperty({ description: 'Which part of the run this event is (from 1)', example: 1, minimum: 1 })
  @IsInt()
  @Min(1)
  @IsAtMostField('parts')
  part!: number;

  @ApiProperty({ description: 'How many events the run was recorded in', example: 1, minimum: 1 })
  @IsInt()
  @Min(1)
  @Max(100_000)
  parts!: number;

  @ApiProperty({ description: `The learners this part covers, at most ${MAX_SUBJECTS_PER_RUN_PART}; empty only for runs recorded before version 2`, type: [String] })
  @IsIdList({ nonEmpty: false })
  @ArrayMaxSize(MAX_SUBJECTS_PER_RUN_PART)
  subjectIds!: string[];
}
export type IdentifiableReportRun = LedgerEvent<'IdentifiableReportRun', IdentifiableReportRunV2>;
