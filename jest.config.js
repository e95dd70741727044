/**
 * Two projects: `unit` needs nothing running; `integration` shares one real stack (Kafka + a
 * Mongo-wire store) started by its global setup and stopped by its teardown.
 */
const swc = ['@swc/jest', { jsc: { parser: { syntax: 'typescript', decorators: true }, transform: { legacyDecorator: true, decoratorMetadata: true }, keepClassNames: true, target: 'es2022' } }];
const moduleNameMapper = {
  '^@ledger/access-policy$': '<rootDir>/libs/access-policy/src',
  '^@ledger/chain$': '<rootDir>/libs/ledger-chain/src',
  '^@ledger/deployment-key$': '<rootDir>/libs/deployment-key/src',
  '^@ledger/events$': '<rootDir>/libs/events/src',
  '^@ledger/events/testing$': '<rootDir>/libs/events/src/testing',
  '^@ledger/kafka$': '<rootDir>/libs/kafka-ledger/src',
  '^@ledger/read-store$': '<rootDir>/libs/read-store/src',
  '^@ledger/runtime$': '<rootDir>/libs/runtime/src',
  '^@ledger/test-harness$': '<rootDir>/libs/test-harness/src',
};
// A few dependencies ship ES modules only (Node loads them with require(esm); Jest does not), so they are transpiled too.
const esmOnly = ['content-disposition', 'jose', 'openid-client', 'oauth4webapi', '@fastify/cookie', 'cookie'];
const common = {
  transform: { '^.+\\.ts$': swc, '^.+\\.js$': swc },
  transformIgnorePatterns: [`/node_modules/(?!(.*/)?(${esmOnly.join('|')})/)`],
  moduleNameMapper, testEnvironment: 'node', setupFiles: ['reflect-metadata'] };

module.exports = {
  projects: [
    { ...common, displayName: 'unit', testMatch: ['<rootDir>/{apps,libs}/**/*.unit.spec.ts'] },
    {
      ...common,
      displayName: 'integration',
      testMatch: ['<rootDir>/{apps,libs,e2e}/**/*.int.spec.ts'],
      globalSetup: '<rootDir>/libs/test-harness/src/jest/global-setup.ts',
      globalTeardown: '<rootDir>/libs/test-harness/src/jest/global-teardown.ts',
      setupFilesAfterEnv: ['<rootDir>/libs/test-harness/src/jest/set-timeout.ts'],
    },
  ],
};
