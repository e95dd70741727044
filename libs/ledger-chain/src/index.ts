export * from './chain-bytes';
export * from './checkpoint';
export * from './classify-break';
export * from './partition-verifier';
export * from './trusted-checkpoints';
export * from './verify-ledger-chain';
