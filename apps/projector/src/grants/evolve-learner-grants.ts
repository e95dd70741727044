import { assertNever, PositionedEvent } from '@ledger/events';
import {
  advanceMetadata,
  type EPortfolioLink,
  grantsIdOfLearner,
  type LearnerGrantsDocument,
  type ProfessionalBodyMembership,
  type ProjectEnrolment,
  standingGrants,
  type ViewerAuthorisation,
} from '@ledger/read-store';
import { authorisationFrom, GRANTS_SCHEMA_VERSION, noGrantsProjectedYet } from './grant-entries';
import { endGrant, startGrant } from './grant-periods';
import type { LearnerGrantEvent } from './route-grant-event';

const byProject = (enrolment: ProjectEnrolment) => enrolment.projectId;
const byViewer = (authorisation: ViewerAuthorisation) => authorisation.viewerId;
const byEPortfolio = (link: EPortfolioLink) => link.ePortfolioId;
const byBody = (membership: ProfessionalBodyMembership) => membership.professionalBodyId;

/** Who may see one learner, after one more of the learner's grant events. Callers skip events already applied. */
export function evolveLearnerGrants(current: LearnerGrantsDocument | null, learnerId: string, { event, position }: PositionedEvent<LearnerGrantEvent>): LearnerGrantsDocument {
  const doc = { ...emptyLearnerGrants(learnerId), ...current };
  const next: LearnerGrantsDocument = {
    ...doc,
    projection: advanceMetadata(current?.projection ?? null, GRANTS_SCHEMA_VERSION, position, event.recordedAt),
  };
  const at = event.occurredAt;
  switch (event.type) {
    case 'LearnerEnrolledOnProject':
      next.projectEnrolments = startGrant(doc.projectEnrolments, { projectId: event.data.projectId, grantedAt: at, revokedAt: null }, byProject);
      break;
    case 'LearnerUnenrolledFromProject':
      next.projectEnrolments = endGrant(doc.projectEnrolments, byProject, event.data.projectId, at);
      break;
    case 'ViewerAuthorised':
      next.authorisedViewers = startGrant(doc.authorisedViewers, authorisationFrom(event), byViewer);
      break;
    case 'ViewerAuthorisationRevoked':
      next.authorisedViewers = endGrant(doc.authorisedViewers, byViewer, event.data.viewerId, at);
      break;
    case 'EPortfolioLinked':
      next.ePortfolioLinks = startGrant(doc.ePortfolioLinks, { ePortfolioId: event.data.ePortfolioId, accountId: event.data.accountId, grantedAt: at, revokedAt: null }, byEPortfolio);
      break;
    case 'EPortfolioUnlinked':
      next.ePortfolioLinks = endGrant(doc.ePortfolioLinks, byEPortfolio, event.data.ePortfolioId, at);
      break;
    case 'ProfessionalBodyMembershipRecorded':
      next.professionalBodies = startGrant(
        doc.professionalBodies,
        { professionalBodyId: event.data.professionalBodyId, membershipNumber: event.data.membershipNumber, grantedAt: at, revokedAt: null },
        byBody,
      );
      break;
    case 'ProfessionalBodyMembershipEnded':
      next.professionalBodies = endGrant(doc.professionalBodies, byBody, event.data.professionalBodyId, at);
      break;
    default:
      assertNever(event);
  }
  next.enrolledProjectIds = standingGrants(next.projectEnrolments).map(byProject);
  next.memberOfBodyIds = standingGrants(next.professionalBodies).map(byBody);
  return next;
}

function emptyLearnerGrants(learnerId: string): LearnerGrantsDocument {
  return {
    _id: grantsIdOfLearner(learnerId),
    kind: 'learner',
    learnerId,
    projectEnrolments: [],
    authorisedViewers: [],
    ePortfolioLinks: [],
    professionalBodies: [],
    enrolledProjectIds: [],
    memberOfBodyIds: [],
    projection: noGrantsProjectedYet(),
  };
}
