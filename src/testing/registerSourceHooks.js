// `node --import ./src/testing/registerSourceHooks.js file.ts` runs playfast's TypeScript sources
// on Node 20 (see sourceHooks.js). Used by startReplayServerProcess when running from src/.
import { register } from 'node:module';

register('./sourceHooks.js', import.meta.url);
