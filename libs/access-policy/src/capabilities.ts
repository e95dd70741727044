import { standingGrants } from '@ledger/read-store';
import type { ViewerFacts } from './facts';
import { isHubAdmin } from './hub-admin';

/**
 * What a signed-in person may use, from their own grants only (for the menu and for choosing which
 * learners to list). Reaching a learner's record is still decided per learner by decideSight.
 */
export interface Capabilities {
  hubAdmin: boolean;
  auditor: boolean;
  /** Projects they staff now. */
  projectStaffOf: string[];
  /** Learners whose authorisation of them as tutor stands. */
  tutorOf: string[];
  /** Organisations (ODS codes) whose reports they are approved to run now. */
  reportRunnerFor: string[];
  /** Organisations they are reporting lead of now. */
  reportingLeadOf: string[];
  /** Professional bodies they act for now. */
  professionalBodyOfficerOf: string[];
}

export function capabilitiesOf(viewer: ViewerFacts): Capabilities {
  const grants = viewer.grants;
  return {
    hubAdmin: isHubAdmin(viewer),
    auditor: standingGrants(grants?.auditor ?? []).length > 0,
    projectStaffOf: standingGrants(grants?.projectStaff ?? []).map((staffing) => staffing.projectId),
    tutorOf: standingGrants(grants?.authorisedBy ?? []).map((authorisation) => authorisation.learnerId),
    reportRunnerFor: standingGrants(grants?.reportRunnerFor ?? []).map((approval) => approval.odsCode),
    reportingLeadOf: standingGrants(grants?.reportingLeadFor ?? []).map((lead) => lead.odsCode),
    professionalBodyOfficerOf: standingGrants(grants?.professionalBodyOfficerFor ?? []).map((officer) => officer.professionalBodyId),
  };
}

/** Whether they may see anyone's identifiable activity besides their own (the "Admin → Reports" menu). */
export function seesOthers(capabilities: Capabilities): boolean {
  const { hubAdmin, projectStaffOf, tutorOf, reportRunnerFor, professionalBodyOfficerOf } = capabilities;
  return hubAdmin || [projectStaffOf, tutorOf, reportRunnerFor, professionalBodyOfficerOf].some((list) => list.length > 0);
}
