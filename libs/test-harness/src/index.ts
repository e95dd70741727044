export * from './stack';
export * from './choose-infra';
export * from './free-port';
export * from './local-stack';
export * from './container-stack';
export * from './start-stack';
export * from './test-stack-env';
export * from './test-app-env';
