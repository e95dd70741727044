import { ApiProperty } from '@nestjs/swagger';
import { AUDIT_JOB_KINDS } from '@ledger/events';

/** A job an auditor asks the projector for (documentation; checked by readJobRequest, every bad field named). */
export class AuditJobRequestBody {
  @ApiProperty({ enum: AUDIT_JOB_KINDS, description: 'rebuild: replay and switch readers; verify: replay and compare with live; as-of: the read models as they stood at asOf' })
  kind!: string;
  @ApiProperty({ required: false, nullable: true, type: String, description: 'For as-of: an ISO-8601 instant (with a time zone), not in the future', example: '2026-11-30T17:00:00Z' })
  asOf?: string | null;
  @ApiProperty({ required: false, nullable: true, type: String, description: "For as-of: only this learner's record (a targeted replay, much faster); absent for the whole ledger" })
  learnerId?: string | null;
}

export class AuditJobAccepted {
  @ApiProperty() jobId!: string;
  @ApiProperty({ description: 'Where to follow it' }) href!: string;
}

export class AuditJobView {
  @ApiProperty() jobId!: string;
  @ApiProperty({ enum: AUDIT_JOB_KINDS }) kind!: string;
  @ApiProperty({ enum: ['queued', 'running', 'done', 'failed', 'refused', 'expired', 'interrupted'] }) status!: string;
  @ApiProperty({ nullable: true, type: String }) asOf!: string | null;
  @ApiProperty({ nullable: true, type: String }) learnerId!: string | null;
  @ApiProperty() requestedBy!: string;
  @ApiProperty() requestedAt!: string;
  @ApiProperty({ nullable: true, type: Object, description: 'done/total events, events/s, seconds left' }) progress!: object | null;
  @ApiProperty({ nullable: true, type: Object, description: 'Per kind; for as-of, asOfKey names the view to read' }) result!: object | null;
  @ApiProperty({ nullable: true, type: String }) error!: string | null;
}

/** The ledger cut a view as of a moment was computed at: stated with every such output. */
export class LedgerCutView {
  @ApiProperty({ description: 'Names the computed view' }) asOfKey!: string;
  @ApiProperty({ nullable: true, type: String, description: 'The instant, judged by recordedAt; null for a cut given as ledger positions' }) asOf!: string | null;
  @ApiProperty() topic!: string;
  @ApiProperty({ type: 'object', additionalProperties: { type: 'string' }, description: 'Per partition, the last offset included ("-1": none)' }) through!: Record<string, string>;
  @ApiProperty({ enum: ['ledger', 'learner'], description: "What was replayed: the whole ledger, or one learner's record" }) scope!: string;
}

export class AsOfLearnerRecordView {
  @ApiProperty({ type: LedgerCutView }) cut!: LedgerCutView;
  @ApiProperty() learnerId!: string;
  @ApiProperty({ type: [Object] }) sessions!: object[];
  @ApiProperty({ type: [Object] }) progress!: object[];
  @ApiProperty({
    type: [Object],
    description:
      "Per programme with certificates, each certificate as it stood (available, or unavailable with what was missing), as the learner's " +
      'Certificates page lists them',
  })
  certificates!: object[];
}

export class PossibleViewerView {
  @ApiProperty() viewerId!: string;
  @ApiProperty({ type: [String] }) roles!: string[];
  @ApiProperty({ oneOf: [{ type: 'string', enum: ['all'] }, { type: 'array', items: { type: 'string' } }] }) programmes!: 'all' | string[];
}

export class AsOfViewersView {
  @ApiProperty({ type: LedgerCutView }) cut!: LedgerCutView;
  @ApiProperty() learnerId!: string;
  @ApiProperty({ type: [PossibleViewerView] }) viewers!: PossibleViewerView[];
}
