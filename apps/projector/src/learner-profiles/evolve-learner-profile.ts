import { assertNever, PeopleEvent, PositionedEvent } from '@ledger/events';
import { advanceMetadata, noEventsApplied, LearnerProfileDocument } from '@ledger/read-store';

/** 2: `workplaceOdsCode` and `pastWorkplaces`. */
export const LEARNER_PROFILE_SCHEMA_VERSION = 2;

/**
 * The learner-profile read model as a pure fold: the document after one more people event. One
 * learner's events share a partition, so they arrive in ledger order and the latest statement of a
 * fact (email, workplace, terms) is the one that stands. Callers skip events already applied.
 */
export function evolveLearnerProfile(current: LearnerProfileDocument | null, { event, position }: PositionedEvent<PeopleEvent>): LearnerProfileDocument {
  const doc = current ?? emptyLearnerProfile(event.subject);
  const next: LearnerProfileDocument = {
    ...doc,
    projection: advanceMetadata(current?.projection ?? null, LEARNER_PROFILE_SCHEMA_VERSION, position, event.recordedAt),
  };
  switch (event.type) {
    case 'LearnerRegistered':
      next.name = { givenName: event.data.givenName, familyName: event.data.familyName };
      next.email = event.data.email;
      next.emailIsWorkEmail = event.data.emailIsWorkEmail;
      next.registeredAt = event.occurredAt;
      break;
    case 'LearnerEmailChanged':
      next.email = event.data.email;
      next.emailIsWorkEmail = event.data.emailIsWorkEmail;
      break;
    case 'EmploymentLocationSet': {
      const left = doc.workplace?.odsCode;
      if (left && left !== event.data.odsCode) next.pastWorkplaces = [...doc.pastWorkplaces, { odsCode: left, from: doc.workplace!.setAt, until: event.occurredAt }];
      next.workplace = { odsCode: event.data.odsCode, jobRole: event.data.jobRole, setAt: event.occurredAt };
      next.workplaceOdsCode = event.data.odsCode;
      break;
    }
    case 'TermsAccepted':
      next.termsAccepted = { version: event.data.termsVersion, at: event.occurredAt };
      break;
    default:
      assertNever(event);
  }
  return next;
}

function emptyLearnerProfile(learnerId: string): LearnerProfileDocument {
  return {
    _id: learnerId,
    name: null,
    email: null,
    emailIsWorkEmail: false,
    registeredAt: null,
    workplace: null,
    workplaceOdsCode: null,
    pastWorkplaces: [],
    termsAccepted: null,
    projection: noEventsApplied(LEARNER_PROFILE_SCHEMA_VERSION),
  };
}
