import { Kafka, logLevel, LogEntry } from 'kafkajs';
import type { Logger } from 'pino';
import type { KafkaSettings } from './kafka-settings';

const LEVEL: Record<number, 'error' | 'warn' | 'info' | 'debug'> = {
  [logLevel.ERROR]: 'error',
  [logLevel.WARN]: 'warn',
  [logLevel.INFO]: 'info',
  [logLevel.DEBUG]: 'debug',
};

/**
 * The kafkajs client, logging through our structured logger. Coordinator "loading" errors during a
 * fresh broker's start are retried by kafkajs and are not worth an error line, so they log at debug.
 */
export function createKafka(settings: KafkaSettings, logger: Logger): Kafka {
  const kafkaLogger = logger.child({ component: 'kafkajs' });
  return new Kafka({
    clientId: settings.clientId,
    brokers: settings.brokers,
    logLevel: logLevel.WARN,
    retry: { initialRetryTime: 100, retries: 8 },
    logCreator:
      () =>
      ({ level, log }: LogEntry) => {
        const { message, ...fields } = log;
        // The error may be in `error`, or (a consumer restarting after a "crash") in `stack` and the message.
        const said = [fields.error, fields.stack, message].filter((part): part is string => typeof part === 'string').join(' ');
        const transient = /coordinator is loading|not available|rebalanc/i.test(said);
        // kafkajs warns that bounded retries weaken exactly-once for an idempotent producer. We bound
        // them on purpose: an unacknowledged batch is answered 503 and resubmitted with the same
        // eventIds, and the projections count an eventId once.
        if (/Limiting retries for the idempotent producer/.test(message)) return;
        kafkaLogger[transient ? 'debug' : LEVEL[level] ?? 'info'](fields, message);
      },
  });
}
