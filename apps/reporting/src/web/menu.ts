import { Capabilities, seesOthers } from '@ledger/access-policy';

export interface MenuItem {
  href: string;
  text: string;
}

/** What the signed-in person may use, from their grants: each page checks the same rule again. */
export function menuFor(capabilities: Capabilities): MenuItem[] {
  return [
    // As on the hub, "My activity" leads to the reports a person may run (their own, and any others they may).
    { href: '/reports', text: 'My activity' },
    { href: '/my/certificates', text: 'Certificates' },
    ...(seesOthers(capabilities) ? [{ href: '/admin/reports', text: 'Admin → Reports' }] : []),
    { href: '/my/permissions', text: 'My permissions' },
    ...(capabilities.reportingLeadOf.length > 0 ? [{ href: '/organisation', text: 'Organisation' }] : []),
    ...(capabilities.auditor ? [{ href: '/auditor', text: 'Auditor' }] : []),
  ];
}
