import { IsNotEmpty, IsString } from 'class-validator';
import { ApiProperty } from '@nestjs/swagger';
import type { LedgerEvent } from '../envelope';

/**
 * A learner unlinked an ePortfolio: their consent to push activity to it ends, and nothing more is
 * sent. Subject: the learner id.
 */
export class EPortfolioUnlinkedV1 {
  static readonly type = 'EPortfolioUnlinked';
  static readonly version = 1;
  static readonly example: EPortfolioUnlinkedV1 = { ePortfolioId: 'eportfolio-rcgp' };

  @ApiProperty({ description: 'The ePortfolio system unlinked', example: 'eportfolio-rcgp' })
  @IsString()
  @IsNotEmpty()
  ePortfolioId!: string;
}
export type EPortfolioUnlinked = LedgerEvent<'EPortfolioUnlinked', EPortfolioUnlinkedV1>;
