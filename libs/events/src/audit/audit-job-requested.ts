import { ApiProperty } from '@nestjs/swagger';
import { IsIn, isISO8601, IsNotEmpty, IsString, MaxLength, ValidateBy, ValidateIf } from 'class-validator';
import type { LedgerEvent } from '../envelope';

/** What an auditor may ask the projector to do (see AuditJobRequestedV1). */
export const AUDIT_JOB_KINDS = ['rebuild', 'verify', 'as-of'] as const;
export type AuditJobKind = (typeof AUDIT_JOB_KINDS)[number];

/**
 * An auditor asked for work the projector does on their behalf: replay the ledger into new read models
 * and switch readers (`rebuild`), replay and compare with the live ones (`verify`), or compute the read
 * models as they stood at an instant (`as-of`: the whole ledger cut at `asOf`, or only one learner's
 * record when `learnerId` is given). Recorded in the ledger, so who started which replay, when, is an
 * auditable fact like any other. The auditor is the envelope's actor and subject; reporting appends it.
 */
export class AuditJobRequestedV1 {
  static readonly type = 'AuditJobRequested';
  static readonly version = 1;
  static readonly example: AuditJobRequestedV1 = {
    jobId: '0b9f3c1e-5d7a-4e2b-8c6f-1a2b3c4d5e6f',
    kind: 'as-of',
    asOf: '2026-11-30T17:00:00.000Z',
    learnerId: 'learner-42',
  };

  @ApiProperty({ description: 'Chosen by the requester; the job is found by it', example: '0b9f3c1e-5d7a-4e2b-8c6f-1a2b3c4d5e6f' })
  @IsString()
  @IsNotEmpty()
  @MaxLength(100)
  jobId!: string;

  @ApiProperty({ enum: AUDIT_JOB_KINDS, example: 'as-of' })
  @IsIn(AUDIT_JOB_KINDS)
  kind!: AuditJobKind;

  @ApiProperty({ description: 'For as-of: the instant (ISO-8601) the ledger is cut at, by each event\'s recordedAt; null otherwise', type: String, nullable: true })
  @IsInstantForAsOf()
  asOf!: string | null;

  @ApiProperty({ description: 'For as-of: only this learner\'s record (a targeted replay); null for the whole ledger', type: String, nullable: true })
  @ValidateIf((data: AuditJobRequestedV1) => data.learnerId !== null)
  @IsString()
  @IsNotEmpty()
  @MaxLength(200)
  learnerId!: string | null;
}
export type AuditJobRequested = LedgerEvent<'AuditJobRequested', AuditJobRequestedV1>;

/** `asOf` is an ISO-8601 instant for an as-of job and null for any other. */
function IsInstantForAsOf(): PropertyDecorator {
  return ValidateBy({
    name: 'isInstantForAsOf',
    validator: {
      validate: (value, args) =>
        (args?.object as AuditJobRequestedV1).kind === 'as-of' ? typeof value === 'string' && isISO8601(value, { strict: true }) : value === null,
      defaultMessage: (args) =>
        (args?.object as AuditJobRequestedV1).kind === 'as-of' ? '$property must be an ISO-8601 instant for an as-of job' : '$property must be null unless the job is as-of',
    },
  });
}
