import {
  GRANTS_COLLECTION,
  GrantsDocument,
  grantsIdOfLearner,
  grantsIdOfOrganisation,
  grantsIdOfProfessionalBody,
  grantsIdOfViewer,
  LEARNER_PROFILES_COLLECTION,
  LearnerProfileDocument,
  ReadModels,
  standingGrants,
} from '@ledger/read-store';
import type { SubjectFacts, ViewerFacts } from './facts';

/**
 * The thin I/O shell around the policy: the documents it needs, each read by `_id` in the generation
 * `store` reads (the current one, or a past one for an as-of view). Nothing here decides anything.
 */
export class AccessFactsReader {
  constructor(
    private readonly store: ReadModels,
    /** User ids named hub admins by configuration (HUB_ADMINS). */
    private readonly bootstrappedAdmins: readonly string[],
  ) {}

  async viewer(userId: string): Promise<ViewerFacts> {
    const grants = await this.grant(grantsIdOfViewer(userId), 'viewer');
    return { userId, bootstrappedAdmin: this.bootstrappedAdmins.includes(userId), grants };
  }

  /** What the policy needs about `learnerId`, as seen by `viewer` (only the bodies both belong to are read). */
  async subject(learnerId: string, viewer: ViewerFacts): Promise<SubjectFacts> {
    const profiles = await this.store.readModel<LearnerProfileDocument>(LEARNER_PROFILES_COLLECTION);
    const [profile, grants] = await Promise.all([profiles.findOne({ _id: learnerId }), this.grant(grantsIdOfLearner(learnerId), 'learner')]);
    const odsCode = profile?.workplace?.odsCode ?? null;
    const officerOf = new Set(standingGrants(viewer.grants?.professionalBodyOfficerFor ?? []).map((officer) => officer.professionalBodyId));
    const sharedBodies = standingGrants(grants?.professionalBodies ?? []).filter((m) => officerOf.has(m.professionalBodyId));
    const [workplaceGrants, ...bodies] = await Promise.all([
      odsCode === null ? null : this.grant(grantsIdOfOrganisation(odsCode), 'organisation'),
      ...sharedBodies.map((m) => this.grant(grantsIdOfProfessionalBody(m.professionalBodyId), 'professional-body')),
    ]);
    return {
      learnerId,
      profile,
      grants,
      workplaceGrants: workplaceGrants as SubjectFacts['workplaceGrants'],
      professionalBodies: bodies.filter((body): body is NonNullable<typeof body> => body !== null) as SubjectFacts['professionalBodies'],
    };
  }

  async grant<K extends GrantsDocument['kind']>(id: string, kind: K): Promise<Extract<GrantsDocument, { kind: K }> | null> {
    const doc = await (await this.store.readModel<GrantsDocument>(GRANTS_COLLECTION)).findOne({ _id: id });
    return doc?.kind === kind ? (doc as Extract<GrantsDocument, { kind: K }>) : null;
  }
}
