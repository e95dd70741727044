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
 * workplace, terms accepted; see GrantsDocument). An organisation's staff report lists its learners
 * with `find({ 'workplace.odsCode': odsCode })`, which scans the collection on FerretDB.
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
  termsAccepted: AcceptedTerms | null;
  projection: ProjectionMetadata;
}

export const LEARNER_PROFILES_COLLECTION = 'learner_profiles';

/** Read by `_id` only. */
export const LEARNER_PROFILES_READ_MODEL: ReadModel = declareReadModel(LEARNER_PROFILES_COLLECTION, []);
