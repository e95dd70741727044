/** DI tokens of the ingest app. */
export const INGEST_CONFIG = Symbol('INGEST_CONFIG');
export const APP_LOGGER = Symbol('APP_LOGGER');
export const KAFKA = Symbol('KAFKA');
/** The ingest clock: a parameter, so tests can fix "now". */
export const CLOCK = Symbol('CLOCK');
export type Clock = () => Date;
