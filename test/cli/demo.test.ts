import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openSqliteStore } from 'playfast';
import { buildCli, removeCli, runCli } from './cliHarness.js';

let cli = '';
let dir = '';

beforeAll(async () => {
  cli = await buildCli();
  dir = mkdtempSync(join(tmpdir(), 'playfast-demo-'));
}, 60_000);

afterAll(() => {
  removeCli(cli);
  rmSync(dir, { recursive: true, force: true });
});

describe('playfast demo (npm run demo)', () => {
  it('collects 5 countries × 3 categories from the in-process replay server into ./playfast.db, prints the summary and a top 10, exit 0', async () => {
    const result = await runCli(cli, ['demo'], dir);
    expect(result.code).toBe(0);
    expect(result.stderr).toContain('using the bundled replay server at http://127.0.0.1:');
    expect(result.stderr).toMatch(/requests: +15 done, 0 failed of 15 planned/);
    expect(result.stderr).toMatch(/stored: +15 lists, 1500 snapshot rows/);
    expect(result.stdout).toMatch(/│ rank │ appId +│ title +│ developer +│ score +│ free │/);
    const store = await openSqliteStore(join(dir, 'playfast.db'));
    try {
      const top: string[] = [];
      for await (const row of store.iterateSnapshots('latest', { country: 'us', category: 'GAME_ACTION' })) if (row.rank <= 10) top.push(row.appId);
      expect(top).toHaveLength(10);
      for (const [index, appId] of top.entries()) expect(result.stdout).toMatch(new RegExp(`│ ${index + 1} +│ ${appId.replaceAll('.', '\\.')} +│`));
      expect((await store.getRun('latest'))?.counts).toMatchObject({ done: 15, failed: 0, lists: 15, snapshots: 1500 });
    } finally {
      await store.close();
    }
  });
});
