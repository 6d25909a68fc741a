import { cpus, loadavg, platform, release, totalmem } from 'node:os';

/** Where and when a benchmark ran. */
export interface MachineInfo {
  readonly date: string;
  readonly node: string;
  readonly os: string;
  readonly cpuModel: string;
  readonly cpuCount: number;
  readonly memoryGiB: number;
  /** 1-minute load average when the run started: other processes share the CPU when it is high. */
  readonly loadAverage: number;
}

/**
 * Describes the machine for the results.
 *
 * @example
 * ```ts
 * machineInfo().cpuCount; // 2
 * ```
 */
export function machineInfo(): MachineInfo {
  const list = cpus();
  return {
    date: new Date().toISOString(),
    node: process.version,
    os: `${platform()} ${release()}`,
    cpuModel: list[0]?.model ?? 'unknown',
    cpuCount: list.length,
    memoryGiB: Math.round((totalmem() / 2 ** 30) * 10) / 10,
    loadAverage: Math.round((loadavg()[0] ?? 0) * 100) / 100,
  };
}
