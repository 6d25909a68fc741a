import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { app, categories, collect, dataSafety, developer, fetchAndParseListBatch, permissions, reviews, search, similar, suggest, BatchRequestBuilder } from 'playfast';
import { createReplayServer, type ReplayServer } from 'playfast/testing';
import { buildCli, ndjson, removeCli, runCli, type CliResult } from './cliHarness.js';

/** The CLI runs of this file, by name. */
const CALLS = (net: () => string[]): Record<string, string[]> => ({
  'app-json': ['app', 'com.mojang.minecraftpe', '--format', 'json', ...net()],
  'app-csv': ['app', 'com.mojang.minecraftpe', 'missing.app', '--format', 'csv', ...net()],
  'list-ndjson': ['list', '--category', 'SOCIAL', '--country', 'kr', '--num', '7', '--format', 'ndjson', ...net()],
  'list-csv': ['list', '--category', 'SOCIAL,PRODUCTIVITY', '--num', '3', '--format', 'csv', ...net()],
  'list-table': ['list', '--category', 'SOCIAL', '--num', '2', '--format', 'table', ...net()],
  'list-default': ['list', '--num', '2', ...net()],
  'search': ['search', 'panda', '--num', '5', '--format', 'json', ...net()],
  'reviews': ['reviews', 'com.google.android.apps.translate', '--num', '20', '--format', 'ndjson', ...net()],
  'permissions': ['permissions', 'com.google.android.apps.translate', '--format', 'csv', ...net()],
  'datasafety': ['datasafety', 'com.google.android.apps.translate', '--format', 'json', ...net()],
  'suggest': ['suggest', 'pand', '--format', 'csv', ...net()],
  'developer': ['developer', 'Mojang', '--num', '10', '--format', 'ndjson', ...net()],
  'similar': ['similar', 'com.google.android.apps.translate', '--num', '10', '--format', 'ndjson', ...net()],
  'categories': ['categories', '--format', 'table', ...net()],
  'usage': ['list', '--country', 'usa', ...net()],
});

let cli = '';
let dir = '';
let server: ReplayServer;
let url = '';
let results = new Map<string, CliResult>();
const ran = (name: string): CliResult => {
  const found = results.get(name);
  if (found === undefined) throw new Error(`no CLI run named ${name}`);
  return found;
};
const net = (): string[] => ['--base-url', url, '--rate', '1000'];
const ids = (rows: readonly unknown[]): string[] => rows.map((row) => (row as { appId: string }).appId);

beforeAll(async () => {
  server = createReplayServer();
  [cli, url] = await Promise.all([buildCli(), server.start()]);
  dir = mkdtempSync(join(tmpdir(), 'playfast-cli-'));
  // Every CLI run starts at once (a process each): the tests then check their results.
  const runs = Object.entries(CALLS(net)).map(async ([name, args]) => [name, await runCli(cli, args, dir)] as const);
  results = new Map(await Promise.all(runs));
}, 60_000);

afterAll(async () => {
  await server.close();
  removeCli(cli);
  rmSync(dir, { recursive: true, force: true });
});

describe('playfast app', () => {
  it('writes the details as json, with the same values as the library', async () => {
    const result = ran('app-json');
    expect(result.code).toBe(0);
    const [details] = JSON.parse(result.stdout) as { appId: string; title: string; developer: string; score: number; installs: string }[];
    const [expected] = await collect(app({ appId: 'com.mojang.minecraftpe' }, { baseUrl: url }));
    expect(details?.title).toBe('Minecraft: Dream it, Build it!');
    expect(details?.developer).toBe('Mojang');
    expect(details?.score).toBe(expected?.score);
    expect(details?.installs).toBe(expected?.installs);
  });

  it('writes csv that quotes the comma in the title, and exits 1 when one app of the batch fails', () => {
    const result = ran('app-csv');
    expect(result.code).toBe(1);
    const lines = result.stdout.trimEnd().split('\n');
    expect(lines[0]).toBe('appId,country,title,developer,score,ratings,installs,price,currency,free,genre,version,updated,url');
    expect(lines).toHaveLength(2);
    expect(lines[1]).toMatch(/^com\.mojang\.minecraftpe,us,"Minecraft: Dream it, Build it!",Mojang,[\d.]+,\d+,"50,000,000\+",6\.99,USD,false,/);
    expect(result.stderr).toContain('failed missing.app (us): PLAYFAST_ERR_APP_NOT_FOUND');
  });
});

