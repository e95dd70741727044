import { IsInt, IsNotEmpty, IsString, Max, MaxLength, Min } from 'class-validator';
import { ApiProperty } from '@nestjs/swagger';
import type { LedgerEvent } from '../envelope';
import { IsFlatStringMap } from '../validation/is-flat-string-map';

/**
 * Someone ran a report that shows identifiable people's activity. Recorded for every run, with its
 * parameters and how many people it showed, so auditors can say who saw whose data and when.
 * The runner is the envelope's actor and subject.
 */
export class IdentifiableReportRunV1 {
  static readonly type = 'IdentifiableReportRun';
  static readonly version = 1;
  static readonly example: IdentifiableReportRunV1 = {
    reportName: 'organisation-staff-activity',
    parameters: { odsCode: 'RJ1', programmeIds: 'prog-ipc', from: '2026-01-01', to: '2026-03-31', output: 'csv' },
    subjectCount: 214,
  };

  @ApiProperty({ description: 'Which report was run', example: 'organisation-staff-activity' })
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

  @ApiProperty({ description: 'How many distinct people the report showed', example: 214, minimum: 0 })
  @IsInt()
  @Min(0)
  @Max(100_000_000)
  subjectCount!: number;
}
export type IdentifiableReportRun = LedgerEvent<'IdentifiableReportRun', IdentifiableReportRunV1>;
