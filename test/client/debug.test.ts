import { afterEach, describe, expect, it, vi } from 'vitest';
import { createDebug, isDebugEnabled, redactCredentials } from '../../src/internal/debug.js';

describe('redactCredentials', () => {
  it('removes user info from every URL in a text', () => {
    expect(redactCredentials('via http://bob:s3cret@10.0.0.1:8080/x and https://eve@proxy.example?q=1')).toBe(
      'via http://***@10.0.0.1:8080/x and https://***@proxy.example?q=1',
    );
  });

  it('leaves URLs without credentials and @ outside the authority alone', () => {
    const text = 'GET https://play.google.com/store/apps/details?id=a@b mail me@example.com';
    expect(redactCredentials(text)).toBe(text);
  });

  it('handles a password containing @ and text that ends inside a URL', () => {
    expect(redactCredentials('x http://u:p@ss@host')).toBe('x http://***@host');
    expect(redactCredentials('ends with http://')).toBe('ends with http://');
  });

  it('stays fast on long adversarial input', () => {
    const text = 'a://'.repeat(50_000) + 'b'.repeat(100_000);
    const started = performance.now();
    expect(redactCredentials(text)).toBe(text);
    expect(performance.now() - started).toBeLessThan(1_000);
  });
});

describe('debug logging', () => {
  afterEach(() => {
    vi.unstubAllEnvs();
    vi.restoreAllMocks();
  });

  it('is off by default and for 0/false', () => {
    vi.stubEnv('PLAYFAST_DEBUG', undefined);
    expect(isDebugEnabled('client')).toBe(false);
    vi.stubEnv('PLAYFAST_DEBUG', '0');
    expect(isDebugEnabled('client')).toBe(false);
  });

  it('is on for 1, * or the namespace', () => {
    for (const value of ['1', '*', 'client', 'store,client', 'playfast:client']) {
      vi.stubEnv('PLAYFAST_DEBUG', value);
      expect(isDebugEnabled('client')).toBe(true);
    }
    vi.stubEnv('PLAYFAST_DEBUG', 'store');
    expect(isDebugEnabled('client')).toBe(false);
  });

  it('writes redacted, prefixed lines to stderr', () => {
    vi.stubEnv('PLAYFAST_DEBUG', 'client');
    const write = vi.spyOn(process.stderr, 'write').mockImplementation(() => true);
    createDebug('client')('connect http://alice:s3cret@10.0.0.1:3128 failed');
    expect(write).toHaveBeenCalledWith('[playfast:client] connect http://***@10.0.0.1:3128 failed\n');
  });
});
