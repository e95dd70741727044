import { decideSight, isHubAdmin, Sight, SubjectFacts } from '@ledger/access-policy';
import { GRANTS_COLLECTION, GrantsDocument, grantsIdOfOrganisation, LEARNER_PROFILES_COLLECTION, LearnerProfileDocument, OrganisationGrantsDocument, standingGrants } from '@ledger/read-store';
import type { ReportContext } from '../shared/reports/report-definition';

/** Whose records a many-learner report covers (each then checked by the access policy). */
export type LearnerScope =
  | { kind: 'organisation'; odsCode: string }
  | { kind: 'project'; projectId: string }
  | { kind: 'professional-body'; bodyId: string }
  | { kind: 'tutor' }
  | { kind: 'all' };

/** A learner the report may show, with what the policy lets the requester see of them. */
export interface CandidateLearner {
  profile: LearnerProfileDocument;
  sight: Sight;
}

/** How a scope is named in the audit record's coverage (see ReportSubjects). */
export function coverageOf(scope: LearnerScope, requesterId: string): string {
  switch (scope.kind) {
    case 'organisation':
      return `organisation:${scope.odsCode}`;
    case 'project':
      return `project:${scope.projectId}`;
    case 'professional-body':
      return `professional-body:${scope.bodyId}`;
    case 'tutor':
      return `tutor:${requesterId}`;
    case 'all':
      return 'all-learners';
  }
}

/** Profiles are read this many at a time from a cursor, so a scope of any size streams. */
const CURSOR_BATCH = 1000;

/**
 * The learners of a scope, each with the policy's decision, in the order the store returns them.
 * Reads are equality reads on declared fields: an organisation's staff by `workplaceOdsCode`, a
 * project's or body's learners by the arrays on their grants, a tutor's learners from their own
 * grants; every learner (an admin's export) is a cursor over all profiles, which is what exporting
 * everything is. The organisation report shows only the organisation's programmes and only staff
 * who accepted the terms, whoever runs it; the other scopes show what the policy allows.
 */
export async function* candidatesOf(context: ReportContext, scope: LearnerScope): AsyncGenerator<CandidateLearner> {
  const profiles = await context.source.readModel<LearnerProfileDocument>(LEARNER_PROFILES_COLLECTION);
  const viewer = context.requester.facts;
  if (scope.kind === 'organisation') {
    const organisation = await context.source.access.grant(grantsIdOfOrganisation(scope.odsCode), 'organisation');
    const programmes = standingGrants(organisation?.programmeAccess ?? []).map((p) => p.programmeId);
    for await (const profile of profiles.find({ workplaceOdsCode: scope.odsCode }, { batchSize: CURSOR_BATCH })) {
      const sight = organisationSight(context, profile, organisation, programmes);
      if (sight) yield { profile, sight };
    }
    return;
  }
  if (scope.kind === 'all') {
    if (!isHubAdmin(viewer)) return;
    for await (const profile of profiles.find({}, { batchSize: CURSOR_BATCH })) yield { profile, sight: { programmes: 'all', roles: ['hub-admin'] } };
    return;
  }
  for (const learnerId of await learnerIdsOf(context, scope)) {
    if (learnerId === viewer.userId) continue;
    const subject = await context.source.access.subject(learnerId, viewer);
    const sight = decideSight(viewer, subject);
    if (subject.profile && (sight.programmes === 'all' || sight.programmes.length > 0)) yield { profile: subject.profile, sight };
  }
}

/** The report-runner row of the policy for one member of staff, limited to the organisation's programmes; null: not shown. */
function organisationSight(context: ReportContext, profile: LearnerProfileDocument, organisation: OrganisationGrantsDocument | null, programmes: string[]): Sight | null {
  if (!profile.termsAccepted || profile._id === context.requester.userId) return null;
  const subject: SubjectFacts = { learnerId: profile._id, profile, grants: null, workplaceGrants: organisation, professionalBodies: [] };
  const sight = decideSight(context.requester.facts, subject);
  const allowed = sight.programmes === 'all' ? programmes : sight.programmes.filter((p) => programmes.includes(p));
  return allowed.length > 0 ? { programmes: allowed, roles: sight.roles } : null;
}

async function learnerIdsOf(context: ReportContext, scope: Exclude<LearnerScope, { kind: 'organisation' | 'all' }>): Promise<string[]> {
  if (scope.kind === 'tutor') return [...context.requester.capabilities.tutorOf].sort();
  const grants = await context.source.readModel<GrantsDocument>(GRANTS_COLLECTION);
  const filter = scope.kind === 'project' ? { enrolledProjectIds: scope.projectId } : { memberOfBodyIds: scope.bodyId };
  const docs = await grants.find(filter, { batchSize: CURSOR_BATCH }).toArray();
  return docs.flatMap((doc) => (doc.kind === 'learner' ? [doc.learnerId] : [])).sort();
}
