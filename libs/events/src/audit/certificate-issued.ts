import { IsIn, IsInt, IsISO8601, IsNotEmpty, IsString, Matches, Max, MaxLength, Min, ValidateIf } from 'class-validator';
import { ApiProperty } from '@nestjs/swagger';
import type { LedgerEvent } from '../envelope';

/** What a certificate is for. */
export const CERTIFICATE_SCOPE_TYPES = ['course', 'learning-path', 'programme'] as const;
export type CertificateScopeType = (typeof CERTIFICATE_SCOPE_TYPES)[number];

/**
 * A certificate was issued to a learner. Certificates are regenerated from the record each time, so
 * each issue is kept with its verification code, the watermark it was computed at, what page 1 said
 * (name, title, completion date) and a SHA-256 of the canonical JSON of the facts it showed: anyone
 * holding the code can see what was certified, and whether the current record still gives the same
 * facts. Version 2 added the watermark, the page-1 facts and the facts hash with its version, in place
 * of a hash of the rendered content (see `certificate-issued.v1.ts`). Subject and actor: the learner.
 */
export class CertificateIssuedV2 {
  static readonly type = 'CertificateIssued';
  static readonly version = 2;
  static readonly example: CertificateIssuedV2 = {
    learnerId: 'learner-42',
    scopeType: 'course',
    scopeId: 'course-hand-hygiene',
    verificationCode: 'K7QF-92XM-4HTD',
    watermark: '2026-04-01T08:59:58.000Z',
    learnerName: 'Aisha Khan',
    title: 'Hand Hygiene',
    completedAt: '2026-03-30T14:12:00.000Z',
    factsVersion: 1,
    factsHash: '9f86d081884c7d659a2feaa0c55ad015a3bf4f1b2b0b822cd15d6c15b0f00a08',
  };

  @ApiProperty({ description: 'The learner the certificate was issued to', example: 'learner-42' })
  @IsString()
  @IsNotEmpty()
  learnerId!: string;

  @ApiProperty({ description: 'Whether it certifies a course, a learning path or a programme', enum: CERTIFICATE_SCOPE_TYPES, example: 'course' })
  @IsIn(CERTIFICATE_SCOPE_TYPES)
  scopeType!: CertificateScopeType;

  @ApiProperty({ description: 'Catalogue id of that course, learning path or programme', example: 'course-hand-hygiene' })
  @IsString()
  @IsNotEmpty()
  scopeId!: string;

  @ApiProperty({ description: 'The code printed on the certificate, by which anyone can verify it', pattern: '^[A-Z0-9-]{8,40}$', example: 'K7QF-92XM-4HTD' })
  @Matches(/^[A-Z0-9-]{8,40}$/, { message: '$property must be 8 to 40 uppercase letters, digits or hyphens' })
  verificationCode!: string;

  @ApiProperty({ description: 'The projector watermark ("data complete through") the certificate was computed at; null when nothing had been projected or not recorded (version 1)', type: String, nullable: true })
  @ValidateIf((data: CertificateIssuedV2) => data.watermark !== null)
  @IsISO8601({ strict: true })
  watermark!: string | null;

  @ApiProperty({ description: "The learner's name as page 1 printed it; null only for issues recorded before version 2", type: String, nullable: true, example: 'Aisha Khan' })
  @ValidateIf((data: CertificateIssuedV2) => data.learnerName !== null)
  @IsString()
  @IsNotEmpty()
  @MaxLength(401)
  learnerName!: string | null;

  @ApiProperty({ description: 'The title page 1 printed; null only for issues recorded before version 2', type: String, nullable: true, example: 'Hand Hygiene' })
  @ValidateIf((data: CertificateIssuedV2) => data.title !== null)
  @IsString()
  @IsNotEmpty()
  @MaxLength(500)
  title!: string | null;

  @ApiProperty({ description: 'When the last required session was completed or passed, as page 1 dated it; null only before version 2', type: String, nullable: true })
  @ValidateIf((data: CertificateIssuedV2) => data.completedAt !== null)
  @IsISO8601({ strict: true })
  completedAt!: string | null;

  @ApiProperty({ description: 'Version of the facts layout the hash was computed over (so it can be recomputed alike); 0: before version 2, not recomputable', example: 1, minimum: 0 })
  @IsInt()
  @Min(0)
  @Max(1000)
  factsVersion!: number;

  @ApiProperty({ description: 'SHA-256 (lowercase hex) of the canonical JSON of the facts the certificate showed', pattern: '^[0-9a-f]{64}$', example: '9f86d081884c7d659a2feaa0c55ad015a3bf4f1b2b0b822cd15d6c15b0f00a08' })
  @Matches(/^[0-9a-f]{64}$/, { message: '$property must be a SHA-256 hash: 64 lowercase hex digits' })
  factsHash!: string;
}
export type CertificateIssued = LedgerEvent<'CertificateIssued', CertificateIssuedV2>;
