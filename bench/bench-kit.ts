import { randomUUID } from 'node:crypto';

/** Events per second for `count` events done in `ms` milliseconds. */
export function rate(count: number, ms: number): number {
  return Math.round((count / ms) * 1000);
}

/** Runs `workers` loops concurrently, each taking jobs from a shared counter until `jobs` are done. */
export async function runConcurrently(workers: number, jobs: number, job: (index: number) => Promise<void>): Promise<number> {
  let next = 0;
  const started = performance.now();
  await Promise.all(
    Array.from({ length: workers }, async () => {
      for (let index = next++; index < jobs; index = next++) await job(index);
    }),
  );
  return performance.now() - started;
}

/** A realistic SessionAccessed envelope as a client submits it; `learners` spreads subjects over partitions. */
export function benchEvent(i: number, learners = 5_000): Record<string, unknown> {
  const learner = `bench-learner-${i % learners}`;
  return {
    eventId: randomUUID(),
    type: 'SessionAccessed',
    version: 1,
    occurredAt: new Date(Date.now() - 60_000).toISOString(),
    subject: learner,
    actor: learner,
    data: { sessionId: `session-${i % 40}`, attemptId: `attempt-${i % 7}`, timeSpentSeconds: 30 + (i % 600) },
  };
}

/** The median, 99th percentile and maximum of some latencies (nearest rank). */
export function percentiles(values: readonly number[]): { p50: number; p99: number; max: number } {
  const sorted = [...values].sort((a, b) => a - b);
  const at = (q: number) => sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))];
  return { p50: at(0.5), p99: at(0.99), max: sorted[sorted.length - 1] };
}

export function printTable(title: string, rows: Array<[string, string]>): void {
  console.log(`\n${title}`);
  const width = Math.max(...rows.map(([k]) => k.length));
  for (const [k, v] of rows) console.log(`  ${k.padEnd(width)}  ${v}`);
}
