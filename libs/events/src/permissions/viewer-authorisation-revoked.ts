import { IsNotEmpty, IsString } from 'class-validator';
import { ApiProperty } from '@nestjs/swagger';
import type { LedgerEvent } from '../envelope';

/**
 * A learner withdrew a viewer's (tutor's) authorisation. Consent ends here: the viewer sees nothing
 * of the learner's activity after this point. Subject: the learner id.
 */
export class ViewerAuthorisationRevokedV1 {
  static readonly type = 'ViewerAuthorisationRevoked';
  static readonly version = 1;
  static readonly example: ViewerAuthorisationRevokedV1 = { viewerId: 'tutor-311' };

  @ApiProperty({ description: 'The viewer whose authorisation ended', example: 'tutor-311' })
  @IsString()
  @IsNotEmpty()
  viewerId!: string;
}
export type ViewerAuthorisationRevoked = LedgerEvent<'ViewerAuthorisationRevoked', ViewerAuthorisationRevokedV1>;
