import { BatchRequestBuilder, type AppRequest } from '../../src/index.js';

/**
 * Scenario 5 in its own process (run with `--expose-gc`): time to build 15 and 100,000 requests
 * with `BatchRequestBuilder` (materialised) vs a plain nested loop, interning on and off (bytes
 * per request are `bench/memory.ts`'s). argv[2] = `{ rounds }`. Prints JSON.
 */

const gc = (globalThis as { gc?: () => void }).gc ?? (() => undefined);

const COUNTRIES = ['us', 'kr', 'jp', 'de', 'fr', 'gb', 'br', 'in', 'ca', 'au', 'es', 'it', 'mx', 'nl', 'se', 'pl', 'tr', 'id', 'th', 'vn'];

function appIds(count: number): string[] {
  return Array.from({ length: count }, (_, index) => `com.example.app${index}`);
}

interface Plan {
  readonly label: string;
  readonly ids: readonly string[];
  readonly countries: readonly string[];
}

const PLANS: readonly Plan[] = [
  { label: '15', ids: appIds(5), countries: COUNTRIES.slice(0, 3) },
  { label: '100,000', ids: appIds(5000), countries: COUNTRIES },
];

type Method = 'plain loop' | 'builder, intern on' | 'builder, intern off';

function build(method: Method, plan: Plan): AppRequest[] {
  if (method === 'plain loop') {
    const out: AppRequest[] = [];
    for (const appId of plan.ids) for (const country of plan.countries) out.push({ kind: 'app', appId, country, lang: 'en' });
    return out;
  }
  const builder = new BatchRequestBuilder({ internStrings: method === 'builder, intern on' });
  return [...builder.buildAppRequests({ appIds: plan.ids, countries: plan.countries })];
}

const { rounds = 5 } = JSON.parse(process.argv[2] ?? '{}') as { rounds?: number };
const results: { plan: string; method: Method; ms: number[]; count: number }[] = [];
for (const plan of PLANS) {
  for (const method of ['plain loop', 'builder, intern on', 'builder, intern off'] as const) {
    const ms: number[] = [];
    let count = 0;
    for (let round = 0; round < rounds; round++) {
      gc();
      const start = performance.now();
      count = build(method, plan).length;
      ms.push(performance.now() - start);
    }
    results.push({ plan: plan.label, method, ms, count });
  }
}
process.stdout.write(`${JSON.stringify(results)}\n`);
