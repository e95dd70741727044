import { declareReadModel, ReadModel } from '../indexes/read-model';
import type { ProjectionMetadata } from '../projection-metadata';

/** A learner's name as registered: version 2 of `LearnerRegistered` holds it in two parts. */
export interface LearnerName {
  givenName: string;
  /** Null for a learner who has a single name. */
  familyName: string | null;
}

/**
 * Where a learner says they work now. An employment location replaces the one before it, so there is
 * only ever one current workplace.
 */
export interface CurrentWorkplace {
  /**
   * ODS code: the NHS Organisation Data Service identifier of the workplace (e.g. `RJ1`). Null once the
   * learner states they have no current NHS workplace; then no organisation's report runners see them.
   */
  odsCode: string | null;
  /** Job role as the learner gave it; null when none is recorded. */
  jobRole: string | null;
  /** When the learner set it (the event's `occurredAt`). */
  setAt: string;
}

/** A workplace the learner stated and later left: from when to when they said they worked there. */
export interface PastWorkplace {
  odsCode: string;
  from: string;
  until: string;
}

/** The terms and conditions a learner accepted most recently. */
export interface AcceptedTerms {
  version: string;
  /** When they accepted (the event's `occurredAt`). */
  at: string;
}

/**
 * Who a learner is and where they work now, from people events. Written only by the learner-profiles
 * projection. Read by `findOne({ _id: learnerId })`: a learner's own details, the name on certificates,
 * and the access-control check for organisation report runners and professional bodies (current
 * workplace, terms accepted; see GrantsDocument). An organisation's staff are
 * `find({ workplaceOdsCode: odsCode })`: the ODS code is kept at the top level as well, where an
 * equality is served by an index (a nested path would scan the collection on FerretDB).
 * Fields are null until the event that states them has been seen.
 */
export interface LearnerProfileDocument {
  /** The learner id (the subject of every people event). */
  _id: string;
  name: LearnerName | null;
  email: string | null;
  /** Whether the current email is work-issued; it can entitle the learner to more content. */
  emailIsWorkEmail: boolean;
  registeredAt: string | null;
  /** Null until the learner first states an employment location. */
  workplace: CurrentWorkplace | null;
  /** `workplace.odsCode`, at the top level so an organisation's staff are one indexed equality read; null without one. */
  workplaceOdsCode: string | null;
  /**
   * Workplaces left, oldest first: one entry per change of employment, so it stays short. "Who viewed my
   * record" uses it to find the reports run over an organisation while the learner worked there.
   */
  pastWorkplaces: PastWorkplace[];
  termsAccepted: AcceptedTerms | null;
  projection: ProjectionMetadata;
}

export const LEARNER_PROFILES_COLLECTION = 'learner_profiles';

/** By `_id`, and an organisation's staff by `workplaceOdsCode`. */
export const LEARNER_PROFILES_READ_MODEL: ReadModel = declareReadModel(LEARNER_PROFILES_COLLECTION, ['workplaceOdsCode']);
