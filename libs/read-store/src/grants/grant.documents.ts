import { declareReadModel, ReadModel } from '../indexes/read-model';
import type { LeadAuthoriserRole, ProgrammeScope } from '@ledger/events';
import type { ProjectionMetadata } from '../projection-metadata';

/**
 * When a grant held: from the `occurredAt` of the event that gave it to that of the event that ended
 * it. A grant "stands" while `revokedAt` is null. History is never deleted: an ended grant stays with
 * its end time, and restating a standing grant with different terms (another scope, other programmes)
 * ends the old period where the new one starts, so "who could see what, when" can be answered.
 */
export interface GrantPeriod {
  grantedAt: string;
  revokedAt: string | null;
}

/** A learner's consent for a named viewer (tutor) to see their activity in `scope`. */
export interface ViewerAuthorisation extends GrantPeriod {
  learnerId: string;
  viewerId: string;
  /** `'all'` programmes, or only the listed programme ids. */
  scope: ProgrammeScope;
}

/** A user staffing a project, for the listed programmes of it. */
export interface ProjectStaffing extends GrantPeriod {
  projectId: string;
  staffId: string;
  programmeIds: string[];
}

/** A reporting lead's approval of a user to run an organisation's identifiable reports. */
export interface ReportRunnerApproval extends GrantPeriod {
  /** ODS code: the NHS Organisation Data Service identifier of the organisation. */
  odsCode: string;
  runnerId: string;
  /** The approval holds only while this lead's own authorisation stands. */
  approvedByLeadId: string;
}

/**
 * Everything granted to one user, as the viewer of other people's activity. `_id`: `viewer:<userId>`
 * (see grantsIdOfViewer). Lists are sorted by the other party's id, so the document is the same
 * whatever order the ledger's partitions were applied in.
 */
export interface ViewerGrantsDocument {
  _id: string;
  kind: 'viewer';
  viewerId: string;
  /** Periods as hub admin, who sees every learner. */
  hubAdmin: GrantPeriod[];
  projectStaff: ProjectStaffing[];
  /** Learners who authorised this viewer, i.e. whom a tutor may see. */
  authorisedBy: ViewerAuthorisation[];
  /** Organisations whose reports this user was approved to run. */
  reportRunnerFor: ReportRunnerApproval[];
  /** Organisations this user was authorised as reporting lead of (the same entries as on `org:<ODS>`). */
  reportingLeadFor: ReportingLeadAuthorisation[];
  /** Professional bodies this user acts for. */
  professionalBodyOfficerFor: ProfessionalBodyOfficer[];
  /** Periods as auditor, who reaches the trail of identifiable views (and no learner's activity through it). */
  auditor: GrantPeriod[];
  projection: ProjectionMetadata;
}

/** A learner's enrolment on a project, which lets that project's staff see them. */
export interface ProjectEnrolment extends GrantPeriod {
  projectId: string;
}

/** A learner's consent to have their activity pushed to their account in an ePortfolio. */
export interface EPortfolioLink extends GrantPeriod {
  ePortfolioId: string;
  accountId: string;
}

/** A learner's membership of a professional body (royal college, foundation school). */
export interface ProfessionalBodyMembership extends GrantPeriod {
  professionalBodyId: string;
  membershipNumber: string;
}

/** Everything a learner has consented to or been enrolled in. `_id`: `learner:<learnerId>`. */
export interface LearnerGrantsDocument {
  _id: string;
  kind: 'learner';
  learnerId: string;
  projectEnrolments: ProjectEnrolment[];
  /** The same authorisations as the viewers' `authorisedBy`, seen from the learner. */
  authorisedViewers: ViewerAuthorisation[];
  ePortfolioLinks: EPortfolioLink[];
  professionalBodies: ProfessionalBodyMembership[];
  /**
   * The projects the learner is enrolled on now, and the professional bodies they are a member of now:
   * top-level copies of the standing entries above, so "the learners of project P" is the equality read
   * `find({ kind: 'learner', enrolledProjectIds: P })`.
   */
  enrolledProjectIds: string[];
  memberOfBodyIds: string[];
  projection: ProjectionMetadata;
}

/** Who staffs a project, for which programmes. `_id`: `project:<projectId>`. */
export interface ProjectGrantsDocument {
  _id: string;
  kind: 'project';
  projectId: string;
  staff: ProjectStaffing[];
  projection: ProjectionMetadata;
}

