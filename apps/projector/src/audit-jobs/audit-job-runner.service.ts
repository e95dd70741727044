import { BeforeApplicationShutdown, Inject, Injectable, OnApplicationBootstrap } from '@nestjs/common';
import type { Kafka } from 'kafkajs';
import type { Logger } from 'pino';
import { AS_OF_GENERATIONS_READ_MODEL, AUDIT_JOBS_COLLECTION, AUDIT_JOBS_READ_MODEL, AuditJobDocument, ReadStore } from '@ledger/read-store';
import type { ProjectorConfig } from '../config';
import { APP_LOGGER, KAFKA, PROJECTOR_CONFIG } from '../tokens';
import { dropExpiredAsOfGenerations } from '../rebuild/as-of-generations';
import { JobRefused, runAuditJob } from './run-audit-job';

/** Expired as-of generations are looked for this often. */
const SWEEP_EVERY_MS = 60_000;
const PROGRESS_EVERY_MS = 1_000;

/**
 * The projector's job runner: takes queued jobs (see AuditJobRequestsProjection) one at a time, in the
 * order they were requested, claims each with a guarded update (so two projector processes never run
 * one job twice), runs it in this process, and records progress and the result on the job's document,
 * where reporting reads them. Also drops as-of generations whose time is up. Inert in a rebuild.
 */
@Injectable()
export class AuditJobRunner implements OnApplicationBootstrap, BeforeApplicationShutdown {
  private timer?: NodeJS.Timeout;
  private sweeper?: NodeJS.Timeout;
  private running?: Promise<void>;
  private stopping = false;

  constructor(
    @Inject(ReadStore) private readonly store: ReadStore,
    @Inject(KAFKA) private readonly kafka: Kafka,
    @Inject(PROJECTOR_CONFIG) private readonly config: ProjectorConfig,
    @Inject(APP_LOGGER) private readonly logger: Logger,
  ) {}

  private get jobs() {
    return this.store.db.collection<AuditJobDocument>(AUDIT_JOBS_COLLECTION);
  }

  async onApplicationBootstrap(): Promise<void> {
    if (this.config.rebuildGeneration !== undefined || !this.config.auditJobs.enabled) return;
    await this.store.ensureIndexes(AUDIT_JOBS_READ_MODEL);
    await this.store.ensureIndexes(AS_OF_GENERATIONS_READ_MODEL);
    // A job this runner was running when its process ended did not finish; it is not resumed.
    for (const job of await this.jobs.find({ status: 'running' }).toArray()) {
      await this.jobs.updateOne({ _id: job._id, status: 'running' }, { $set: { status: 'interrupted', finishedAt: new Date().toISOString(), error: 'the projector stopped while it ran; ask again' } });
    }
    this.timer = setInterval(() => this.takeNext(), this.config.auditJobs.pollMs);
    this.sweeper = setInterval(() => void dropExpiredAsOfGenerations(this.store, new Date()).catch((error: Error) => this.logger.warn({ err: error.message }, 'as-of sweep failed')), SWEEP_EVERY_MS);
  }

  async beforeApplicationShutdown(): Promise<void> {
    this.stopping = true;
    clearInterval(this.timer);
    clearInterval(this.sweeper);
    await this.running;
  }

  private takeNext(): void {
    if (this.running || this.stopping) return;
    this.running = this.runOldestQueued()
      .catch((error: Error) => this.logger.error({ err: error.message }, 'audit job runner failed'))
      .finally(() => (this.running = undefined));
  }

  private async runOldestQueued(): Promise<void> {
    const queued = (await this.jobs.find({ status: 'queued' }).toArray()).sort((a, b) => a.requestedAt.localeCompare(b.requestedAt));
    const job = queued[0];
    if (!job) return;
    const claimed = await this.jobs.updateOne({ _id: job._id, status: 'queued' }, { $set: { status: 'running', startedAt: new Date().toISOString() } });
    if (claimed.modifiedCount !== 1) return;
    this.logger.info({ jobId: job._id, kind: job.kind, requestedBy: job.requestedBy }, 'audit job started');
    let written = 0;
    const done = (fields: Partial<AuditJobDocument>) => this.jobs.updateOne({ _id: job._id }, { $set: { ...fields, finishedAt: new Date().toISOString() } });
    try {
      const result = await runAuditJob(job, { config: this.config, logger: this.logger, store: this.store, kafka: this.kafka }, (progress) => {
        if (Date.now() - written < PROGRESS_EVERY_MS) return;
        written = Date.now();
        void this.jobs.updateOne({ _id: job._id }, { $set: { progress } }).catch(() => undefined);
      });
      await done({ status: 'done', result });
      this.logger.info({ jobId: job._id, kind: job.kind }, 'audit job done');
    } catch (error) {
      const refused = error instanceof JobRefused;
      await done({ status: refused ? 'refused' : 'failed', error: (error as Error).message });
      this.logger[refused ? 'warn' : 'error']({ jobId: job._id, kind: job.kind, err: (error as Error).message }, refused ? 'audit job refused' : 'audit job failed');
    }
  }
}
