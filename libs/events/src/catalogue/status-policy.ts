/**
 * Which reported status a session shows when attempts disagree: `latest` (the reference hub's rule:
 * the most recent attempt that reported one) or `best`. Every course and learning path definition
 * states it, so a definition that forgot it is rejected rather than quietly given the default.
 */
export const STATUS_POLICIES = ['latest', 'best'] as const;
export type StatusPolicy = (typeof STATUS_POLICIES)[number];
