import { from, type Observable } from 'rxjs';
import { fetchAndParseAppsBatch, fetchAndParseListBatch, PlayClient, TokenBucketLimiter, type AppRequest, type BatchOptions, type ListRequest } from '../../src/index.js';
import type { Settled } from '../../operators/settle.js';
import { digestOf } from '../lib/digest.js';
import { detailsId, listParams } from '../lib/task.js';
import { runClient, type ClientOutput } from './runClient.js';

/** playfast, built from source by esbuild: the batch functions with `settle: true` to count failures. */
runClient(async (task) => {
  const client = new PlayClient({ baseUrl: task.baseUrl });
  const options: BatchOptions & { readonly settle: true } = {
    client,
    concurrency: task.concurrency,
    settle: true,
    ...(task.limiter === 'default' ? {} : task.limiter === 'told' ? { limiter: new TokenBucketLimiter({ rate: 20, burst: 10 }) } : { limiter: false }),
  };
  const entries: { id: string; title: string }[] = [];
  const errors: string[] = [];
  let ok = 0;
  let failed = 0;
  const count = <Q, R>(outcome: Settled<Q, R>, read: (value: R) => void): void => {
    if (outcome.ok) {
      ok += 1;
      read(outcome.value);
    } else {
      failed += 1;
      if (errors.length < 3) errors.push(String(outcome.error));
    }
  };
  const drain = <T>(source$: Observable<T>, onValue: (value: T) => void): Promise<void> =>
    new Promise((resolve, reject) => {
      source$.subscribe({ next: onValue, complete: resolve, error: reject });
    });
  await Promise.resolve();
  return async (): Promise<ClientOutput> => {
    if (task.kind === 'details') {
      const requests: AppRequest[] = Array.from({ length: task.n }, (_, index) => ({ kind: 'app', appId: detailsId(index), country: 'us', lang: 'en' }));
      await drain(fetchAndParseAppsBatch(from(requests), options), (outcome) => {
        count(outcome, (app) => entries.push({ id: app.appId, title: app.title }));
      });
    } else {
      const requests: ListRequest[] = Array.from({ length: task.n }, () => {
        const params = listParams();
        return { kind: 'list', collection: params.collection, category: params.category, country: params.country, lang: 'en', num: params.num };
      });
      await drain(fetchAndParseListBatch(from(requests), options), (outcome) => {
        count(outcome, (list) => {
          for (const item of list.items) entries.push({ id: item.appId, title: item.title });
        });
      });
    }
    const wireBytes = client.stats.wireBytes;
    await client.close();
    return { ok, failed, digest: digestOf(entries), items: entries.length, wireBytes, errors };
  };
});
