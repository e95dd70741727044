import { assertNever } from '@ledger/events';
import type { GrantsDocument } from '@ledger/read-store';
import { evolveLearnerGrants } from './evolve-learner-grants';
import { evolveOrganisationGrants } from './evolve-organisation-grants';
import { evolveProfessionalBodyGrants } from './evolve-professional-body-grants';
import { evolveProjectGrants } from './evolve-project-grants';
import { evolveViewerGrants } from './evolve-viewer-grants';
import type { RoutedGrantEvent } from './route-grant-event';

/** The grants read model as one pure fold: hands each routed event to the fold of its document's kind. */
export function evolveGrantDocument(current: GrantsDocument | null, routed: RoutedGrantEvent): GrantsDocument {
  switch (routed.kind) {
    case 'viewer':
      return evolveViewerGrants(ofKind(current, 'viewer'), routed.viewerId, routed);
    case 'learner':
      return evolveLearnerGrants(ofKind(current, 'learner'), routed.learnerId, routed);
    case 'project':
      return evolveProjectGrants(ofKind(current, 'project'), routed.projectId, routed);
    case 'organisation':
      return evolveOrganisationGrants(ofKind(current, 'organisation'), routed.odsCode, routed);
    case 'professional-body':
      return evolveProfessionalBodyGrants(ofKind(current, 'professional-body'), routed.professionalBodyId, routed);
    default:
      return assertNever(routed);
  }
}

/** The stored document as the kind its `_id` prefix says it is. */
function ofKind<K extends GrantsDocument['kind']>(doc: GrantsDocument | null, kind: K): Extract<GrantsDocument, { kind: K }> | null {
  if (doc === null) return null;
  if (doc.kind !== kind) throw new Error(`grants document ${doc._id} is a ${doc.kind} document, not a ${kind} one`);
  return doc as Extract<GrantsDocument, { kind: K }>;
}
