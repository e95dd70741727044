import { resolve } from 'node:path';
import { stopRecordedLocalStacks } from '@ledger/test-harness';

// Stops local stacks whose owner was lost (e.g. a killed terminal). Only processes recorded in
// .infra/run/*/state.json whose command line names that run's folder are signalled.
const stopped = stopRecordedLocalStacks(resolve(__dirname, '../..'));
console.log(stopped.length > 0 ? `stopped: ${stopped.join(', ')}` : 'no recorded local stack was running');
