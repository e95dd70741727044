/** DI tokens of the reporting app. */
export const REPORTING_CONFIG = Symbol('REPORTING_CONFIG');
export const APP_LOGGER = Symbol('APP_LOGGER');
