import type { Db } from './client';

/**
 * A query drizzle prepares once per database client instead of building its SQL on every call
 * (for the lookups every API request makes: about a third of the CPU of a short query). Bind
 * values with `sql.placeholder`. Each client (or transaction) gets its own prepared query.
 */
export function preparedQuery<Q>(prepare: (db: Db) => Q): (db: Db) => Q {
  const byClient = new WeakMap<Db, Q>();
  return (db) => {
    let query = byClient.get(db);
    if (!query) {
      query = prepare(db);
      byClient.set(db, query);
    }
    return query;
  };
}
