import { explainFind, PROJECTION_WATERMARKS_READ_MODEL, READ_MODEL_GENERATIONS_READ_MODEL, ReadModel } from '@ledger/read-store';
import { useProjectorTestContext } from '../testing/projector-test-context';
import { startProjectorForTest } from '../testing/start-projector-for-test';
import { GenerationIndexes } from './generation-indexes';

/**
 * Every read the apps make of a read model is an equality on `_id` or on a field its declaration
 * names; through the real store's `explain`, each of those reads is served by an index in every
 * read model the projector creates (on FerretDB: the GIN indexes it adds to FerretDB's tables).
 */
describe('declared indexes', () => {
  const ctx = useProjectorTestContext();
  let readModels: ReadModel[] = [];

  beforeAll(async () => {
    ctx.projector = await startProjectorForTest(ctx.env);
    readModels = [...ctx.projector.app.get(GenerationIndexes).readModels(), PROJECTION_WATERMARKS_READ_MODEL, READ_MODEL_GENERATIONS_READ_MODEL];
  });

  it('declares every read model the projector writes', () => {
    expect(readModels.length).toBeGreaterThan(10);
    expect(new Set(readModels.map((m) => m.name)).size).toBe(readModels.length);
  });

  it('serves an `_id` equality and an equality on each declared field from an index, in every read model', async () => {
    const reads = readModels.flatMap((model) => [
      { model: model.name, filter: { _id: 'some-id' } },
      ...model.indexedFields.map((field) => ({ model: model.name, filter: { [field]: 'some-value' } })),
    ]);
    const unserved: string[] = [];
    for (const { model, filter } of reads) {
      const { usesIndex, plan } = await explainFind(ctx.store.db, model, filter);
      if (!usesIndex) unserved.push(`${model} ${JSON.stringify(filter)}: ${plan.slice(0, 300)}`);
    }
    expect(unserved).toEqual([]);
    expect(reads.length).toBeGreaterThan(readModels.length);
  });

  it('would say so if a read were not served by an index', async () => {
    const { usesIndex } = await explainFind(ctx.store.db, readModels[0].name, { undeclaredField: 'x' });
    expect(usesIndex).toBe(false);
  });
});
