export * from './read-store';
export * from './projection-metadata';
export * from './learner-sessions/learner-session.document';
export * from './xapi-statements/xapi-statement.document';
export * from './watermarks/projection-watermark.document';
export * from './generations/read-model-generation';
export * from './bulk-write-in-chunks';
