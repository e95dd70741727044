import type { InfraKind } from './stack';

export class InfraSelectionError extends Error {}

/**
 * Decides whether tests run their services as local processes or as containers.
 * `TEST_INFRA` forces one; otherwise containers are used only when a container runtime answers,
 * because a `docker` client without an engine is common and must not be mistaken for one.
 */
export async function chooseInfra(
  requested: string | undefined,
  containerRuntimeReachable: () => Promise<boolean>,
): Promise<InfraKind> {
  const forced = requested?.trim();
  if (forced === 'local' || forced === 'containers') return forced;
  if (forced) {
    throw new InfraSelectionError(`TEST_INFRA must be "local" or "containers", got "${forced}"`);
  }
  return (await containerRuntimeReachable()) ? 'containers' : 'local';
}
