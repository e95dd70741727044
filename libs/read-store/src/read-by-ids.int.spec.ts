import { testStack, uniqueName } from '@ledger/test-harness';
import type { CommandStartedEvent } from 'mongodb';
import { MongoClient } from 'mongodb';
import { readByIdsOf } from './read-by-ids';

describe('readByIdsOf', () => {
  it('reads a learner\'s several wanted documents with one equality, one wanted document by _id, and only what was wanted', async () => {
    const client = new MongoClient(testStack().mongoUrl, { monitorCommands: true });
    await client.connect();
    const commands: CommandStartedEvent[] = [];
    client.on('commandStarted', (event) => commands.push(event));
    try {
      const db = client.db(uniqueName('by-ids-of').replace(/-/g, '_'));
      const collection = db.collection<{ _id: string; learnerId: string; n: number }>('docs');
      await collection.insertMany(['aisha', 'ben'].flatMap((learnerId) => [1, 2, 3].map((n) => ({ _id: `${learnerId}|${n}`, learnerId, n }))));
      commands.length = 0;

      const found = await readByIdsOf(collection, 'learnerId', [
        ['aisha', 'aisha|1'],
        ['aisha', 'aisha|3'],
        ['aisha', 'aisha|9'],
        ['ben', 'ben|2'],
      ]);

      expect([...found.keys()].sort()).toEqual(['aisha|1', 'aisha|3', 'ben|2']);
      expect(found.get('ben|2')).toEqual({ _id: 'ben|2', learnerId: 'ben', n: 2 });
      const filters = commands.filter((c) => c.commandName === 'find').map((c) => c.command.filter as Record<string, unknown>);
      expect(filters).toHaveLength(2);
      expect(filters).toEqual(expect.arrayContaining([{ learnerId: 'aisha' }, { _id: 'ben|2' }]));
    } finally {
      await client.close();
    }
  });
});
