export { createReplayServer } from './createReplayServer.js';
export type { ReplayServer } from './createReplayServer.js';
export { startReplayServerProcess } from './startReplayServerProcess.js';
export type { ReplayServerProcess, ReplayServerProcessOptions } from './startReplayServerProcess.js';
export { DEFAULT_THROTTLE, FAULT_KINDS, defaultReplayServerOptions, normalizeReplayServerOptions } from './replayServerOptions.js';
export type {
  CompressionOptions,
  FaultKind,
  FaultOptions,
  IdSet,
  LatencyOptions,
  LatencySpec,
  NormalizedReplayServerOptions,
  PermanentFaultKind,
  ReplayServerOptions,
  ThrottleOptions,
} from './replayServerOptions.js';
export type { ReplayStats, RouteStats } from './replayStats.js';
export { REPLAY_ROUTES } from './answer.js';
export type { ReplayRoute } from './answer.js';
