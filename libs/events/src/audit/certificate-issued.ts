import { IsIn, IsNotEmpty, IsString, Matches } from 'class-validator';
import { ApiProperty } from '@nestjs/swagger';
import type { LedgerEvent } from '../envelope';

/** What a certificate is for. */
export const CERTIFICATE_SCOPE_TYPES = ['course', 'learning-path', 'programme'] as const;
export type CertificateScopeType = (typeof CERTIFICATE_SCOPE_TYPES)[number];

/**
 * A certificate was issued to a learner. Certificates are regenerated from the record each time, so
 * each issue is kept with its verification code and a hash of exactly what it showed: anyone holding
 * the code can check a printed copy against what was issued. Subject: the learner id.
 */
export class CertificateIssuedV1 {
  static readonly type = 'CertificateIssued';
  static readonly version = 1;
  static readonly example: CertificateIssuedV1 = {
    learnerId: 'learner-42',
    scopeType: 'course',
    scopeId: 'course-hand-hygiene',
    verificationCode: 'K7QF-92XM-4HTD',
    contentHash: '9f86d081884c7d659a2feaa0c55ad015a3bf4f1b2b0b822cd15d6c15b0f00a08',
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

  @ApiProperty({ description: 'SHA-256 (lowercase hex) of the rendered certificate content', pattern: '^[0-9a-f]{64}$', example: '9f86d081884c7d659a2feaa0c55ad015a3bf4f1b2b0b822cd15d6c15b0f00a08' })
  @Matches(/^[0-9a-f]{64}$/, { message: '$property must be a SHA-256 hash: 64 lowercase hex digits' })
  contentHash!: string;
}
export type CertificateIssued = LedgerEvent<'CertificateIssued', CertificateIssuedV1>;
