/** DI tokens of the projector app. */
export const PROJECTOR_CONFIG = Symbol('PROJECTOR_CONFIG');
export const APP_LOGGER = Symbol('APP_LOGGER');
export const KAFKA = Symbol('KAFKA');
