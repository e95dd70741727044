import { assertNever, PositionedEvent } from '@ledger/events';
import {
  advanceMetadata,
  grantsIdOfProfessionalBody,
  type ProfessionalBodyGrantsDocument,
  type ProfessionalBodyOfficer,
  type ProfessionalBodyProgrammeAccess,
} from '@ledger/read-store';
import { GRANTS_SCHEMA_VERSION, noGrantsProjectedYet, officerFrom } from './grant-entries';
import { endGrant, startGrant } from './grant-periods';
import type { ProfessionalBodyGrantEvent } from './route-grant-event';

const byOfficer = (officer: ProfessionalBodyOfficer) => officer.officerId;
const byProgramme = (access: ProfessionalBodyProgrammeAccess) => access.programmeId;

/** Who acts for one professional body and which programmes it may see, after one more of its events. Callers skip events already applied. */
export function evolveProfessionalBodyGrants(
  current: ProfessionalBodyGrantsDocument | null,
  professionalBodyId: string,
  { event, position }: PositionedEvent<ProfessionalBodyGrantEvent>,
): ProfessionalBodyGrantsDocument {
  const doc = current ?? emptyBodyGrants(professionalBodyId);
  const next: ProfessionalBodyGrantsDocument = {
    ...doc,
    projection: advanceMetadata(current?.projection ?? null, GRANTS_SCHEMA_VERSION, position, event.recordedAt),
  };
  const at = event.occurredAt;
  switch (event.type) {
    case 'ProfessionalBodyOfficerAppointed':
      next.officers = startGrant(doc.officers, officerFrom(event), byOfficer);
      break;
    case 'ProfessionalBodyOfficerRemoved':
      next.officers = endGrant(doc.officers, byOfficer, event.data.officerId, at);
      break;
    case 'ProfessionalBodyProgrammeAccessGranted':
      next.programmeAccess = event.data.programmeIds.reduce(
        (access, programmeId) => startGrant(access, { programmeId, grantedAt: at, revokedAt: null }, byProgramme),
        doc.programmeAccess,
      );
      break;
    case 'ProfessionalBodyProgrammeAccessRevoked':
      next.programmeAccess = event.data.programmeIds.reduce((access, programmeId) => endGrant(access, byProgramme, programmeId, at), doc.programmeAccess);
      break;
    default:
      assertNever(event);
  }
  return next;
}

function emptyBodyGrants(professionalBodyId: string): ProfessionalBodyGrantsDocument {
  return { _id: grantsIdOfProfessionalBody(professionalBodyId), kind: 'professional-body', professionalBodyId, officers: [], programmeAccess: [], projection: noGrantsProjectedYet() };
}
