import type { ProgrammeScope } from '@ledger/events';
import type { IngestAnswer } from '../access/ingest-client';
import type { FormError } from './shell';

/**
 * The tutor form, checked before anything is sent: every bad field named. `scope` is "all", or
 * "some" with programme ids separated by commas or spaces.
 */
export function readTutorForm(body: Record<string, unknown>, me: string): { act: { viewerId: string; scope: ProgrammeScope }; errors: FormError[] } {
  const errors: FormError[] = [];
  const viewerId = typeof body.viewerId === 'string' ? body.viewerId.trim() : '';
  if (!viewerId) errors.push({ field: 'viewerId', text: "Enter the tutor's username" });
  else if (viewerId === me) errors.push({ field: 'viewerId', text: 'You cannot authorise yourself' });
  else if (viewerId.length > 200) errors.push({ field: 'viewerId', text: "The tutor's username must be 200 characters or fewer" });
  const programmes = (typeof body.programmes === 'string' ? body.programmes : '').split(/[\s,]+/).filter(Boolean);
  if (body.scope !== 'all' && body.scope !== 'some') errors.push({ field: 'scope', text: 'Choose what the tutor may see' });
  else if (body.scope === 'some' && programmes.length === 0) errors.push({ field: 'programmes', text: 'Enter at least one programme id, or choose every programme' });
  else if (body.scope === 'some' && new Set(programmes).size !== programmes.length) errors.push({ field: 'programmes', text: 'Enter each programme id once' });
  const scope: ProgrammeScope = body.scope === 'some' ? programmes : 'all';
  return { act: { viewerId, scope }, errors };
}

/** Ingest's refusal in the form's terms: each reason it named, linked to `field`. */
export function actErrors(answer: IngestAnswer, field: string): FormError[] {
  if (answer.status >= 500) return [{ field, text: 'The change could not be recorded right now; nothing was changed. Try again.' }];
  const reasons = (answer.body.details ?? []).flatMap((item) => item.errors.map((e) => e.reason));
  return (reasons.length > 0 ? reasons : [answer.body.message ?? 'The change was refused']).map((text) => ({ field, text }));
}

/** The organisation form: a runner's username. */
export function readRunnerForm(body: Record<string, unknown>, me: string): { runnerId: string; errors: FormError[] } {
  const runnerId = typeof body.runnerId === 'string' ? body.runnerId.trim() : '';
  const errors: FormError[] = [];
  if (!runnerId) errors.push({ field: 'runnerId', text: "Enter the runner's username" });
  else if (runnerId === me) errors.push({ field: 'runnerId', text: 'A lead cannot approve themselves as a runner' });
  else if (runnerId.length > 200) errors.push({ field: 'runnerId', text: "The runner's username must be 200 characters or fewer" });
  return { runnerId, errors };
}
