/** What became of one item of a pool run: its result, its error, or skipped after a failure (fail-fast). */
export type Outcome<R> = { status: 'done'; value: R } | { status: 'failed'; error: unknown } | { status: 'skipped' };

/**
 * Runs `work` over the items with at most `concurrency` running at once, in the items' order.
 * A failure (a thrown error, or a result `isFailure` says failed) stops the start of further items only with `failFast`: those are reported skipped,
 * while the ones already running finish (a migration half-way is never abandoned).
 */
export async function runPool<T, R>(
  items: T[],
  concurrency: number,
  work: (item: T, index: number) => Promise<R>,
  options: { failFast?: boolean; isFailure?: (result: R) => boolean } = {},
): Promise<Outcome<R>[]> {
  const outcomes: Outcome<R>[] = items.map(() => ({ status: 'skipped' }));
  let next = 0;
  let stopped = false;
  const worker = async () => {
    while (!stopped && next < items.length) {
      const index = next++;
      try {
        const value = await work(items[index]!, index);
        outcomes[index] = { status: 'done', value };
        if (options.failFast && options.isFailure?.(value)) stopped = true;
      } catch (error) {
        outcomes[index] = { status: 'failed', error };
        if (options.failFast) stopped = true;
      }
    }
  };
  await Promise.all(Array.from({ length: Math.max(1, Math.min(concurrency, items.length)) }, worker));
  return outcomes;
}
