import { standingGrants } from '@ledger/read-store';
import { NO_SIGHT, Sight, SubjectFacts, ViewerFacts, ViewerRole } from './facts';
import { isHubAdmin } from './hub-admin';

/**
 * The access policy: what `viewer` may see of `subject`'s identifiable activity, by the table in
 * DESIGN.md ("Who may see what"), made exact:
 * - the learner themselves, always; a hub admin, everyone;
 * - a learner who has not accepted the terms is visible to nobody else;
 * - project staff: learners with a standing enrolment on a project they staff, that staffing's programmes;
 * - a tutor: learners whose authorisation of them stands, in the scope the learner chose;
 * - an organisation's report runner: learners whose current workplace is that organisation, while the
 *   runner's approval and the approving lead's authorisation both stand, in the programmes the
 *   organisation may see;
 * - a professional body's officer: the body's standing members, in the programmes the body may see;
 * - anyone else (another trainee): nobody.
 * Grants add up: the programmes of every row that applies are combined.
 */
export function decideSight(viewer: ViewerFacts, subject: SubjectFacts): Sight {
  if (viewer.userId === subject.learnerId) return { programmes: 'all', roles: ['self'] };
  if (isHubAdmin(viewer)) return { programmes: 'all', roles: ['hub-admin'] };
  if (!subject.profile?.termsAccepted) return NO_SIGHT;
  const byRow: Array<{ role: ViewerRole; programmes: 'all' | readonly string[] }> = [
    { role: 'project-staff', programmes: projectStaffProgrammes(viewer, subject) },
    { role: 'tutor', programmes: tutorScope(viewer, subject) },
    { role: 'report-runner', programmes: reportRunnerProgrammes(viewer, subject) },
    { role: 'professional-body-officer', programmes: professionalBodyProgrammes(viewer, subject) },
  ];
  const grants = byRow.filter((grant) => grant.programmes === 'all' || grant.programmes.length > 0);
  if (grants.length === 0) return NO_SIGHT;
  const roles = grants.map((grant) => grant.role);
  if (grants.some((grant) => grant.programmes === 'all')) return { programmes: 'all', roles };
  const programmes = new Set(grants.flatMap((grant) => grant.programmes as readonly string[]));
  return { programmes: [...programmes].sort(), roles };
}

function projectStaffProgrammes(viewer: ViewerFacts, subject: SubjectFacts): string[] {
  const enrolled = new Set(standingGrants(subject.grants?.projectEnrolments ?? []).map((enrolment) => enrolment.projectId));
  return standingGrants(viewer.grants?.projectStaff ?? [])
    .filter((staffing) => enrolled.has(staffing.projectId))
    .flatMap((staffing) => staffing.programmeIds);
}

function tutorScope(viewer: ViewerFacts, subject: SubjectFacts): 'all' | readonly string[] {
  const authorisation = standingGrants(subject.grants?.authorisedViewers ?? []).find((a) => a.viewerId === viewer.userId);
  return authorisation?.scope ?? [];
}

function reportRunnerProgrammes(viewer: ViewerFacts, subject: SubjectFacts): string[] {
  const workplace = subject.profile?.workplace?.odsCode ?? null;
  const organisation = subject.workplaceGrants;
  if (workplace === null || organisation === null || organisation.odsCode !== workplace) return [];
  const approval = standingGrants(organisation.reportRunners).find((runner) => runner.runnerId === viewer.userId);
  if (!approval) return [];
  const leadStands = standingGrants(organisation.reportingLeads).some((lead) => lead.leadId === approval.approvedByLeadId);
  if (!leadStands) return [];
  return standingGrants(organisation.programmeAccess).map((access) => access.programmeId);
}

function professionalBodyProgrammes(viewer: ViewerFacts, subject: SubjectFacts): string[] {
  const memberOf = new Set(standingGrants(subject.grants?.professionalBodies ?? []).map((membership) => membership.professionalBodyId));
  return subject.professionalBodies
    .filter((body) => memberOf.has(body.professionalBodyId))
    .filter((body) => standingGrants(body.officers).some((officer) => officer.officerId === viewer.userId))
    .flatMap((body) => standingGrants(body.programmeAccess).map((access) => access.programmeId));
}

/** Certificates are only ever reachable through the learner's own account, whoever else asks. */
export function mayReachCertificates(viewer: ViewerFacts, learnerId: string): boolean {
  return viewer.userId === learnerId;
}
