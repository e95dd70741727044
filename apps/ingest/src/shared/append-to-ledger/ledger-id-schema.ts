/** An id the ledger keeps (subject, actor, and the ids adapters derive them from): 1–200 characters, not only whitespace, no U+0000. */
export const LEDGER_ID_SCHEMA = { type: 'string', minLength: 1, maxLength: 200, pattern: '^[^\\u0000]*[^\\s\\u0000][^\\u0000]*$' } as const;

/** A UUID as the envelope's eventId rule checks it (either case), for the OpenAPI description. */
export const UUID_SCHEMA = { type: 'string', pattern: '^[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[1-8][0-9a-fA-F]{3}-[89abAB][0-9a-fA-F]{3}-[0-9a-fA-F]{12}$' } as const;
