import type { CoveredReportRunDocument, LearnerGrantsDocument, LearnerProfileDocument } from '@ledger/read-store';

/** A span of time a learner belonged to a coverage: from `from` (inclusive) to `until` (exclusive; null: still). */
interface Membership {
  coverage: string;
  from: string;
  until: string | null;
}

/**
 * The coverages that could have included a learner, and when: every learner (from registering), each
 * organisation they worked at while they had accepted the terms (organisation reports show only
 * those), each project they were enrolled on, each professional body they belonged to.
 */
export function membershipsOf(profile: LearnerProfileDocument | null, grants: LearnerGrantsDocument | null): Membership[] {
  const memberships: Membership[] = [{ coverage: 'all-learners', from: profile?.registeredAt ?? '', until: null }];
  const termsFrom = profile?.termsAccepted?.at ?? null;
  if (termsFrom) {
    const workplaces = [...(profile?.pastWorkplaces ?? []), ...(profile?.workplace?.odsCode ? [{ odsCode: profile.workplace.odsCode, from: profile.workplace.setAt, until: null }] : [])];
    for (const w of workplaces) memberships.push({ coverage: `organisation:${w.odsCode}`, from: w.from > termsFrom ? w.from : termsFrom, until: w.until });
  }
  for (const e of grants?.projectEnrolments ?? []) memberships.push({ coverage: `project:${e.projectId}`, from: e.grantedAt, until: e.revokedAt });
  for (const m of grants?.professionalBodies ?? []) memberships.push({ coverage: `professional-body:${m.professionalBodyId}`, from: m.grantedAt, until: m.revokedAt });
  return memberships;
}

/** The coverages to look up (each one equality read). */
export function coveragesOf(memberships: readonly Membership[]): string[] {
  return [...new Set(memberships.map((m) => m.coverage))];
}

/** Of the runs found by coverage, those that ran while the learner was covered. */
export function runsCovering(memberships: readonly Membership[], runs: readonly CoveredReportRunDocument[]): CoveredReportRunDocument[] {
  return runs.filter((run) => memberships.some((m) => m.coverage === run.coverage && run.viewedAt >= m.from && (m.until === null || run.viewedAt < m.until)));
}
