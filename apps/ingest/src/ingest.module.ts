import { DynamicModule, Module } from '@nestjs/common';
import type { Kafka } from 'kafkajs';
import type { Logger } from 'pino';
import { createKafka, ensureLedgerTopic, LedgerWriter, probeKafka } from '@ledger/kafka';
import { ReadStore } from '@ledger/read-store';
import { AccessFactsReader } from '@ledger/access-policy';
import { AccessTokenVerifier, createLogger, HEALTH_PROBES, HealthController } from '@ledger/runtime';
import { AuthenticateCaller } from './authenticate/authenticate-caller.guard';
import { ClientDirectory } from './authenticate/client-directory';
import { RecordActController } from './record-acts/record-act.controller';
import { AppendEventsController } from './append-events/append-events.controller';
import { AppendEventsService } from './shared/append-to-ledger/append-events.service';
import { EventReceipts } from './shared/append-to-ledger/event-receipts';
import type { IngestConfig } from './config';
import { ScormCommitsController } from './scorm-commits/scorm-commits.controller';
import { APP_LOGGER, CLOCK, Clock, INGEST_CONFIG, KAFKA } from './tokens';
import { RecordStatementsService } from './xapi-statements/record-statements.service';
import { StoredStatements } from './xapi-statements/stored-statements';
import { XapiStatementsController } from './xapi-statements/xapi-statements.controller';

@Module({})
export class IngestModule {
  static register(config: IngestConfig, logger: Logger = createLogger('ingest', config.logLevel), clock: Clock = () => new Date()): DynamicModule {
    return {
      module: IngestModule,
      controllers: [AppendEventsController, RecordActController, ScormCommitsController, XapiStatementsController, HealthController],
      providers: [
        { provide: INGEST_CONFIG, useValue: config },
        { provide: APP_LOGGER, useValue: logger },
        { provide: CLOCK, useValue: clock },
        { provide: KAFKA, useFactory: () => createKafka({ brokers: config.kafkaBrokers, clientId: 'ingest', ledgerTopic: config.ledgerTopic }, logger) },
        {
          provide: LedgerWriter,
          useFactory: async (kafka: Kafka) => {
            await ensureLedgerTopic(kafka, config.ledgerTopic);
            const writer = new LedgerWriter(kafka, config.ledgerTopic);
            await writer.connect();
            return writer;
          },
          inject: [KAFKA],
        },
        { provide: ReadStore, useFactory: () => ReadStore.connect({ mongoUrl: config.mongoUrl, database: config.database, ferretDbPostgresUrl: config.ferretDbPostgresUrl }) },
        {
          provide: EventReceipts,
          useFactory: async (store: ReadStore) => {
            const receipts = new EventReceipts(store, config.stateDatabase, logger);
            await receipts.ensureIndexes();
            return receipts;
          },
          inject: [ReadStore],
        },
        {
          provide: HEALTH_PROBES,
          useFactory: (kafka: Kafka, store: ReadStore) => ({ kafka: () => probeKafka(kafka), mongo: () => store.probe() }),
          inject: [KAFKA, ReadStore],
        },
        { provide: AccessTokenVerifier, useFactory: () => new AccessTokenVerifier(config.oidcIssuer, config.audience) },
        { provide: ClientDirectory, useFactory: () => new ClientDirectory(config.clients) },
        { provide: AccessFactsReader, useFactory: (store: ReadStore) => new AccessFactsReader(store, config.hubAdmins), inject: [ReadStore] },
        AuthenticateCaller,
        AppendEventsService,
        RecordStatementsService,
        StoredStatements,
      ],
    };
  }
}
