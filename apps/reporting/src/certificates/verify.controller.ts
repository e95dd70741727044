import { Controller, Get, Param } from '@nestjs/common';
import { ApiBadRequestResponse, ApiOkResponse, ApiOperation, ApiParam, ApiProperty, ApiPropertyOptional, ApiTags, ApiTooManyRequestsResponse } from '@nestjs/swagger';
import { ReportSources } from '../report-outputs/report-source';
import { readVerificationCode } from './certificate-request';
import { VERIFICATION_CODE_PATTERN } from './verification-code';
import { CertificateVerification, CertificateVerifier, VerificationStatus } from './verify-certificate';

class VerifiedCertificateView {
  @ApiProperty({ description: 'The name the certificate printed' }) learnerName!: string;
  @ApiProperty({ description: 'The course, learning path or programme it certified' }) title!: string;
  @ApiProperty({ description: 'When the last required session was completed or passed' }) completedAt!: string;
  @ApiProperty({ description: 'When the certificate was issued' }) issuedAt!: string;
}

class CertificateVerificationView implements CertificateVerification {
  @ApiProperty({ example: 'K7QF-92XM-4HTD' }) verificationCode!: string;
  @ApiProperty({ enum: ['valid', 'superseded', 'not-recognised'] }) status!: VerificationStatus;
  @ApiProperty() statusText!: string;
  @ApiPropertyOptional({ type: VerifiedCertificateView, nullable: true, description: 'Null when the code is not recognised' }) certificate!: VerifiedCertificateView | null;
}

/**
 * Public verification of a printed certificate by its code: no sign-in, rate-limited, and nothing
 * about the learner beyond what the certificate itself printed.
 */
@ApiTags('certificates')
@Controller('verify')
export class VerifyController {
  constructor(
    private readonly sources: ReportSources,
    private readonly verifier: CertificateVerifier,
  ) {}

  @Get(':code')
  @ApiOperation({ summary: 'Check a certificate: valid, superseded (the record has changed since it was issued) or not recognised' })
  @ApiParam({ name: 'code', description: 'The code printed on the certificate (any case; spaces and hyphens ignored)', schema: { type: 'string', pattern: VERIFICATION_CODE_PATTERN } })
  @ApiOkResponse({ type: CertificateVerificationView })
  @ApiBadRequestResponse({ description: 'Not a verification code' })
  @ApiTooManyRequestsResponse({ description: 'Too many checks from this address; try again in a minute' })
  verify(@Param('code') code: string): Promise<CertificateVerification> {
    return this.verifier.verify(this.sources.current(), readVerificationCode(code));
  }
}
