import { existsSync, readFileSync } from 'node:fs';
import { gunzipSync } from 'node:zlib';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('../fixtures/', import.meta.url));

/**
 * Reads a captured fixture by its path under `test/fixtures/` (as listed in PROVENANCE.md),
 * transparently decompressing the `.gz` copy of large pages.
 */
export function loadFixture(relativePath: string): string {
  const plain = root + relativePath;
  if (existsSync(plain)) return readFileSync(plain, 'utf8');
  return gunzipSync(readFileSync(`${plain}.gz`)).toString('utf8');
}
