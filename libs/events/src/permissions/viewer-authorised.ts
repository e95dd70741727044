import { IsNotEmpty, IsString } from 'class-validator';
import { ApiProperty } from '@nestjs/swagger';
import type { LedgerEvent } from '../envelope';
import { IsProgrammeScope, ProgrammeScope } from '../validation/is-programme-scope';

/**
 * A learner authorised a named viewer (typically a tutor) to see their activity, in every programme
 * or only the ones they chose. It lasts until the learner revokes it; authorising the same viewer
 * again replaces the scope. Subject: the learner id.
 */
export class ViewerAuthorisedV1 {
  static readonly type = 'ViewerAuthorised';
  static readonly version = 1;
  static readonly example: ViewerAuthorisedV1 = { viewerId: 'tutor-311', scope: ['prog-ipc'] };

  @ApiProperty({ description: 'The user the learner authorised', example: 'tutor-311' })
  @IsString()
  @IsNotEmpty()
  viewerId!: string;

  @ApiProperty({
    description: '"all" for every programme, or the programme ids the viewer may see',
    oneOf: [
      { type: 'string', enum: ['all'] },
      { type: 'array', items: { type: 'string' }, minItems: 1 },
    ],
    example: ['prog-ipc'],
  })
  @IsProgrammeScope()
  scope!: ProgrammeScope;
}
export type ViewerAuthorised = LedgerEvent<'ViewerAuthorised', ViewerAuthorisedV1>;
