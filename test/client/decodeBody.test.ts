import { brotliCompressSync, constants as zlibConstants, gzipSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { BodyJoiner, decodeBody, decodeUtf8, outputChunkSize } from '../../src/client/decodeBody.js';
import { BodyTooLargeError, isBodyTooLargeError } from '../../src/errors/BodyTooLargeError.js';

const URL = 'https://play.google.com/store/apps/details?id=com.example';

/** `text` as UTF-8 chunks of `size` bytes (multi-byte characters may be cut). */
function chunksOf(text: string, size: number): Buffer[] {
  const bytes = Buffer.from(text, 'utf8');
  const chunks: Buffer[] = [];
  for (let offset = 0; offset < bytes.byteLength; offset += size) chunks.push(bytes.subarray(offset, offset + size));
  return chunks;
}

function sizeOf(chunks: readonly Buffer[]): number {
  return chunks.reduce((sum, chunk) => sum + chunk.byteLength, 0);
}

describe('decodeUtf8', () => {
  const filler = 'x'.repeat(40_000);

  it('gives exactly what toString gives, on every path (small, ASCII, non-ASCII, past a million bytes)', () => {
    const texts = [
      'petit café',
      filler,
      `${filler} Pokémon ✓ 😀 “quotes” — ${filler}`,
      `\uFEFF${filler} BOM kept`,
      `${filler}é`.repeat(30),
      `${filler}✓`.repeat(30),
    ];
    for (const text of texts) {
      const bytes = Buffer.from(text, 'utf8');
      expect(decodeUtf8(bytes)).toBe(bytes.toString('utf8'));
      expect(decodeUtf8(bytes)).toBe(text);
    }
  });

  it('keeps toString’s replacement characters for invalid UTF-8', () => {
    const invalid = [Buffer.from([0xff, 0xfe]), Buffer.from([0xed, 0xa0, 0x80]), Buffer.from([0xe2, 0x82]), Buffer.from([0xc0, 0xaf])];
    for (const damage of invalid) {
      const bytes = Buffer.concat([Buffer.from(`${filler}é`), damage, Buffer.from(`${filler}✓`)]);
      expect(decodeUtf8(bytes)).toBe(bytes.toString('utf8'));
    }
  });

  it('decodes a sub-range view (the joiner hands it one)', () => {
    const bytes = Buffer.from(`--${filler}✓--`, 'utf8');
    const view = bytes.subarray(2, bytes.byteLength - 2);
    expect(decodeUtf8(view)).toBe(`${filler}✓`);
  });
});

describe('BodyJoiner', () => {
  it('joins chunks that cut multi-byte characters, and reuses its buffer without mixing bodies', () => {
    const joiner = new BodyJoiner();
    const long = `Pokémon ✓ 😀 ${'x'.repeat(50_000)} — fin`;
    const short = 'café ✓';
    expect(joiner.text(chunksOf(long, 7), Buffer.byteLength(long))).toBe(long);
    expect(joiner.text(chunksOf(short, 3), Buffer.byteLength(short))).toBe(short);
    expect(joiner.text(chunksOf(long, 5), Buffer.byteLength(long))).toBe(long);
  });

  it('handles no chunk, one chunk, and bodies past the reuse limit', () => {
    const joiner = new BodyJoiner(16);
    expect(joiner.text([], 0)).toBe('');
    expect(joiner.text([Buffer.from('seul')], 4)).toBe('seul');
    const big = 'été '.repeat(20);
    expect(joiner.text(chunksOf(big, 6), Buffer.byteLength(big))).toBe(big);
    joiner.release();
    expect(joiner.text(chunksOf('ok ok', 2), 5)).toBe('ok ok');
  });
});

describe('decodeBody', () => {
  it('decodes an uncompressed body at once, with wire and decoded sizes', () => {
    const chunks = chunksOf('<html>café</html>', 4);
    const body = decodeBody(chunks, sizeOf(chunks), { contentEncoding: undefined, limit: 1000, url: URL }, new BodyJoiner());
    expect(body).toEqual({ text: '<html>café</html>', wire: 18, decoded: 18 });
  });

  it('inflates a gzip body given in chunks', async () => {
    const chunks = [...gzipSync(Buffer.from('brotli? no: gzip ✓'))].map((byte) => Buffer.from([byte]));
    const body = await decodeBody(chunks, sizeOf(chunks), { contentEncoding: 'gzip', limit: 1000, url: URL }, new BodyJoiner());
    expect(body.text).toBe('brotli? no: gzip ✓');
    expect(body.wire).toBe(sizeOf(chunks));
  });

  it('fails with BodyTooLargeError past the limit, compressed or not', async () => {
    const plain = chunksOf('x'.repeat(100), 10);
    expect(() => decodeBody(plain, 100, { contentEncoding: undefined, limit: 99, url: URL }, new BodyJoiner())).toThrow(BodyTooLargeError);
    const bomb = [gzipSync(Buffer.alloc(10_000))];
    const inflated = await Promise.resolve(decodeBody(bomb, sizeOf(bomb), { contentEncoding: 'gzip', limit: 1_000, url: URL }, new BodyJoiner())).catch((caught: unknown) => caught);
    expect(isBodyTooLargeError(inflated)).toBe(true);
  });

  it('decodes large bodies in large output chunks, exactly, brotli and gzip, and still stops at the limit', async () => {
    const text = Array.from({ length: 40_000 }, (_, index) => `["com.example.app${index}","Pokémon ✓ ${index}",${index % 5}.${index % 10}]`).join(',');
    const bytes = Buffer.from(text, 'utf8');
    for (const [coding, compressed] of [
      ['br', brotliCompressSync(bytes, { params: { [zlibConstants.BROTLI_PARAM_QUALITY]: 4 } })],
      ['gzip', gzipSync(bytes)],
    ] as const) {
      expect(outputChunkSize(compressed.byteLength)).toBeGreaterThan(16 * 1024);
      const body = await decodeBody([compressed], compressed.byteLength, { contentEncoding: coding, limit: 10_000_000, url: URL }, new BodyJoiner());
      expect(body.text).toBe(text);
      expect(body.decoded).toBe(bytes.byteLength);
      const refused = await Promise.resolve(decodeBody([compressed], compressed.byteLength, { contentEncoding: coding, limit: bytes.byteLength - 1, url: URL }, new BodyJoiner())).catch(
        (caught: unknown) => caught,
      );
      expect(isBodyTooLargeError(refused)).toBe(true);
    }
  });
});

describe('outputChunkSize', () => {
  it('is about 4x the compressed size, a power of two from 16 KB to 256 KB', () => {
    expect(outputChunkSize(0)).toBe(16 * 1024);
    expect(outputChunkSize(1_000)).toBe(16 * 1024);
    expect(outputChunkSize(5_000)).toBe(32 * 1024);
    expect(outputChunkSize(40_000)).toBe(256 * 1024);
    expect(outputChunkSize(240_000)).toBe(256 * 1024);
    expect(outputChunkSize(50_000_000)).toBe(256 * 1024);
  });
});
