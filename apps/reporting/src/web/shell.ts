import { Injectable } from '@nestjs/common';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { Capabilities, capabilitiesOf, ViewerFacts } from '@ledger/access-policy';
import { AppError } from '@ledger/runtime';
import { LearnerAccess } from '../access/learner-access';
import { menuFor } from './menu';
import { SignedInPerson, signedInPerson } from './web-session';

/** Thrown when a page needs a signed-in person and there is none (or their sign-in expired): the filter redirects. */
export class SignInRequired extends Error {
  constructor(readonly returnTo: string) {
    super('sign in first');
  }
}

/** The signed-in person with what the policy says about them. */
export interface ShellViewer {
  person: SignedInPerson;
  facts: ViewerFacts;
  capabilities: Capabilities;
}

/** One error in a form, for the NHS error summary (a link to the field) and the field's own message. */
export interface FormError {
  field: string;
  text: string;
}

/** What every page of the shell shares: who is signed in, their menu, the CSRF token for its forms, the CSP nonce. */
@Injectable()
export class Shell {
  constructor(private readonly access: LearnerAccess) {}

  async viewer(request: FastifyRequest): Promise<ShellViewer> {
    const person = signedInPerson(request);
    if (!person) throw new SignInRequired(request.url);
    const facts = await this.access.viewer(person.userId);
    return { person, facts, capabilities: capabilitiesOf(facts) };
  }

  /** 403 page unless `allowed`: the menu hides what a person may not use, and the page refuses it as well. */
  require(allowed: boolean): void {
    if (!allowed) throw new AppError('AUTH.FORBIDDEN', 'This page is not available to you.');
  }

  async render(reply: FastifyReply, viewer: ShellViewer | null, template: string, data: Record<string, unknown>, status = 200): Promise<void> {
    await reply.code(status).header('cache-control', 'no-store').view(template, await this.context(reply, viewer, data));
  }

  /** The page as HTML text, exactly as `render` would send it: a report's PDF is printed from this. */
  async html(reply: FastifyReply, viewer: ShellViewer | null, template: string, data: Record<string, unknown>): Promise<string> {
    return reply.viewAsync(template, await this.context(reply, viewer, data, 'print'));
  }

  private async context(reply: FastifyReply, viewer: ShellViewer | null, data: Record<string, unknown>, medium: 'screen' | 'print' = 'screen'): Promise<Record<string, unknown>> {
    const errors = (data.errors ?? []) as FormError[];
    return {
      ...data,
      // Each field's message, beside the error summary's links to the fields.
      fieldErrors: Object.fromEntries(errors.map((error) => [error.field, error.text])),
      person: viewer?.person ?? null,
      menu: viewer ? menuFor(viewer.capabilities) : [],
      // A printed page posts no form, and an API call that asks for a PDF has no session to keep a token in.
      csrfToken: medium === 'print' ? '' : await reply.generateCsrf(),
      medium,
      cspNonce: reply.cspNonce?.script,
      currentPath: reply.request.url.split('?')[0],
    };
  }
}
