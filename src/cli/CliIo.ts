/** A writable text stream: `process.stdout`, `process.stderr`, or a test double. */
export interface TextSink {
  write(text: string): boolean;
  /** Whether the stream is a terminal (live bar, default table format). */
  readonly isTTY?: boolean;
}

/**
 * Where a CLI run writes: data to `stdout`, progress and logs to `stderr`, so that
 * `playfast list … --format ndjson | jq` works.
 *
 * @example
 * ```ts
 * const io: CliIo = { stdout: process.stdout, stderr: process.stderr, signal: controller.signal };
 * ```
 */
export interface CliIo {
  readonly stdout: TextSink;
  readonly stderr: NodeJS.WritableStream & TextSink;
  /** Aborted on SIGINT / SIGTERM: commands unsubscribe (aborting requests in flight) and exit 130. */
  readonly signal: AbortSignal;
}
