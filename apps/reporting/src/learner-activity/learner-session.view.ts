import { ApiProperty } from '@nestjs/swagger';
import type { LearnerSessionDocument, SessionStatus } from '@ledger/read-store';

/** A learner's record in one session, as reports show it (no projection bookkeeping). */
export class LearnerSessionView {
  @ApiProperty() sessionId!: string;
  @ApiProperty({ enum: ['not-attempted', 'in-progress', 'completed', 'passed', 'failed'] }) status!: SessionStatus;
  @ApiProperty({ nullable: true, type: String }) firstAccessedAt!: string | null;
  @ApiProperty({ nullable: true, type: String }) lastAccessedAt!: string | null;
  @ApiProperty() accessCount!: number;
  @ApiProperty({ description: 'Total seconds spent, over every access' }) timeSpentSeconds!: number;
  @ApiProperty() attempts!: number;
  @ApiProperty({ nullable: true, type: Number }) latestScore!: number | null;
  @ApiProperty({ nullable: true, type: Number }) bestScore!: number | null;

  static from(doc: LearnerSessionDocument): LearnerSessionView {
    return {
      sessionId: doc.sessionId,
      status: doc.status,
      firstAccessedAt: doc.firstAccessedAt,
      lastAccessedAt: doc.lastAccessedAt,
      accessCount: doc.accessCount,
      timeSpentSeconds: doc.timeSpentSeconds,
      attempts: doc.attemptIds.length,
      latestScore: doc.latestScore?.score ?? null,
      bestScore: doc.bestScore?.score ?? null,
    };
  }
}

export class LearnerActivityView {
  @ApiProperty() learnerId!: string;
  @ApiProperty({ nullable: true, type: String, description: 'Every event accepted up to this instant is reflected here (the projector watermark)' })
  dataCompleteThrough!: string | null;
  @ApiProperty({ type: [LearnerSessionView] }) sessions!: LearnerSessionView[];
}
