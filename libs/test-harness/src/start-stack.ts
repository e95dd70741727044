import { chooseInfra } from './choose-infra';
import { containerRuntimeReachable, startContainerStack } from './container-stack';
import { startLocalStack } from './local-stack';
import type { RunningStack } from './stack';

/** Starts the stack `TEST_INFRA` asks for, or the one this machine can run (see chooseInfra). */
export async function startStack(options: {
  rootDir: string;
  runName: string;
  requested: string | undefined;
  onServiceCrash?: (message: string) => void;
}): Promise<RunningStack> {
  const kind = await chooseInfra(options.requested, containerRuntimeReachable);
  return kind === 'containers' ? startContainerStack() : startLocalStack(options);
}
