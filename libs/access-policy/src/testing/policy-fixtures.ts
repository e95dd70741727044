import type {
  GrantPeriod,
  LearnerGrantsDocument,
  LearnerProfileDocument,
  OrganisationGrantsDocument,
  ProfessionalBodyGrantsDocument,
  ViewerGrantsDocument,
} from '@ledger/read-store';
import type { SubjectFacts, ViewerFacts } from '../facts';

/** Builders for the documents the policy reads, with every list empty unless given. */
const noMetadata = { schemaVersion: 2, offsets: {}, eventIds: [], lastRecordedAt: '' };
export const standing: GrantPeriod = { grantedAt: '2026-01-01T00:00:00.000Z', revokedAt: null };
export const ended: GrantPeriod = { grantedAt: '2026-01-01T00:00:00.000Z', revokedAt: '2026-02-01T00:00:00.000Z' };

export function viewer(userId: string, grants: Partial<ViewerGrantsDocument> | null = null, bootstrappedAdmin = false): ViewerFacts {
  if (grants === null) return { userId, bootstrappedAdmin, grants: null };
  return {
    userId,
    bootstrappedAdmin,
    grants: {
      _id: `viewer:${userId}`,
      kind: 'viewer',
      viewerId: userId,
      hubAdmin: [],
      projectStaff: [],
      authorisedBy: [],
      reportRunnerFor: [],
      reportingLeadFor: [],
      professionalBodyOfficerFor: [],
      auditor: [],
      projection: noMetadata,
      ...grants,
    },
  };
}

export interface SubjectOptions {
  /** Accepted the terms (default true). */
  terms?: boolean;
  /** Current workplace ODS code (default none). */
  workplace?: string | null;
  grants?: Partial<LearnerGrantsDocument>;
  workplaceGrants?: Partial<OrganisationGrantsDocument> | null;
  professionalBodies?: Array<Partial<ProfessionalBodyGrantsDocument> & { professionalBodyId: string }>;
  registered?: boolean;
}

export function subject(learnerId: string, options: SubjectOptions = {}): SubjectFacts {
  const { terms = true, workplace = null, registered = true } = options;
  const profile: LearnerProfileDocument | null = registered
    ? {
        _id: learnerId,
        name: { givenName: 'Test', familyName: learnerId },
        email: `${learnerId}@nhs.net`,
        emailIsWorkEmail: true,
        registeredAt: '2026-01-01T00:00:00.000Z',
        workplace: workplace === null ? null : { odsCode: workplace, jobRole: 'Nurse', setAt: '2026-01-01T00:00:00.000Z' },
        workplaceOdsCode: workplace,
        pastWorkplaces: [],
        termsAccepted: terms ? { version: '2026-04', at: '2026-01-01T00:00:00.000Z' } : null,
        projection: noMetadata,
      }
    : null;
  const grants: LearnerGrantsDocument = {
    _id: `learner:${learnerId}`,
    kind: 'learner',
    learnerId,
    projectEnrolments: [],
    authorisedViewers: [],
    ePortfolioLinks: [],
    professionalBodies: [],
    enrolledProjectIds: [],
    memberOfBodyIds: [],
    projection: noMetadata,
    ...options.grants,
  };
  const org = options.workplaceGrants;
  return {
    learnerId,
    profile,
    grants,
    workplaceGrants:
      org === undefined || org === null
        ? null
        : { _id: `org:${org.odsCode}`, kind: 'organisation', odsCode: workplace ?? '', reportingLeads: [], reportRunners: [], programmeAccess: [], projection: noMetadata, ...org },
    professionalBodies: (options.professionalBodies ?? []).map((body) => ({
      _id: `body:${body.professionalBodyId}`,
      kind: 'professional-body',
      officers: [],
      programmeAccess: [],
      projection: noMetadata,
      ...body,
    })),
  };
}

export function lead(odsCode: string, leadId: string, period: GrantPeriod = standing) {
  return {
    odsCode,
    leadId,
    authorisedBy: 'admin-1',
    authorisedByRole: 'hr-director' as const,
    authorisedByName: 'Dr A',
    authorisedByOrganisationName: 'A Trust',
    authorisedByOdsCode: odsCode,
    ...period,
  };
}
