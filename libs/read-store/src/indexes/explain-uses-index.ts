import type { Db, Document } from 'mongodb';

/**
 * How the server would run an equality `find` on `collection`, as `explain` reports it: whether it
 * reads an index (on FerretDB, PostgreSQL's plan names the index; on MongoDB, an IXSCAN stage) and
 * the plan's node types, for a test or an operator to look at.
 */
export async function explainFind(db: Db, collection: string, filter: Document): Promise<{ usesIndex: boolean; plan: string }> {
  const explained = await db.command({ explain: { find: collection, filter }, verbosity: 'queryPlanner' });
  const plan = JSON.stringify(explained.queryPlanner ?? explained);
  return { usesIndex: /"Index Name"|IXSCAN/.test(plan) && !/"Seq Scan"|COLLSCAN/.test(plan), plan };
}
