import { Injectable } from '@nestjs/common';
import { AccessFactsReader, capabilitiesOf, decideSight, seesAnything, Sight, ViewerFacts } from '@ledger/access-policy';
import { AppError } from '@ledger/runtime';

/**
 * The one answer for a learner a viewer may not see and for a learner who does not exist: the same
 * status, code and message, naming nobody, so a refusal reveals nothing.
 */
export function noSuchRecord(): AppError {
  return new AppError('RESOURCE.NOT_FOUND', 'there is no learner record here that you may see');
}

/** Applies the access policy to one learner for one viewer, reading only what it needs. */
@Injectable()
export class LearnerAccess {
  constructor(private readonly facts: AccessFactsReader) {}

  viewer(userId: string): Promise<ViewerFacts> {
    return this.facts.viewer(userId);
  }

  async sight(viewer: ViewerFacts, learnerId: string): Promise<Sight> {
    return decideSight(viewer, await this.facts.subject(learnerId, viewer));
  }

  /** 403 unless the viewer's auditor appointment stands now (hub admins are not auditors as such). */
  async requireAuditor(userId: string): Promise<void> {
    if (!capabilitiesOf(await this.viewer(userId)).auditor) throw new AppError('AUTH.FORBIDDEN', 'only auditors may use this');
  }

  /** The sight, or the indistinguishable refusal when the viewer may see nothing of the learner. */
  async requireSight(viewer: ViewerFacts, learnerId: string): Promise<Sight> {
    const sight = await this.sight(viewer, learnerId);
    if (!seesAnything(sight)) throw noSuchRecord();
    return sight;
  }
}
