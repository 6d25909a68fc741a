import { BATCH_EXECUTE_PATH } from '../batchexecute.js';
import type { NormalizedLocale } from './normalizeLocale.js';

/**
 * The batchexecute URL parameter sets of PROTOCOL.md §2.3. The server picks the RPC from the
 * body; `rpcids` is nevertheless set to the body's RPC (FO sends `qnKhOb` for every 2019-set
 * call, a quirk not copied here). `f.sid`, `bl` and `_reqid` are the stale constants the
 * maintained scrapers still send.
 *
 * - `legacy2019`: FO's 2019 set (reviews `UsvDTd`, permissions `xdSrCf`, suggest `IJ4APc`,
 *   cluster continuation `qnKhOb`); response not chunked.
 * - `list2022`: FO's and PF's top-chart set (`vyAe2`); `rt=c`, chunked.
 * - `details2019`: PF's reviews set (`oCPfdb`); `rt=c`, chunked.
 */
export type BatchExecuteParamSet = 'legacy2019' | 'list2022' | 'details2019';

/** One query parameter; a `null` value is sent as a bare name (`&authuser&`). */
type QueryParam = readonly [name: string, value: string | null];

const SOC: readonly QueryParam[] = [
  ['soc-app', '121'],
  ['soc-platform', '1'],
  ['soc-device', '1'],
];

/**
 * @internal Builds the path and query of a batchexecute call.
 *
 * @example
 * ```ts
 * batchExecutePath('legacy2019', 'xdSrCf', { country: 'us', lang: 'en' });
 * // '/_/PlayStoreUi/data/batchexecute?rpcids=xdSrCf&f.sid=-697906427155521722&bl=boq_playuiserver_20190903.08_p0&hl=en&gl=us&authuser&soc-app=121&soc-platform=1&soc-device=1&_reqid=1065213'
 * ```
 */
export function batchExecutePath(set: BatchExecuteParamSet, rpcId: string, locale: NormalizedLocale): string {
  const { lang, country } = locale;
  let params: readonly QueryParam[];
  switch (set) {
    case 'legacy2019':
      params = [
        ['rpcids', rpcId],
        ['f.sid', '-697906427155521722'],
        ['bl', 'boq_playuiserver_20190903.08_p0'],
        ['hl', lang],
        ['gl', country],
        ['authuser', null],
        ...SOC,
        ['_reqid', '1065213'],
      ];
      break;
    case 'list2022':
      params = [
        ['rpcids', rpcId],
        ['source-path', '/store/apps'],
        ['f.sid', '-4178618388443751758'],
        ['bl', 'boq_playuiserver_20220612.08_p0'],
        ['authuser', '0'],
        ...SOC,
        ['_reqid', '82003'],
        ['rt', 'c'],
        ['hl', lang],
        ['gl', country],
      ];
      break;
    case 'details2019':
      params = [
        ['rpcids', rpcId],
        ['source-path', '/store/apps/details'],
        ['f.sid', '-697906427155521722'],
        ['bl', 'boq_playuiserver_20190903.08_p0'],
        ['hl', lang],
        ['gl', country],
        ['authuser', '0'],
        ...SOC,
        ['_reqid', '1065213'],
        ['rt', 'c'],
      ];
      break;
  }
  const query = params
    .map(([name, value]) => (value === null ? encodeURIComponent(name) : `${encodeURIComponent(name)}=${encodeURIComponent(value)}`))
    .join('&');
  return `${BATCH_EXECUTE_PATH}?${query}`;
}