/** A reporting lead of an organisation, and who vouched for them. */
export interface ReportingLeadAuthorisation extends GrantPeriod {
  /** ODS code of the organisation the lead reports for. */
  odsCode: string;
  leadId: string;
  /** The user who recorded the authorisation (the event's actor). */
  authorisedBy: string;
  /** HR director, SIRO, Caldicott Guardian, or practice manager at a GP surgery. */
  authorisedByRole: LeadAuthoriserRole;
  /** The authoriser's name, organisation name and ODS code; null for authorisations recorded before they were asked for. */
  authorisedByName: string | null;
  authorisedByOrganisationName: string | null;
  authorisedByOdsCode: string | null;
}

/** A user acting for a professional body. */
export interface ProfessionalBodyOfficer extends GrantPeriod {
  professionalBodyId: string;
  officerId: string;
}

/** A professional body's permission to see its members' identifiable activity in one programme. */
export interface ProfessionalBodyProgrammeAccess extends GrantPeriod {
  programmeId: string;
}

/** Who acts for a professional body and which programmes it may see. `_id`: `body:<professionalBodyId>`. */
export interface ProfessionalBodyGrantsDocument {
  _id: string;
  kind: 'professional-body';
  professionalBodyId: string;
  officers: ProfessionalBodyOfficer[];
  programmeAccess: ProfessionalBodyProgrammeAccess[];
  projection: ProjectionMetadata;
}

/** An organisation's permission to see its own staff's identifiable activity in one programme. */
export interface OrganisationProgrammeAccess extends GrantPeriod {
  programmeId: string;
}

/** How an organisation's identifiable reporting is authorised. `_id`: `org:<ODS code>`. */
export interface OrganisationGrantsDocument {
  _id: string;
  kind: 'organisation';
  /** ODS code: the NHS Organisation Data Service identifier of the organisation. */
  odsCode: string;
  reportingLeads: ReportingLeadAuthorisation[];
  reportRunners: ReportRunnerApproval[];
  programmeAccess: OrganisationProgrammeAccess[];
  projection: ProjectionMetadata;
}

/**
 * The `grants` read model: the facts access control needs, one document per party, each found by
 * `_id`. Written only by the grants projection. To decide "may viewer V see learner L's activity in
 * programme P" (DESIGN.md, "Who may see what"), with V ≠ L:
 *
 * 1. read `grants` `{ _id: 'viewer:V' }` and `{ _id: 'learner:L' }`, and `learner_profiles` `{ _id: L }`;
 * 2. yes if `viewer:V` has a standing `hubAdmin` period;
 * 3. yes if `learner:L` has a standing `authorisedViewers` entry for V whose scope is `'all'` or holds P;
 * 4. yes if a standing `viewer:V` `projectStaff` entry lists P for a project L has a standing enrolment on;
 * 5. if `viewer:V` has a standing `reportRunnerFor` entry for L's current workplace ODS code, and L
 *    accepted the terms: read `org:<ODS>`; yes if its runner approval for V stands, the approving lead's
 *    authorisation stands there too, and a standing `programmeAccess` entry is for P.
 *
 * 6. if `viewer:V` has a standing `professionalBodyOfficerFor` entry for a body L is a standing member of,
 *    and L accepted the terms: read `body:<id>`; yes if the officer stands there and P is in its `programmeAccess`.
 *
 * That is two round trips of `_id` reads at most. The rules themselves are one pure function in
 * `@ledger/access-policy`; this comment says only which documents it needs.
 */
export type GrantsDocument = ViewerGrantsDocument | LearnerGrantsDocument | ProjectGrantsDocument | OrganisationGrantsDocument | ProfessionalBodyGrantsDocument;

export const GRANTS_COLLECTION = 'grants';

/** By `_id`; the learners of a project or a professional body by `enrolledProjectIds` or `memberOfBodyIds` (an array holds the value). */
export const GRANTS_READ_MODEL: ReadModel = declareReadModel(GRANTS_COLLECTION, ['enrolledProjectIds', 'memberOfBodyIds']);

export const grantsIdOfViewer = (userId: string): string => `viewer:${userId}`;
export const grantsIdOfLearner = (learnerId: string): string => `learner:${learnerId}`;
export const grantsIdOfProject = (projectId: string): string => `project:${projectId}`;
export const grantsIdOfOrganisation = (odsCode: string): string => `org:${odsCode}`;
export const grantsIdOfProfessionalBody = (professionalBodyId: string): string => `body:${professionalBodyId}`;

/** The grants among `periods` that stand now (not revoked). */
export function standingGrants<T extends GrantPeriod>(periods: readonly T[]): T[] {
  return periods.filter((period) => period.revokedAt === null);
}
