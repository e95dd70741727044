// Integration tests wait on a real broker's group joins and rebalances.
jest.setTimeout(120_000);
