import { assertNever, PositionedEvent } from '@ledger/events';
import { advanceMetadata, grantsIdOfProject, ProjectGrantsDocument, ProjectStaffing } from '@ledger/read-store';
import { GRANTS_SCHEMA_VERSION, noGrantsProjectedYet, staffingFrom } from './grant-entries';
import { endGrant, startGrant } from './grant-periods';
import type { ProjectGrantEvent } from './route-grant-event';

const byStaff = (staffing: ProjectStaffing) => staffing.staffId;

/** Who staffs one project, for which programmes, after one more staffing event. Callers skip events already applied. */
export function evolveProjectGrants(current: ProjectGrantsDocument | null, projectId: string, { event, position }: PositionedEvent<ProjectGrantEvent>): ProjectGrantsDocument {
  const doc = current ?? { _id: grantsIdOfProject(projectId), kind: 'project', projectId, staff: [], projection: noGrantsProjectedYet() };
  const next: ProjectGrantsDocument = {
    ...doc,
    projection: advanceMetadata(current?.projection ?? null, GRANTS_SCHEMA_VERSION, position, event.recordedAt),
  };
  switch (event.type) {
    case 'ProjectStaffAssigned':
      next.staff = startGrant(doc.staff, staffingFrom(event), byStaff);
      break;
    case 'ProjectStaffUnassigned':
      next.staff = endGrant(doc.staff, byStaff, event.data.staffId, event.occurredAt);
      break;
    default:
      assertNever(event);
  }
  return next;
}
