import { resolve } from 'node:path';
import { startLocalStack } from '@ledger/test-harness';
import { benchCertificates } from './certificates.bench';
import { benchAudit } from './audit.bench';
import { benchChain } from './chain.bench';
import { benchIngest } from './ingest.bench';
import { benchProjection } from './projection.bench';
import { benchScale } from './scale/scale.bench';
import { benchReports } from './reports.bench';

/**
 * `npm run bench`: every scenario against one local stack, each printing its ratio to a raw baseline
 * measured in the same run. Sizes are bounded so a run ends by itself in a few minutes.
 * `npm run bench -- ingest`, `-- projection`, `-- chain`, `-- certificates`, `-- reports` or `-- audit`
 * runs one scenario. The reports scenario's size: BENCH_REPORT_LEARNERS (default 20 000) × 10 sessions.
 * `npm run bench -- scale` (opt-in, not part of the default run: it takes hours) measures a
 * national-shaped ledger; `SCALE_LEARNERS` sets its size (default 100 000 learners × 10 sessions), and
 * `SCALE_REBUILD=skip` ends it after the reads, without the full rebuild (which takes as long again);
 * `SCALE_PROJECTION=skip` leaves out the live projection and the reads and times only the full rebuild.
 */
async function main(): Promise<void> {
  const stack = await startLocalStack({ rootDir: resolve(__dirname, '..'), runName: 'bench', onServiceCrash: (m) => console.error(m) });
  try {
    console.log(`bench on ${new Date().toISOString()} — kafka ${stack.kafkaBrokers.join(',')}, store ${stack.mongoUrl}`);
    const only = process.argv.slice(2);
    if (only.length === 0 || only.includes('ingest')) await benchIngest(stack, { batches: 120, batchSize: 500, clients: 6 });
    if (only.length === 0 || only.includes('projection'))
      await benchProjection(stack, { events: 20_000, learners: 100, sessionsPerLearner: 2 });
    if (only.includes('reports')) {
      const learners = Number(process.env.BENCH_REPORT_LEARNERS ?? 20_000);
      await benchReports(stack, { learners, sessions: 10, organisationStaff: Math.min(5_000, learners), samples: 200 });
    }
    if (only.length === 0 || only.includes('chain')) {
      await benchChain(stack, { events: 100_000, ingestPairs: 5, ingest: { batches: 120, batchSize: 500, clients: 6 } });
    }
    if (only.length === 0 || only.includes('certificates')) await benchCertificates(stack, { sequential: 100, concurrent: 100, clients: 4, pdfPages: 2 });
    if (only.includes('scale')) {
      const learners = Number(process.env.SCALE_LEARNERS ?? 100_000);
      const shape = { learners, sessionsPerLearner: 10, organisations: 500, programmes: 10, coursesPerProgramme: 5, sessionsPerCourse: 4 };
      const steps = { rebuild: process.env.SCALE_REBUILD !== 'skip', liveProjection: process.env.SCALE_PROJECTION !== 'skip' };
      await benchScale(stack, { ...shape, readSamples: 200, deadlineMinutes: 240, ...steps });
    }
    if (only.length === 0 || only.includes('audit')) await benchAudit(stack, { learners: Number(process.env.BENCH_AUDIT_LEARNERS ?? 100), activity: Number(process.env.BENCH_AUDIT_EVENTS ?? 4_000), organisations: 8 });
  } finally {
    await stack.stop();
  }
}

main().catch((error: Error) => {
  console.error(error);
  process.exit(1);
});
