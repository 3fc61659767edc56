/**
 * Callers that arrive while `read` is running share its promise instead of starting another.
 * One scrape asks several metrics for values that come from one source (two counters from one
 * grouped query, queue depth and `redis_up` from one Redis call): the source is read once per
 * scrape, and the metrics never mix values from different moments.
 */
export function shareInFlight<T>(read: () => Promise<T>): () => Promise<T> {
  let pending: Promise<T> | undefined;
  return () => {
    pending ??= read().finally(() => {
      pending = undefined;
    });
    return pending;
  };
}
