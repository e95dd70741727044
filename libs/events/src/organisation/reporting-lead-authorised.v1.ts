import type { Upcaster } from '../event-types';

/** The payload of `ReportingLeadAuthorised` version 1: the authoriser's role only. */
export interface ReportingLeadAuthorisedV1Data {
  odsCode: string;
  leadId: string;
  authorisedByRole: string;
}

/**
 * Version 1 → 2: version 1 did not record who authorised the lead, only their role, so the name,
 * organisation name and ODS code of the authoriser are null: unknown, not guessed. Fields present
 * in a version 1 payload under those names are left for validation to reject as the version 2 fields.
 */
export const upcastReportingLeadAuthorisedV1: Upcaster = (data) => ({
  authorisedByName: null,
  authorisedByOrganisationName: null,
  authorisedByOdsCode: null,
  ...data,
});
