import { DynamicModule, Module, Provider } from '@nestjs/common';
import type { Logger } from 'pino';
import { DEPLOYMENT_KEY, DeploymentKey, JwksController } from '@ledger/deployment-key';
import { createKafka } from '@ledger/kafka';
import type { ProjectorConfig } from '../config';
import { APP_LOGGER, PROJECTOR_CONFIG } from '../tokens';
import { LedgerSealer, SEALER_KAFKA } from './ledger-sealer.service';

/**
 * The deployment key (published at /.well-known/jwks.json) and, unless disabled or this is a rebuild
 * (which must not seal the ledger a second time), the sealer.
 */
@Module({})
export class SealLedgerModule {
  static register(config: ProjectorConfig, logger: Logger): DynamicModule {
    const sealing = config.sealing.enabled && config.rebuildGeneration === undefined;
    const sealer: Provider[] = [
      { provide: PROJECTOR_CONFIG, useValue: config },
      { provide: APP_LOGGER, useValue: logger.child({ component: 'sealer' }) },
      {
        provide: SEALER_KAFKA,
        useFactory: () => createKafka({ brokers: config.kafkaBrokers, clientId: 'sealer', ledgerTopic: config.ledgerTopic }, logger),
      },
      LedgerSealer,
    ];
    return {
      module: SealLedgerModule,
      controllers: [JwksController],
      providers: [{ provide: DEPLOYMENT_KEY, useFactory: () => DeploymentKey.load(config.deploymentKey) }, ...(sealing ? sealer : [])],
      exports: [DEPLOYMENT_KEY],
    };
  }
}
