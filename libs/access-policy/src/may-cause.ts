import { standingGrants } from '@ledger/read-store';
import type { ViewerFacts } from './facts';
import { isHubAdmin } from './hub-admin';

/** A fact a signed-in person asks ingest to record, with themselves as its actor. */
export interface PersonAct {
  type: string;
  subject: string;
  data: Record<string, unknown>;
}

export type ActDecision = { allowed: true } | { allowed: false; reason: string };

/** Facts only the learner they are about may cause: consents and their own details. */
const LEARNER_OWN_ACTS = new Set([
  'ViewerAuthorised',
  'ViewerAuthorisationRevoked',
  'TermsAccepted',
  'EPortfolioLinked',
  'EPortfolioUnlinked',
  'EmploymentLocationSet',
  'LearnerEmailChanged',
]);

/** Facts only a hub admin may record: who is staff, admin, auditor, lead, body officer, and what organisations and bodies may see. */
const HUB_ADMIN_ACTS = new Set([
  'HubAdminGranted',
  'HubAdminRevoked',
  'ProjectStaffAssigned',
  'ProjectStaffUnassigned',
  'LearnerEnrolledOnProject',
  'LearnerUnenrolledFromProject',
  'ProfessionalBodyMembershipRecorded',
  'ProfessionalBodyMembershipEnded',
  'AuditorAppointed',
  'AuditorAppointmentEnded',
  'ProfessionalBodyOfficerAppointed',
  'ProfessionalBodyOfficerRemoved',
  'ProfessionalBodyProgrammeAccessGranted',
  'ProfessionalBodyProgrammeAccessRevoked',
  'ReportingLeadAuthorised',
  'ReportingLeadRevoked',
  'OrganisationProgrammeAccessGranted',
  'OrganisationProgrammeAccessRevoked',
]);

/** Facts only a standing reporting lead of the organisation may cause. */
const REPORTING_LEAD_ACTS = new Set(['ReportRunnerApproved', 'ReportRunnerRemoved']);

/** Every fact a person may cause through ingest's person endpoint; anything else comes from a client. */
export const PERSON_ACT_TYPES: readonly string[] = [...LEARNER_OWN_ACTS, ...HUB_ADMIN_ACTS, ...REPORTING_LEAD_ACTS];

/**
 * Whether `actor` may cause `act`: a learner their own consents and details (never authorising
 * themselves), a hub admin the grants, a reporting lead the runners of their own organisation
 * (approving as themselves). The subject must be the one the fact is keyed by.
 */
export function mayCause(actor: ViewerFacts, act: PersonAct): ActDecision {
  const subjectProblem = wrongSubject(act);
  if (subjectProblem) return { allowed: false, reason: subjectProblem };
  if (LEARNER_OWN_ACTS.has(act.type)) {
    if (act.subject !== actor.userId) return { allowed: false, reason: `only the learner themselves may record ${act.type}` };
    if (act.type === 'ViewerAuthorised' && act.data.viewerId === actor.userId) return { allowed: false, reason: 'a learner cannot authorise themselves as a viewer' };
    return { allowed: true };
  }
  if (HUB_ADMIN_ACTS.has(act.type)) {
    return isHubAdmin(actor) ? { allowed: true } : { allowed: false, reason: `only a hub admin may record ${act.type}` };
  }
  if (REPORTING_LEAD_ACTS.has(act.type)) {
    const odsCode = act.data.odsCode;
    const isLead = standingGrants(actor.grants?.reportingLeadFor ?? []).some((lead) => lead.odsCode === odsCode);
    if (!isLead) return { allowed: false, reason: `only a reporting lead of ${String(odsCode)} may record ${act.type}` };
    if (act.data.leadId !== actor.userId) return { allowed: false, reason: 'a lead approves or removes runners as themselves (leadId must be the signed-in lead)' };
    return { allowed: true };
  }
  return { allowed: false, reason: `${act.type} is not a fact a person records; it comes from an authorised client` };
}

/** The subject each fact is keyed by, where its payload names it: a mis-keyed fact would land in another's history. */
function wrongSubject(act: PersonAct): string | undefined {
  const expected = expectedSubject(act);
  return expected !== undefined && expected !== act.subject ? `subject must be ${expected} for ${act.type}` : undefined;
}

function expectedSubject({ type, data }: PersonAct): string | undefined {
  const field = (name: string) => (typeof data[name] === 'string' ? (data[name] as string) : undefined);
  if (type.startsWith('HubAdmin') || type.startsWith('Auditor')) return field('userId');
  if (type.startsWith('ProjectStaff')) return field('staffId');
  if (type.startsWith('ProfessionalBodyOfficer') || type.startsWith('ProfessionalBodyProgramme')) return field('professionalBodyId');
  if (type.startsWith('ReportingLead') || type.startsWith('ReportRunner') || type.startsWith('OrganisationProgramme')) return field('odsCode');
  return undefined;
}
