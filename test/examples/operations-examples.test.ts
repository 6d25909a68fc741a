import { describe, expect, it } from 'vitest';
import { main as reviewsSince } from '../../examples/reviews-since.js';
import { main as searchPaging } from '../../examples/search-paging.js';

/** Runs an example's `main` in-process and returns what it printed. */
async function run(main: (log: (line: string) => void) => Promise<void>): Promise<string[]> {
  const lines: string[] = [];
  await main((line) => lines.push(line));
  return lines;
}

const valueOf = (lines: readonly string[], label: string): string | undefined =>
  lines.find((line) => line.startsWith(`${label}: `))?.slice(label.length + 2);

describe('examples/reviews-since.ts', () => {
  it('keeps only reviews since the date, stops at the first older one, and keeps a resume token', async () => {
    const lines = await run(reviewsSince);
    const pages = lines.filter((line) => line.startsWith('page '));
    expect(pages[0]).toBe('page 1: 150 reviews');
    expect(pages.at(-1)).toMatch(/^page 2: \d+ reviews, end: since$/);
    const since = Date.parse(valueOf(lines, 'since') ?? '');
    expect(since).toBe(Date.parse('2026-04-01T00:00:00Z'));
    const oldest = Date.parse(valueOf(lines, 'oldest') ?? '');
    const newest = Date.parse(valueOf(lines, 'newest') ?? '');
    expect(oldest).toBeGreaterThanOrEqual(since);
    expect(newest).toBeGreaterThan(oldest);
    const kept = Number(valueOf(lines, 'kept'));
    expect(kept).toBeGreaterThan(150);
    expect(kept).toBeLessThan(300);
    expect(valueOf(lines, 'resume token')).toBe('saved');
    expect(valueOf(lines, 'review requests')).toBe('2');
  });
});

describe('examples/search-paging.ts', () => {
  it('prints exactly 75 distinct results from the first page and one continuation', async () => {
    const lines = await run(searchPaging);
    const results = lines.filter((line) => /^\d+\. /.test(line));
    expect(results).toHaveLength(75);
    expect(results[0]).toMatch(/^1\. [\w.]+ — \S/);
    expect(results[74]).toMatch(/^75\. /);
    expect(valueOf(lines, 'results')).toBe('75');
    expect(valueOf(lines, 'distinct')).toBe('75');
    expect(valueOf(lines, 'requests')).toBe('search 1, continuation 1');
  });
});
