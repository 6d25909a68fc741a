import { existsSync, readFileSync } from 'node:fs';
import { gunzipSync } from 'node:zlib';

/**
 * Reads a capture under `test/fixtures/` (the `.gz` copy when the plain file is absent). Paths
 * are relative to the repository root, which is the working directory of `npm run bench`.
 *
 * @example
 * ```ts
 * const html = loadFixture('details/com.mojang.minecraftpe.en-us.html');
 * ```
 */
export function loadFixture(relativePath: string, root = 'test/fixtures/'): string {
  const plain = root + relativePath;
  if (existsSync(plain)) return readFileSync(plain, 'utf8');
  return gunzipSync(readFileSync(`${plain}.gz`)).toString('utf8');
}
