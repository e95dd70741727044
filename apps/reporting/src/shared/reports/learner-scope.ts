import { decideSight, seesAnything, Sight } from '@ledger/access-policy';
import { LEARNER_PROFILES_COLLECTION, LearnerProfileDocument } from '@ledger/read-store';
import { noSuchRecord } from '../../access/learner-access';
import type { ReportAudit, ReportContext } from './report-definition';
import type { ReportSource } from '../../report-outputs/report-source';
import type { ReportQuery } from './report-query';

/** Whose record a single-learner report shows: `learner` in the query, or the requester's own. */
export function learnerOf(query: ReportQuery, context: ReportContext): string {
  return query.text('learner') ?? context.requester.userId;
}

/**
 * What the requester may see of one learner, by the access policy, read from the report's source:
 * the indistinguishable 404 when nothing (the learner does not exist, or may not be seen).
 */
export async function requireSight(context: ReportContext, learnerId: string): Promise<Sight> {
  const { facts } = context.requester;
  const sight = decideSight(facts, await context.source.access.subject(learnerId, facts));
  if (!seesAnything(sight)) throw noSuchRecord();
  return sight;
}

/** The audit of a single-learner report: none for the learner's own record. */
export function oneLearnerAudit(sight: Sight, learnerId: string, parameters: Record<string, string> = {}): ReportAudit | null {
  if (sight.roles.includes('self')) return null;
  const programmes = sight.programmes === 'all' ? 'all' : sight.programmes.join(',');
  return { roles: sight.roles, parameters: { learnerId, programmesVisible: programmes, ...parameters }, subjects: { ids: [learnerId], coverage: `learner:${learnerId}`, count: 1 } };
}

/** The learner's name as registered, or their id. */
export async function learnerName(source: ReportSource, learnerId: string): Promise<string> {
  const profile = await (await source.readModel<LearnerProfileDocument>(LEARNER_PROFILES_COLLECTION)).findOne({ _id: learnerId });
  return displayName(profile, learnerId);
}

export function displayName(profile: Pick<LearnerProfileDocument, 'name'> | null, learnerId: string): string {
  return profile?.name ? [profile.name.givenName, profile.name.familyName].filter(Boolean).join(' ') : learnerId;
}
