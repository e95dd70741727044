import { Matches } from 'class-validator';
import { ApiProperty } from '@nestjs/swagger';
import type { LedgerEvent } from '../envelope';
import { STATEMENT_ID } from './xapi-statement-shape';

/**
 * A correction: an xAPI voiding statement said the evidence of statement `statementId` is to be
 * disregarded. Nothing is deleted; readers of the derived activity events decide what voiding means
 * for them (the events derived from a statement have ids computable from its id). Derived from the
 * voiding statement, whose actor gives the subject.
 */
export class StatementVoidedV1 {
  static readonly type = 'StatementVoided';
  static readonly version = 1;
  static readonly example: StatementVoidedV1 = {
    statementId: '3f6d2b84-7c1e-4a8f-9d25-0b6e41c7a913',
    voidingStatementId: '9b1e7c55-2d40-4f6a-8e33-5a0c9f2d7b61',
  };

  @ApiProperty({ description: 'The statement that was voided', example: '3f6d2b84-7c1e-4a8f-9d25-0b6e41c7a913' })
  @Matches(STATEMENT_ID, { message: '$property must be a lowercase UUID' })
  statementId!: string;

  @ApiProperty({ description: 'The voiding statement (verb http://adlnet.gov/expapi/verbs/voided) that voided it', example: '9b1e7c55-2d40-4f6a-8e33-5a0c9f2d7b61' })
  @Matches(STATEMENT_ID, { message: '$property must be a lowercase UUID' })
  voidingStatementId!: string;
}
export type StatementVoided = LedgerEvent<'StatementVoided', StatementVoidedV1>;
