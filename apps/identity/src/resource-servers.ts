/**
 * The APIs the local provider issues access tokens for (RFC 8707 resource indicators): each token
 * names one of them as its audience, and each API accepts only tokens for itself. RFC 8707 asks for
 * absolute URIs, hence URNs.
 */
export const RESOURCE_SERVERS = ['urn:activity-ledger:ingest', 'urn:activity-ledger:reporting'] as const;

/** The one scope our APIs know: it says nothing about rights, which come from the ledger's grants. */
export const LEDGER_SCOPE = 'ledger';
