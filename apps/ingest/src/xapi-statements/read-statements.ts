import { FieldError, isJsonObject, XapiVersion } from '@ledger/events';
import { AppError, InvalidItem } from '@ledger/runtime';
import { statementErrors } from './validate-statement';

/** Each statement becomes up to two events, and one append takes at most 1000. */
export const MAX_STATEMENTS_PER_REQUEST = 500;

/**
 * Until clients authenticate (a later issue), a statement's authority is the client it declared, as
 * an account on this reserved `.invalid` home page: it says "declared", not "verified".
 */
export const DECLARED_CLIENT_HOME_PAGE = 'https://activity-ledger.invalid/declared-clients';

/** One statement of a request, checked, with its lowercase `id` and the `authority` ingest sets. */
export interface ReceivedStatement {
  /** Its position in the request (0 for a single statement), by which errors name it. */
  index: number;
  statementId: string;
  statement: Record<string, unknown>;
}

export interface ReceiveContext {
  xapiVersion: XapiVersion;
  now: Date;
  /** The declared client, which becomes the statement's authority. */
  source: string;
  /** A fresh statement id, for a POSTed statement without one (UUID v4). */
  newId: () => string;
}

/** POST: one statement or an array of 1–500; every bad statement and field is named before anything is appended. */
export function readPostedStatements(body: unknown, context: ReceiveContext): ReceivedStatement[] {
  const raws = Array.isArray(body) ? body : [body];
  if (raws.length === 0 || raws.length > MAX_STATEMENTS_PER_REQUEST) {
    throw new AppError('REQUEST.INVALID', `a request holds 1 to ${MAX_STATEMENTS_PER_REQUEST} statements, got ${raws.length}`, [
      { index: -1, errors: [{ field: 'statements', reason: `must hold 1 to ${MAX_STATEMENTS_PER_REQUEST} statements` }] },
    ]);
  }
  return checked(raws.map((raw, index) => receive(raw, index, context)));
}

/** PUT: one statement whose id is the `statementId` parameter (the body may repeat it, but not contradict it). */
export function readPutStatement(body: unknown, statementIdParam: unknown, context: ReceiveContext): ReceivedStatement {
  if (typeof statementIdParam !== 'string' || statementIdParam.trim() === '') {
    throw new AppError('REQUEST.INVALID', 'PUT needs the statementId parameter', [{ index: -1, errors: [{ field: 'statementId', reason: 'is required' }] }]);
  }
  const bodyId = isJsonObject(body) ? body.id : undefined;
  if (bodyId !== undefined && (typeof bodyId !== 'string' || bodyId.toLowerCase() !== statementIdParam.toLowerCase())) {
    throw new AppError('REQUEST.INVALID', 'the statement id differs from the statementId parameter', [
      { index: 0, errors: [{ field: 'id', reason: 'must equal the statementId parameter' }] },
    ]);
  }
  const withId = isJsonObject(body) ? { ...body, id: statementIdParam } : body;
  return checked([receive(withId, 0, context)])[0];
}

type Received = { ok: true; value: ReceivedStatement } | { ok: false; invalid: InvalidItem };

function receive(raw: unknown, index: number, context: ReceiveContext): Received {
  if (!isJsonObject(raw)) return { ok: false, invalid: { index, errors: [{ field: '', reason: 'a statement must be a JSON object' }] } };
  const { stored: _ignoredStored, ...sent } = raw;
  const id = sent.id === undefined ? context.newId() : typeof sent.id === 'string' ? sent.id.toLowerCase() : sent.id;
  const statement = { ...sent, id, authority: declaredAuthority(context.source) };
  const errors: FieldError[] = statementErrors(statement, context.xapiVersion, context.now);
  if (errors.length > 0) return { ok: false, invalid: { index, errors } };
  return { ok: true, value: { index, statementId: id as string, statement } };
}

/** All or nothing: every invalid statement, and every id repeated within the request, is reported at once. */
function checked(received: Received[]): ReceivedStatement[] {
  const invalid = received.flatMap((r) => (r.ok ? [] : [r.invalid]));
  const firstIndexOf = new Map<string, number>();
  for (const r of received) {
    if (!r.ok) continue;
    const earlier = firstIndexOf.get(r.value.statementId);
    if (earlier === undefined) firstIndexOf.set(r.value.statementId, r.value.index);
    else invalid.push({ index: r.value.index, errors: [{ field: 'id', reason: `repeats the id of statement ${earlier} in this request` }] });
  }
  if (invalid.length > 0) {
    invalid.sort((a, b) => a.index - b.index);
    throw new AppError('REQUEST.INVALID', `${invalid.length} of ${received.length} statements are invalid; nothing was recorded`, invalid);
  }
  return received.flatMap((r) => (r.ok ? [r.value] : []));
}

/** The authority xAPI asks the LRS to set: who vouched for the statement, here the declared client. */
export function declaredAuthority(source: string): Record<string, unknown> {
  return { objectType: 'Agent', account: { homePage: DECLARED_CLIENT_HOME_PAGE, name: source } };
}
