import type { RunningStack } from '../stack';

export default async function globalTeardown(): Promise<void> {
  const stack = (globalThis as { __LEDGER_STACK__?: RunningStack }).__LEDGER_STACK__;
  await stack?.stop();
}
