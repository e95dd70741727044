import { IsNotEmpty, IsString, MaxLength } from 'class-validator';
import { ApiProperty } from '@nestjs/swagger';
import type { LedgerEvent } from '../envelope';

/**
 * A learner linked an ePortfolio, consenting to have their activity pushed to their account there.
 * The ePortfolio never pulls; this consent is what allows the push. Subject: the learner id.
 */
export class EPortfolioLinkedV1 {
  static readonly type = 'EPortfolioLinked';
  static readonly version = 1;
  static readonly example: EPortfolioLinkedV1 = { ePortfolioId: 'eportfolio-rcgp', accountId: 'rcgp-8842107' };

  @ApiProperty({ description: 'The ePortfolio system linked', example: 'eportfolio-rcgp' })
  @IsString()
  @IsNotEmpty()
  ePortfolioId!: string;

  @ApiProperty({ description: 'The learner\'s account in that ePortfolio, where activity is pushed', example: 'rcgp-8842107' })
  @IsString()
  @IsNotEmpty()
  @MaxLength(200)
  accountId!: string;
}
export type EPortfolioLinked = LedgerEvent<'EPortfolioLinked', EPortfolioLinkedV1>;
