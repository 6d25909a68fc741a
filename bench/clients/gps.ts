import gplay from 'google-play-scraper';
import { digestOf } from '../lib/digest.js';
import { detailsId, listParams } from '../lib/task.js';
import { pool, runClient, type ClientOutput } from './runClient.js';

/**
 * google-play-scraper 10.x, as users call it, redirected to the replay server.
 *
 * Redirection: every gps method merges `opts.requestOptions` into the got 11 options it builds
 * from `https://play.google.com/...`. A got `beforeRequest` hook runs after got has normalised
 * the URL and before the socket is opened, so rewriting `options.url`'s protocol and host there
 * sends the request (path, query and body unchanged) to the replay server. Nothing else of gps
 * changes: its cookie jar, decompression, default got retries and its own `throttle` stay on.
 */

interface GotOptionsLike {
  url: URL;
}

function redirectTo(baseUrl: string): (options: GotOptionsLike) => void {
  const target = new URL(baseUrl);
  return (options) => {
    options.url.protocol = target.protocol;
    options.url.host = target.host;
  };
}

/** gps's typings omit `requestOptions`; its methods take a plain options object. */
type GpsMethod = (options: Readonly<Record<string, unknown>>) => Promise<unknown>;
const gpsApp = gplay.app as unknown as GpsMethod;
const gpsList = gplay.list as unknown as GpsMethod;

interface GpsApp {
  readonly appId: string;
  readonly title: string;
}

runClient(async (task) => {
  const requestOptions = { hooks: { beforeRequest: [redirectTo(task.baseUrl)] } };
  const throttle = task.throttle === undefined ? {} : { throttle: task.throttle };
  const entries: { id: string; title: string }[] = [];
  const errors: string[] = [];
  let ok = 0;
  let failed = 0;
  const attempt = async (call: () => Promise<readonly GpsApp[]>): Promise<void> => {
    try {
      const apps = await call();
      ok += 1;
      for (const app of apps) entries.push({ id: app.appId, title: app.title });
    } catch (error) {
      failed += 1;
      if (errors.length < 3) errors.push(error instanceof Error ? error.message : String(error));
    }
  };
  await Promise.resolve();
  return async (): Promise<ClientOutput> => {
    await pool(task.n, task.concurrency, (index) =>
      task.kind === 'details'
        ? attempt(async () => [(await gpsApp({ appId: detailsId(index), lang: 'en', country: 'us', requestOptions, ...throttle })) as GpsApp])
        : attempt(async () => {
            const params = listParams();
            const apps = await gpsList({
              collection: 'TOP_FREE',
              category: params.category,
              country: params.country,
              lang: 'en',
              num: params.num,
              requestOptions,
              ...throttle,
            });
            return apps as readonly GpsApp[];
          }),
    );
    return { ok, failed, digest: digestOf(entries), items: entries.length, errors };
  };
});
