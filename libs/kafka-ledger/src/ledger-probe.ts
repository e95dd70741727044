import type { Kafka } from 'kafkajs';

/** Whether a broker answers a metadata request within `timeoutMs`; for /health. */
export async function probeKafka(kafka: Kafka, timeoutMs = 2_000): Promise<{ up: boolean; detail?: string }> {
  const admin = kafka.admin({ retry: { retries: 0 } });
  const timeout = new Promise<never>((_, reject) => setTimeout(() => reject(new Error(`no answer within ${timeoutMs} ms`)), timeoutMs).unref());
  try {
    await Promise.race([admin.connect().then(() => admin.describeCluster()), timeout]);
    return { up: true };
  } catch (error) {
    return { up: false, detail: (error as Error).message };
  } finally {
    await admin.disconnect().catch(() => undefined);
  }
}
