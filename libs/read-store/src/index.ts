export * from './read-store';
export * from './projection-metadata';
export * from './learner-sessions/learner-session.document';
export * from './watermarks/projection-watermark.document';
export * from './generations/read-model-generation';
