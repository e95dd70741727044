import type { RunningStack } from '../stack';
import { stopTestIdentity } from './test-identity';

export default async function globalTeardown(): Promise<void> {
  const stack = (globalThis as { __LEDGER_STACK__?: RunningStack }).__LEDGER_STACK__;
  await stopTestIdentity();
  await stack?.stop();
}
