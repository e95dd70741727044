import type {
  LearnerGrantsDocument,
  LearnerProfileDocument,
  OrganisationGrantsDocument,
  ProfessionalBodyGrantsDocument,
  ViewerGrantsDocument,
} from '@ledger/read-store';

/**
 * What the policy knows about the person asking. The token only says who they are (`userId`, the
 * token's `sub`); every right comes from their grants in the ledger, plus the hub admins named in
 * configuration so that a new deployment has someone who can grant the first rights.
 */
export interface ViewerFacts {
  userId: string;
  /** Named a hub admin by configuration rather than by a ledger grant. */
  bootstrappedAdmin: boolean;
  /** `grants` `viewer:<userId>`; null when the ledger granted them nothing. */
  grants: ViewerGrantsDocument | null;
}

/**
 * What the policy knows about the learner whose record is asked for. Only documents found by `_id`:
 * the profile, the learner's grants, the grants of their current workplace, and those of the
 * professional bodies that both the learner belongs to and the viewer acts for.
 */
export interface SubjectFacts {
  learnerId: string;
  /** Null when the learner never registered (or does not exist). */
  profile: LearnerProfileDocument | null;
  grants: LearnerGrantsDocument | null;
  /** `org:<ODS>` of the learner's current workplace; null when they have none or it has no grants. */
  workplaceGrants: OrganisationGrantsDocument | null;
  professionalBodies: ProfessionalBodyGrantsDocument[];
}

/** Why a viewer may see someone: the rows of the table in DESIGN.md, "Who may see what". */
export type ViewerRole = 'self' | 'hub-admin' | 'project-staff' | 'tutor' | 'report-runner' | 'professional-body-officer';

/**
 * What a viewer may see of one learner: every programme, or the listed ones (none: an empty list),
 * and the roles that allowed it (empty when nothing is allowed).
 */
export interface Sight {
  programmes: 'all' | readonly string[];
  roles: readonly ViewerRole[];
}

export const NO_SIGHT: Sight = { programmes: [], roles: [] };

/** Whether the viewer may see anything of the learner at all. */
export function seesAnything(sight: Sight): boolean {
  return sight.programmes === 'all' || sight.programmes.length > 0;
}

/** Whether the viewer may see the learner's activity in `programmeId` (null: a session no programme is known for). */
export function seesProgramme(sight: Sight, programmeId: string | null): boolean {
  if (sight.programmes === 'all') return true;
  return programmeId !== null && sight.programmes.includes(programmeId);
}
