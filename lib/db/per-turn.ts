/**
 * Lookups asked for in one turn of the event loop share one call of `load` (issue 17: under load, the status checks
 * that arrived together read their PINs in one statement instead of one each — DataLoader's idea, without a cache).
 * Alone, a lookup waits only for the end of the current turn. A failed `load` fails every lookup of its batch.
 */
export function perTurn<K, V>(load: (keys: K[]) => Promise<Map<K, V>>): (key: K) => Promise<V | undefined> {
  let batch: { key: K; resolve: (v: V | undefined) => void; reject: (e: unknown) => void }[] = [];
  const run = () => {
    const current = batch;
    batch = [];
    load([...new Set(current.map((w) => w.key))]).then(
      (found) => {
        for (const w of current) w.resolve(found.get(w.key));
      },
      (e: unknown) => {
        for (const w of current) w.reject(e);
      },
    );
  };
  return (key) =>
    new Promise((resolve, reject) => {
      if (batch.length === 0) setImmediate(run);
      batch.push({ key, resolve, reject });
    });
}
