import { IsBoolean, IsIn, IsNotEmpty, IsString, MaxLength } from 'class-validator';
import { ApiProperty } from '@nestjs/swagger';
import type { LedgerEvent } from '../envelope';

/** What a session can belong to. */
export const SESSION_PARENT_TYPES = ['course', 'learning-path'] as const;
export type SessionParentType = (typeof SESSION_PARENT_TYPES)[number];

/**
 * A session (one piece of playable content) was created or redefined. Whether it requires a pass
 * decides whether completing it is enough for a certificate, so it is stated on every definition.
 * Subject: the session id.
 */
export class SessionDefinedV1 {
  static readonly type = 'SessionDefined';
  static readonly version = 1;
  static readonly example: SessionDefinedV1 = {
    sessionId: 'elfh-session-1042',
    title: 'Hand Hygiene: Assessment',
    parentType: 'course',
    parentId: 'course-hand-hygiene',
    requiresPass: true,
  };

  @ApiProperty({ description: 'Catalogue id of the session, as activity events name it', example: 'elfh-session-1042' })
  @IsString()
  @IsNotEmpty()
  sessionId!: string;

  @ApiProperty({ description: 'Title as reports show it', example: 'Hand Hygiene: Assessment' })
  @IsString()
  @IsNotEmpty()
  @MaxLength(500)
  title!: string;

  @ApiProperty({ description: 'Whether it belongs to a course or a learning path', enum: SESSION_PARENT_TYPES, example: 'course' })
  @IsIn(SESSION_PARENT_TYPES)
  parentType!: SessionParentType;

  @ApiProperty({ description: 'Id of the course or learning path it belongs to', example: 'course-hand-hygiene' })
  @IsString()
  @IsNotEmpty()
  parentId!: string;

  @ApiProperty({ description: 'Whether the session counts only when passed, not merely completed', example: true })
  @IsBoolean()
  requiresPass!: boolean;
}
export type SessionDefined = LedgerEvent<'SessionDefined', SessionDefinedV1>;
