import 'reflect-metadata';
import { createLogger, runMain } from '@ledger/runtime';
import { loadIdentityConfig } from './config';
import { createIdentityServer } from './identity-server';
import { createProvider } from './provider';

/** The local OpenID provider (development and tests only): `npm start` and the test setup run it. */
runMain('identity', async () => {
  const config = loadIdentityConfig(process.env);
  const logger = createLogger('identity', config.logLevel);
  const provider = await createProvider(config);
  const server = createIdentityServer(provider, config.people, logger);
  await new Promise<void>((resolve) => server.listen(config.port, config.host, resolve));
  logger.info({ issuer: config.issuer }, 'local OpenID provider listening');
  const stop = () => server.close(() => process.exit(0));
  process.on('SIGTERM', stop);
  process.on('SIGINT', stop);
});
