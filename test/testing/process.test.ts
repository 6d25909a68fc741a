import { expect, it } from 'vitest';
import { startReplayServerProcess } from '../../src/testing/index.js';
import { loadFixture } from '../helpers/fixtures.js';
import { get } from './replayClient.js';

it('runs the server in a child process, with stats and CPU usage over IPC', async () => {
  const replay = await startReplayServerProcess({ seed: 3, pages: 2 });
  try {
    expect(replay.pid).not.toBe(process.pid);
    expect(replay.url).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);
    const reply = await get(replay.url, '/store/apps/details?id=com.adex77.WhereAmI');
    expect(reply.body).toBe(loadFixture('details/com.adex77.WhereAmI.en-us.html'));
    expect((await get(replay.url, '/store/apps/details?id=missing.one')).status).toBe(404);
    const stats = await replay.stats();
    expect(stats.requests).toBe(2);
    expect(stats.byStatus).toEqual({ '200': 1, '404': 1 });
    const cpu = await replay.cpuUsage();
    // The child's own clock: it has started Node and answered two requests, so it has used CPU.
    expect(cpu.user + cpu.system).toBeGreaterThan(0);
    const later = await replay.cpuUsage();
    expect(later.user + later.system).toBeGreaterThanOrEqual(cpu.user + cpu.system);
    await replay.resetStats();
    expect((await replay.stats()).requests).toBe(0);
  } finally {
    await replay.close();
  }
  await expect(get(replay.url, '/store/apps')).rejects.toThrow();
}, 60_000);
