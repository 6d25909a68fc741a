/** One HTTP response, read in full. */
export interface PlayResponse {
  /** HTTP status code of the final response (after redirects). */
  readonly status: number;
  /**
   * Response headers, lower-case names. Repeated headers are joined with `, `, except
   * `set-cookie`, whose values are joined with `\n` (they may contain commas).
   */
  readonly headers: Readonly<Record<string, string>>;
  /** The body, content-decoded and read as UTF-8 text. */
  readonly body: string;
  /** The final request URL (after redirects). */
  readonly url: string;
  /** Size of the body. */
  readonly bytes: {
    /** Bytes received on the wire (compressed), in bytes. */
    readonly wire: number;
    /** Bytes after content decoding, in bytes. */
    readonly decoded: number;
  };
}

/** Per-request settings that are not part of the request itself. */
export interface PlayRequestInit {
  /** Aborts the request when signalled; the Observable then errors with the signal's `reason`. */
  readonly signal?: AbortSignal;
  /** Extra headers for this request only (override the client's headers; case-insensitive). */
  readonly headers?: Readonly<Record<string, string>>;
}

/** Counters of one {@link PlayClient}, since it was created. */
export interface PlayClientStats {
  /** HTTP requests sent, redirect hops included. Unit: requests. */
  readonly requests: number;
  /** Responses whose body was read in full. Unit: responses. */
  readonly responses: number;
  /** Requests cancelled before they finished (unsubscribe or caller's signal). Unit: requests. */
  readonly aborted: number;
  /** Requests that failed (transport errors, body errors, refused redirects). Unit: requests. */
  readonly failed: number;
  /** Body bytes received on the wire (compressed), in bytes. */
  readonly wireBytes: number;
  /** Body bytes after content decoding, in bytes. */
  readonly decodedBytes: number;
}
