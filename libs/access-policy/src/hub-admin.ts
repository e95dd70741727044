import { standingGrants } from '@ledger/read-store';
import type { ViewerFacts } from './facts';

/** A hub admin by configuration, or by a standing `HubAdminGranted`. */
export function isHubAdmin(viewer: ViewerFacts): boolean {
  return viewer.bootstrappedAdmin || standingGrants(viewer.grants?.hubAdmin ?? []).length > 0;
}
