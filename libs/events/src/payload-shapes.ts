import type { KnownLedgerEvent } from './known-events';
import type { JsonKind, PayloadShape } from './payload-shape';

type DataOf<T extends KnownLedgerEvent['type']> = Extract<KnownLedgerEvent, { type: T }>['data'];

const S = ['string'] as const;
const N = ['number'] as const;
const B = ['boolean'] as const;
const IDS = ['string[]'] as const;
const OBJECT = ['object'] as const;
const NULLABLE_S = ['string', 'null'] as const;
const NULLABLE_N = ['number', 'null'] as const;

/**
 * The shape of every event type's payload at its current version (see PayloadShape): what reading the
 * ledger checks, so that history written under older, looser rules is still read. Keyed by the
 * KnownLedgerEvent union, so a new type or field without a shape here does not compile.
 */
const PAYLOAD_SHAPES: { [T in KnownLedgerEvent['type']]: PayloadShape<DataOf<T>> } = {
  SessionAccessed: { sessionId: S, attemptId: S, timeSpentSeconds: N },
  SessionCompleted: { sessionId: S, attemptId: S },
  AssessmentScored: { sessionId: S, attemptId: S, score: NULLABLE_N, maxScore: NULLABLE_N, passMark: NULLABLE_N, passed: B },
  ProgrammeDefined: { programmeId: S, title: S, issuesCertificate: B, omitsSummaryFromCertificate: B },
  CourseDefined: { courseId: S, programmeId: S, title: S, sessionIds: IDS, issuesCertificate: B, omitsSummaryFromCertificate: B, statusPolicy: S },
  LearningPathDefined: { learningPathId: S, programmeId: S, title: S, sessionIds: IDS, issuesCertificate: B, omitsSummaryFromCertificate: B, statusPolicy: S },
  SessionDefined: { sessionId: S, title: S, parentType: S, parentId: S, requiresPass: B },
  CourseRetired: { courseId: S },
  ProgrammeRetired: { programmeId: S },
  LearnerRegistered: { givenName: S, familyName: NULLABLE_S, email: S, emailIsWorkEmail: B },
  LearnerEmailChanged: { email: S, emailIsWorkEmail: B },
  EmploymentLocationSet: { odsCode: NULLABLE_S, jobRole: NULLABLE_S },
  TermsAccepted: { termsVersion: S },
  HubAdminGranted: { userId: S },
  HubAdminRevoked: { userId: S },
  ProjectStaffAssigned: { staffId: S, projectId: S, programmeIds: IDS },
  ProjectStaffUnassigned: { staffId: S, projectId: S },
  LearnerEnrolledOnProject: { projectId: S },
  LearnerUnenrolledFromProject: { projectId: S },
  ViewerAuthorised: { viewerId: S, scope: ['string', 'string[]'] },
  ViewerAuthorisationRevoked: { viewerId: S },
  EPortfolioLinked: { ePortfolioId: S, accountId: S },
  EPortfolioUnlinked: { ePortfolioId: S },
  ProfessionalBodyMembershipRecorded: { professionalBodyId: S, membershipNumber: S },
  ProfessionalBodyMembershipEnded: { professionalBodyId: S },
  AuditorAppointed: { userId: S },
  AuditorAppointmentEnded: { userId: S },
  ProfessionalBodyOfficerAppointed: { professionalBodyId: S, officerId: S },
  ProfessionalBodyOfficerRemoved: { professionalBodyId: S, officerId: S },
  ProfessionalBodyProgrammeAccessGranted: { professionalBodyId: S, programmeIds: IDS },
  ProfessionalBodyProgrammeAccessRevoked: { professionalBodyId: S, programmeIds: IDS },
  ReportingLeadAuthorised: { odsCode: S, leadId: S, authorisedByRole: S, authorisedByName: NULLABLE_S, authorisedByOrganisationName: NULLABLE_S, authorisedByOdsCode: NULLABLE_S },
  ReportingLeadRevoked: { odsCode: S, leadId: S },
  ReportRunnerApproved: { odsCode: S, runnerId: S, leadId: S },
  ReportRunnerRemoved: { odsCode: S, runnerId: S, leadId: S },
  OrganisationProgrammeAccessGranted: { odsCode: S, programmeIds: IDS },
  OrganisationProgrammeAccessRevoked: { odsCode: S, programmeIds: IDS },
  IdentifiableReportRun: { runId: NULLABLE_S, reportName: S, parameters: OBJECT, viewerRole: S, watermark: NULLABLE_S, subjectCount: N, part: N, parts: N, subjectIds: IDS },
  CertificateIssued: {
    learnerId: S,
    scopeType: S,
    scopeId: S,
    verificationCode: S,
    watermark: NULLABLE_S,
    learnerName: NULLABLE_S,
    title: NULLABLE_S,
    completedAt: NULLABLE_S,
    factsVersion: N,
    factsHash: S,
  },
  AuditJobRequested: { jobId: S, kind: S, asOf: NULLABLE_S, learnerId: NULLABLE_S },
  XapiStatementRecorded: { statementId: S, statement: OBJECT, xapiVersion: S },
  StatementVoided: { statementId: S, voidingStatementId: S },
};

/** The payload shape of an event type at its current version; undefined for a type the ledger does not know. */
export function payloadShapeOf(type: string): Record<string, readonly JsonKind[]> | undefined {
  return (PAYLOAD_SHAPES as Record<string, Record<string, readonly JsonKind[]>>)[type];
}
