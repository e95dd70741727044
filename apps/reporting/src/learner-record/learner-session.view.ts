import { ApiProperty } from '@nestjs/swagger';
import type { StatusPolicy } from '@ledger/events';
import type { LearnerSessionDocument, SessionStatus } from '@ledger/read-store';

const SESSION_STATUSES: SessionStatus[] = ['not-attempted', 'in-progress', 'completed', 'passed', 'failed'];

/** The session's status under each status policy; a course shows the one its policy names. */
export class StatusByPolicyView {
  @ApiProperty({ enum: SESSION_STATUSES, description: 'The most recent attempt that reported a status' }) latest!: SessionStatus;
  @ApiProperty({ enum: SESSION_STATUSES, description: 'The best status any attempt reported' }) best!: SessionStatus;
}

/** A learner's record in one session, as reports show it (no projection bookkeeping). */
export class LearnerSessionView {
  @ApiProperty() sessionId!: string;
  @ApiProperty({ nullable: true, type: String, description: "The session's title, as the catalogue of the learner's progress names it (null before any course lists the session)" }) title!: string | null;
  @ApiProperty({ enum: SESSION_STATUSES, description: 'Under the default policy, latest (no course context here)' }) status!: SessionStatus;
  @ApiProperty({ type: StatusByPolicyView }) statusByPolicy!: Record<StatusPolicy, SessionStatus>;
  @ApiProperty({ nullable: true, type: String }) firstAccessedAt!: string | null;
  @ApiProperty({ nullable: true, type: String }) lastAccessedAt!: string | null;
  @ApiProperty() accessCount!: number;
  @ApiProperty({ description: 'Total seconds spent, over every access' }) timeSpentSeconds!: number;
  @ApiProperty() attempts!: number;
  @ApiProperty({ nullable: true, type: Number }) latestScore!: number | null;
  @ApiProperty({ nullable: true, type: Number }) bestScore!: number | null;

  static from(doc: LearnerSessionDocument, title: string | null): LearnerSessionView {
    return {
      sessionId: doc.sessionId,
      title,
      status: doc.status,
      statusByPolicy: doc.statusByPolicy,
      firstAccessedAt: doc.firstAccessedAt,
      lastAccessedAt: doc.lastAccessedAt,
      accessCount: doc.accessCount,
      timeSpentSeconds: doc.timeSpentSeconds,
      attempts: doc.attempts.length,
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
