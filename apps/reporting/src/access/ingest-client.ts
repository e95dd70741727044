import { randomUUID } from 'node:crypto';
import { Inject, Injectable } from '@nestjs/common';
import type { Logger } from 'pino';
import { AppError } from '@ledger/runtime';
import type { ReportingConfig } from '../config';
import { APP_LOGGER, REPORTING_CONFIG } from '../tokens';
import { RelyingParty } from './relying-party';

/** What ingest answered, for the shell to show: 202, or its error with every bad field. */
export interface IngestAnswer {
  status: number;
  body: { code?: string; message?: string; details?: Array<{ index: number; errors: Array<{ field: string; reason: string }> }> };
}

/**
 * Reporting writes nothing itself: ingest stays the only writer to the ledger. Audit facts go with
 * reporting's own client token; a person's acts with that person's access token.
 */
@Injectable()
export class IngestClient {
  constructor(
    @Inject(REPORTING_CONFIG) private readonly config: ReportingConfig,
    private readonly relyingParty: RelyingParty,
    @Inject(APP_LOGGER) private readonly logger: Logger,
  ) {}

  /** Appends events as reporting; resolves once ingest answered 202, otherwise throws LEDGER.UNAVAILABLE. */
  async appendAsReporting(events: object[]): Promise<void> {
    const answer = await this.post('/v1/events', await this.relyingParty.clientToken(), { events }).catch((error: Error) => {
      this.logger.error({ err: error.message }, 'ingest unreachable');
      return null;
    });
    if (answer?.status !== 202) {
      this.logger.error({ status: answer?.status, code: answer?.body.code }, 'audit append refused or failed');
      throw new AppError('LEDGER.UNAVAILABLE', 'the view could not be recorded in the ledger, so nothing is shown; try again');
    }
  }

  /** Records an act as the signed-in person (their token); the answer is returned for the page to show. */
  async recordAct(personToken: string, act: { type: string; version: number; subject: string; data: object }): Promise<IngestAnswer> {
    return this.post('/v1/acts', personToken, { eventId: randomUUID(), ...act });
  }

  private async post(path: string, token: string, body: object): Promise<IngestAnswer> {
    const response = await fetch(`${this.config.ingestUrl}${path}`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
      body: JSON.stringify(body),
    });
    return { status: response.status, body: (await response.json().catch(() => ({}))) as IngestAnswer['body'] };
  }
}
