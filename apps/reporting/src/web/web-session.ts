import type { FastifyRequest } from 'fastify';

/** The signed-in person, kept in the encrypted session cookie. The access token lets the shell record their acts through ingest. */
export interface SignedInPerson {
  userId: string;
  name: string;
  accessToken: string;
  /** Epoch milliseconds; past it the person signs in again. */
  expiresAt: number;
  idToken: string;
}

/** A sign-in in progress: what the callback must match (PKCE verifier, state, nonce) and where to go afterwards. */
export interface SignInFlow {
  verifier: string;
  state: string;
  nonce: string;
  returnTo: string;
}

declare module '@fastify/secure-session' {
  interface SessionData {
    person: SignedInPerson;
    signIn: SignInFlow;
  }
}

export function signedInPerson(request: FastifyRequest): SignedInPerson | undefined {
  const person = request.session.get('person');
  return person && person.expiresAt > Date.now() ? person : undefined;
}

/** Only local paths, so a crafted returnTo cannot send someone elsewhere after signing in. */
export function safeReturnTo(value: unknown): string {
  return typeof value === 'string' && /^\/(?!\/)[\w\-/.?=&%]*$/.test(value) ? value : '/';
}
