import { Injectable } from '@nestjs/common';
import { Capabilities, seesAnything, Sight, ViewerFacts } from '@ledger/access-policy';
import { GRANTS_COLLECTION, GrantsDocument, LEARNER_PROFILES_COLLECTION, LearnerProfileDocument, ReadStore } from '@ledger/read-store';
import { LearnerAccess } from '../access/learner-access';

/** Most learners one list shows; the reports issue pages through more. */
export const MAX_LISTED = 200;

export interface VisibleLearner {
  learnerId: string;
  name: string;
  sight: Sight;
}

/**
 * The learners a viewer may see, for "Admin → Reports": candidates from each of their grants (each an
 * equality read), every one then checked by the access policy itself, so the list never shows anyone
 * the policy would refuse. An admin's candidates are every registered learner (a scan; listing
 * everyone is rare and capped here). Organisation staff are found by `workplaceOdsCode` (an indexed equality).
 */
@Injectable()
export class LearnersYouMaySee {
  constructor(
    private readonly store: ReadStore,
    private readonly access: LearnerAccess,
  ) {}

  async list(viewer: ViewerFacts, capabilities: Capabilities): Promise<VisibleLearner[]> {
    const candidates = await this.candidates(capabilities);
    candidates.delete(viewer.userId);
    const profiles = await this.store.readModel<LearnerProfileDocument>(LEARNER_PROFILES_COLLECTION);
    const visible: VisibleLearner[] = [];
    for (const learnerId of [...candidates].sort().slice(0, MAX_LISTED)) {
      const sight = await this.access.sight(viewer, learnerId);
      if (!seesAnything(sight)) continue;
      const profile = await profiles.findOne({ _id: learnerId });
      visible.push({ learnerId, name: profile?.name ? [profile.name.givenName, profile.name.familyName].filter(Boolean).join(' ') : learnerId, sight });
    }
    return visible;
  }

  private async candidates(capabilities: Capabilities): Promise<Set<string>> {
    const profiles = await this.store.readModel<LearnerProfileDocument>(LEARNER_PROFILES_COLLECTION);
    const grants = await this.store.readModel<GrantsDocument>(GRANTS_COLLECTION);
    const ids = new Set<string>(capabilities.tutorOf);
    if (capabilities.hubAdmin) (await profiles.find({}, { projection: { _id: 1 } }).limit(MAX_LISTED).toArray()).forEach((p) => ids.add(p._id));
    for (const odsCode of capabilities.reportRunnerFor) {
      (await profiles.find({ workplaceOdsCode: odsCode }, { projection: { _id: 1 } }).toArray()).forEach((p) => ids.add(p._id));
    }
    for (const projectId of capabilities.projectStaffOf) {
      (await grants.find({ kind: 'learner', enrolledProjectIds: projectId }).toArray()).forEach((g) => g.kind === 'learner' && ids.add(g.learnerId));
    }
    for (const bodyId of capabilities.professionalBodyOfficerOf) {
      (await grants.find({ kind: 'learner', memberOfBodyIds: bodyId }).toArray()).forEach((g) => g.kind === 'learner' && ids.add(g.learnerId));
    }
    return ids;
  }
}
