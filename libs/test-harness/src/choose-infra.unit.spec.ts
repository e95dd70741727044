import { chooseInfra, InfraSelectionError } from './choose-infra';

describe('chooseInfra', () => {
  const runtimeUp = async () => true;
  const runtimeDown = async () => false;

  it('uses containers when a container runtime answers and nothing is forced', async () => {
    await expect(chooseInfra(undefined, runtimeUp)).resolves.toBe('containers');
  });

  it('falls back to local processes when no container runtime answers', async () => {
    await expect(chooseInfra(undefined, runtimeDown)).resolves.toBe('local');
    await expect(chooseInfra('', runtimeDown)).resolves.toBe('local');
  });

  it('honours TEST_INFRA=local even when a runtime is reachable, without probing it', async () => {
    const probe = jest.fn(runtimeUp);
    await expect(chooseInfra('local', probe)).resolves.toBe('local');
    expect(probe).not.toHaveBeenCalled();
  });

  it('honours TEST_INFRA=containers even when the probe says no runtime', async () => {
    await expect(chooseInfra('containers', runtimeDown)).resolves.toBe('containers');
  });

  it('rejects an unknown TEST_INFRA value, naming it', async () => {
    await expect(chooseInfra('docker', runtimeUp)).rejects.toThrow(InfraSelectionError);
    await expect(chooseInfra('docker', runtimeUp)).rejects.toThrow('"docker"');
  });
});
