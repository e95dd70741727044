import type { Db } from 'mongodb';

/**
 * Which Mongo-wire server holds the read models. MongoDB serves its own indexes; FerretDB v1 on
 * PostgreSQL never uses the btree indexes it creates for `createIndexes` (its equality filter is
 * `_jsonb->'field' @> value`, which a btree cannot serve), so there the declared indexes are made
 * effective with GIN indexes on its tables (see FerretDbPostgresIndexes).
 */
export type StoreKind = 'mongodb' | 'ferretdb';

/** Asks the server: FerretDB adds `ferretdbVersion` to `buildInfo`. */
export async function detectStoreKind(db: Db): Promise<StoreKind> {
  const info = await db.admin().command({ buildInfo: 1 });
  return typeof info.ferretdbVersion === 'string' ? 'ferretdb' : 'mongodb';
}
