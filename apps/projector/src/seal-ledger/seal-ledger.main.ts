import 'reflect-metadata';
import { NestFactory } from '@nestjs/core';
import { createLogger, runMain } from '@ledger/runtime';
import { loadProjectorConfig } from '../config';
import { SealLedgerModule } from './seal-ledger.module';

/**
 * Runs only the sealer, in a process of its own, with the projector's environment. `npm start` and the
 * projector app already run it; this is for the benchmark (which measures ingest with and without a
 * sealer) and for a deployment that prefers to seal apart from projecting (set SEALER_ENABLED=false
 * on the projector then, so the ledger is not sealed twice).
 */
runMain('sealer', async () => {
  const config = loadProjectorConfig(process.env);
  const logger = createLogger('sealer', config.logLevel);
  const app = await NestFactory.createApplicationContext(
    SealLedgerModule.register({ ...config, sealing: { ...config.sealing, enabled: true } }, logger),
    { logger: false },
  );
  app.enableShutdownHooks();
  await app.init();
});
