/**
 * Tells whether a process with this id runs on this machine (signal 0 probes without sending
 * anything). A process owned by another user counts as alive. Used to recognise a collector lock
 * left behind by a process that was killed.
 *
 * @example
 * ```ts
 * isProcessAlive(process.pid); // true
 * ```
 */
export function isProcessAlive(pid: number): boolean {
  if (!Number.isSafeInteger(pid) || pid <= 0) return false;
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return error instanceof Error && 'code' in error && error.code === 'EPERM';
  }
}