describe('playfast list', () => {
  it('writes one ndjson row per app with ranks 1..num, as the batch API fetches them', async () => {
    const result = ran('list-ndjson');
    expect(result.code).toBe(0);
    const rows = ndjson(result.stdout) as { country: string; category: string; collection: string; rank: number }[];
    const [expected] = await collect(fetchAndParseListBatch(new BatchRequestBuilder({ numResults: 7 }).buildListRequests({ countries: ['kr'], categories: ['SOCIAL'] }), { baseUrl: url }));
    expect(rows.map((row) => row.rank)).toEqual([1, 2, 3, 4, 5, 6, 7]);
    expect(ids(rows)).toEqual(expected?.items.map((item) => item.appId));
    expect(rows.every((row) => row.country === 'kr' && row.category === 'SOCIAL' && row.collection === 'topselling_free')).toBe(true);
  });

  it('writes a csv header and num rows per list for several categories, and a table', () => {
    const csv = ran('list-csv');
    expect(csv.code).toBe(0);
    const lines = csv.stdout.trimEnd().split('\n');
    expect(lines[0]).toBe('country,category,collection,rank,appId,title,developer,score,price,currency,free,url');
    expect(lines.slice(1).map((line) => line.split(',').slice(0, 4).join(','))).toEqual([
      'us,SOCIAL,topselling_free,1',
      'us,SOCIAL,topselling_free,2',
      'us,SOCIAL,topselling_free,3',
      'us,PRODUCTIVITY,topselling_free,1',
      'us,PRODUCTIVITY,topselling_free,2',
      'us,PRODUCTIVITY,topselling_free,3',
    ]);
    const table = ran('list-table');
    expect(table.code).toBe(0);
    expect(table.stdout).toMatch(/│ country +│ category +│ collection +│ rank │ appId/);
    expect(table.stdout.match(/│ us +│ SOCIAL/g)).toHaveLength(2);
  });

  it('defaults to ndjson when stdout is not a terminal, and keeps logs off stdout', () => {
    const result = ran('list-default');
    expect(result.code).toBe(0);
    expect(ndjson(result.stdout)).toHaveLength(2);
  });
});

describe('the other operations', () => {
  it('search: json rows equal the library stream', async () => {
    const result = ran('search');
    expect(result.code).toBe(0);
    const expected = await collect(search({ query: 'panda', num: 5 }, { baseUrl: url }));
    expect(ids(JSON.parse(result.stdout) as unknown[])).toEqual(ids(expected));
  });

  it('reviews: ndjson reviews equal the library stream', async () => {
    const result = ran('reviews');
    expect(result.code).toBe(0);
    const expected = await collect(reviews({ appId: 'com.google.android.apps.translate', num: 20 }, { baseUrl: url }));
    const rows = ndjson(result.stdout) as { id: string; score: number }[];
    expect(rows).toHaveLength(20);
    expect(rows.map((row) => row.id)).toEqual(expected.map((review) => review.id));
  });

  it('permissions: csv has one row per permission with its group', async () => {
    const result = ran('permissions');
    expect(result.code).toBe(0);
    const groups = await collect(permissions({ appId: 'com.google.android.apps.translate' }, { baseUrl: url }));
    const lines = result.stdout.trimEnd().split('\n');
    expect(lines[0]).toBe('group,permission');
    expect(lines).toHaveLength(1 + groups.reduce((sum, group) => sum + group.permissions.length, 0));
    const first = groups[0];
    expect(lines[1]).toContain(first?.permissions[0] ?? 'none');
  });

  it('datasafety: json equals the library value', async () => {
    const result = ran('datasafety');
    expect(result.code).toBe(0);
    expect(JSON.parse(result.stdout)).toEqual(await collect(dataSafety({ appId: 'com.google.android.apps.translate' }, { baseUrl: url })));
  });

  it('suggest: csv of the suggestions', async () => {
    const result = ran('suggest');
    expect(result.code).toBe(0);
    const expected = await collect(suggest({ term: 'pand' }, { baseUrl: url }));
    expect(expected.length).toBeGreaterThan(0);
    expect(result.stdout.trimEnd().split('\n')).toEqual(['suggestion', ...expected]);
  });

  it('developer and similar: ndjson app ids equal the library streams', async () => {
    const [dev, sim] = [ran('developer'), ran('similar')];
    expect([dev.code, sim.code]).toEqual([0, 0]);
    expect(ids(ndjson(dev.stdout))).toEqual(ids(await collect(developer({ devId: 'Mojang', num: 10 }, { baseUrl: url }))));
    expect(ids(ndjson(sim.stdout))).toEqual(ids(await collect(similar({ appId: 'com.google.android.apps.translate', num: 10 }, { baseUrl: url }))));
  });

  it('categories: table of ids and names', async () => {
    const result = ran('categories');
    expect(result.code).toBe(0);
    const expected = await collect(categories({}, { baseUrl: url }));
    expect(expected.length).toBeGreaterThan(3);
    for (const category of expected) expect(result.stdout).toMatch(new RegExp(`│ ${category.id} +│ ${category.name ?? ''}`));
  });
});

describe('bad usage', () => {
  it('exits 2 from the real process, with the message on stderr and nothing on stdout', () => {
    const result = ran('usage');
    expect(result.code).toBe(2);
    expect(result.stderr).toContain('Invalid country: "usa"');
    expect(result.stdout).toBe('');
  });
});
