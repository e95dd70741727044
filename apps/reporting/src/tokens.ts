/** DI tokens of the reporting app. */
export const REPORTING_CONFIG = Symbol('REPORTING_CONFIG');
