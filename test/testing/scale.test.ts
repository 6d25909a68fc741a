import { Agent } from 'undici';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { getPath } from '../../src/internal/path.js';
import { BATCH_EXECUTE_PATH, decodeBatchExecute } from '../../src/protocol/batchexecute.js';
import { createReplayServer, type ReplayServer } from '../../src/testing/index.js';
import { batchBody, listInner } from './replayClient.js';

const CATEGORIES = 'APPLICATION ART_AND_DESIGN AUTO_AND_VEHICLES BEAUTY BOOKS_AND_REFERENCE BUSINESS COMICS COMMUNICATION DATING EDUCATION ENTERTAINMENT EVENTS FINANCE FOOD_AND_DRINK HEALTH_AND_FITNESS HOUSE_AND_HOME LIBRARIES_AND_DEMO LIFESTYLE MAPS_AND_NAVIGATION MEDICAL MUSIC_AND_AUDIO NEWS_AND_MAGAZINES PARENTING PERSONALIZATION PHOTOGRAPHY PRODUCTIVITY SHOPPING SOCIAL SPORTS TOOLS TRAVEL_AND_LOCAL VIDEO_PLAYERS WEATHER GAME GAME_ACTION GAME_ADVENTURE GAME_ARCADE GAME_BOARD GAME_CARD GAME_CASINO GAME_CASUAL GAME_EDUCATIONAL GAME_MUSIC GAME_PUZZLE GAME_RACING GAME_ROLE_PLAYING GAME_SIMULATION GAME_SPORTS GAME_STRATEGY GAME_TRIVIA'.split(' ');
const COLLECTIONS = ['topselling_free', 'topselling_paid', 'topgrossing', 'topselling_new_free', 'movers_shakers'];
const COUNTRIES = 'us gb de fr jp kr in br ca au mx es it nl se no dk fi pl tr ru id th vn ph my sg za ng eg sa ae il ar cl co pe ve nz ie'.split(' ');

let server: ReplayServer;
let base: string;
const agent = new Agent({ connections: 8 });

beforeAll(async () => {
  server = createReplayServer({ seed: 11 });
  base = await server.start();
});
afterAll(async () => {
  await agent.close();
  await server.close();
});

it('answers 10,000 distinct list requests with 10,000 distinct lists that all decode', async () => {
  const requests: { readonly body: string; readonly query: string }[] = [];
  for (const country of COUNTRIES) {
    for (const collection of COLLECTIONS) {
      for (const category of CATEGORIES) {
        if (requests.length < 10_000) requests.push({ body: batchBody('vyAe2', listInner(1, collection, category)), query: `rpcids=vyAe2&rt=c&hl=en&gl=${country}` });
      }
    }
  }
  expect(requests).toHaveLength(10_000);
  const firstIds = new Set<string>();
  let decoded = 0;
  let next = 0;
  const worker = async (): Promise<void> => {
    while (next < requests.length) {
      const request = requests[next++];
      if (request === undefined) return;
      const response = await agent.request({
        origin: base,
        path: `${BATCH_EXECUTE_PATH}?${request.query}`,
        method: 'POST',
        body: request.body,
        headers: { 'content-type': 'application/x-www-form-urlencoded;charset=UTF-8' },
      });
      const text = await response.body.text();
      const cards = getPath(decodeBatchExecute(text, 'vyAe2'), [0, 1, 0, 28, 0]);
      if (Array.isArray(cards) && cards.length === 1) decoded++;
      const first = getPath(cards, [0, 0, 0, 0]);
      if (typeof first === 'string') firstIds.add(first);
    }
  };
  const started = performance.now();
  await Promise.all(Array.from({ length: 8 }, worker));
  const elapsed = performance.now() - started;
  expect(decoded).toBe(10_000);
  expect(firstIds.size).toBe(10_000);
  expect(server.stats().distinctRequests).toBe(10_000);
  expect(elapsed).toBeLessThan(20_000);
}, 40_000);
