import type { FieldError } from '@ledger/events';

/**
 * The errors the apps return, each with a stable code clients can branch on. The HTTP status for each
 * code is decided in one place (app-error.filter.ts).
 */
export type AppErrorCode =
  | 'REQUEST.INVALID'
  | 'REQUEST.TOO_LARGE'
  | 'REQUEST.METHOD_NOT_ALLOWED'
  /** Too many requests from one client address in the rate limit's window. */
  | 'REQUEST.RATE_LIMITED'
  | 'EVENT.CONFLICT'
  | 'LEDGER.UNAVAILABLE'
  | 'STORE.UNAVAILABLE'
  | 'RESOURCE.NOT_FOUND'
  /** No credentials, or credentials that prove nothing (expired, forged, for another audience). */
  | 'AUTH.UNAUTHENTICATED'
  /** Who is calling is known, and they may not do this. */
  | 'AUTH.FORBIDDEN';

export class AppError extends Error {
  constructor(
    readonly code: AppErrorCode,
    message: string,
    /** Machine-readable detail, e.g. every invalid field. */
    readonly details?: unknown,
  ) {
    super(message);
  }
}

/** One invalid item of a request, e.g. the event at `index` 3 of a batch. */
export interface InvalidItem {
  index: number;
  errors: FieldError[];
}
