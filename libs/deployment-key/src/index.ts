export * from './deployment-key';
export * from './public-key-set';
export * from './public-jwk';
export * from './key-file';
export * from './jwks.controller';
