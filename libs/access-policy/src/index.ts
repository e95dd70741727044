export * from './facts';
export * from './hub-admin';
export * from './decide-sight';
export * from './may-cause';
export * from './capabilities';
export * from './read-facts';
