import { describe, expect, it } from 'vitest';
import { decodeBatchExecute } from '../../src/protocol/batchexecute.js';
import { parseEnvelope, renderEnvelope, renderEnvelopeBytes } from '../../src/testing/envelope.js';
import { toGoogleJson } from '../../src/testing/googleJson.js';
import { readHtmlBlock, replaceHtmlBlock } from '../../src/testing/htmlBlocks.js';
import { issueToken, readToken } from '../../src/testing/tokens.js';
import { loadFixture } from '../helpers/fixtures.js';

const identity = (entry: readonly unknown[]): unknown[] => [...entry];

describe('batchexecute framing', () => {
  it.each([
    'list/topselling_free.GAME.num100.en-us.txt',
    'list/cluster.GAME_ACTION.run-jump-run.qnKhOb.continuation.en-us.txt',
  ])('re-renders the rt=c capture %s byte for byte (lengths = UTF-16 units + 2, closing byte count)', (name) => {
    const capture = loadFixture(name);
    const template = parseEnvelope(capture);
    expect(template.chunked).toBe(true);
    expect(renderEnvelope(template, identity)).toBe(capture);
  });

  it('states the UTF-8 size of the whole body in the closing chunk', () => {
    const template = parseEnvelope(loadFixture('list/topselling_free.GAME.num100.en-us.txt'));
    const body = renderEnvelope(template, (entry) => ['wrb.fr', entry[1], '[["é😀"]]', null, null, null, 'generic']);
    const closing = /\[\["e",4,null,null,(\d+)\]\]\n$/.exec(body);
    expect(Number(closing?.[1])).toBe(Buffer.byteLength(body, 'utf8'));
    const first = body.split('\n');
    expect(Number(first[2])).toBe((first[3] ?? '').length + 2);
    expect(decodeBatchExecute(body, 'vyAe2')).toEqual([['é😀']]);
  });

  it.each(['list/topselling_free.GAME.num100.en-us.txt', 'suggest/pand.en-us.txt'])('gives the same body as UTF-8 bytes: %s', (name) => {
    const template = parseEnvelope(loadFixture(name));
    const rendered = renderEnvelopeBytes(template, (entry) => ['wrb.fr', entry[1], '[["é😀"]]', null, null, null, 'generic']);
    expect(rendered.text).toBe(renderEnvelope(template, (entry) => ['wrb.fr', entry[1], '[["é😀"]]', null, null, null, 'generic']));
    expect(rendered.bytes.equals(Buffer.from(rendered.text, 'utf8'))).toBe(true);
  });

  it('splices already-escaped text into a chunk before framing it', () => {
    const template = parseEnvelope(loadFixture('list/topselling_free.GAME.num100.en-us.txt'));
    const inside = JSON.stringify('[["a\\"b é"]]').slice(1, -1);
    const body = renderEnvelope(
      template,
      (entry) => ['wrb.fr', entry[1], 'MARK', null, null, null, 'generic'],
      (chunk) => chunk.replace('"MARK"', () => `"${inside}"`),
    );
    expect(decodeBatchExecute(body, 'vyAe2')).toEqual([['a"b é']]);
    const closing = /\[\["e",4,null,null,(\d+)\]\]\n$/.exec(body);
    expect(Number(closing?.[1])).toBe(Buffer.byteLength(body, 'utf8'));
  });

  it.each(['permissions/com.google.android.apps.translate.en-us.txt', 'suggest/pand.en-us.txt', 'errors/developer-continuation.qnKhOb.PlayDataError.txt'])(
    're-renders the plain capture %s byte for byte',
    (name) => {
      const capture = loadFixture(name);
      const template = parseEnvelope(capture);
      expect(template.chunked).toBe(false);
      expect(renderEnvelope(template, identity)).toBe(capture);
    },
  );
});

describe('page blocks', () => {
  it('splices a rewritten block back with Google escapes, the rest of the page unchanged', () => {
    const html = loadFixture('details/com.mojang.minecraftpe.en-us.html');
    const block = readHtmlBlock(html, 'ds:5');
    expect(block).toBeDefined();
    if (block === undefined) return;
    const data = JSON.parse(block.json) as unknown[][][];
    expect(data[1]?.[2]?.[0]).toEqual(['Minecraft: Dream it, Build it!']);
    const page = replaceHtmlBlock(html, block, [['a<b>&c=d']]);
    expect(page.slice(0, block.start)).toBe(html.slice(0, block.start));
    expect(page.slice(block.start, block.start + 34)).toBe('[["a\\u003cb\\u003e\\u0026c\\u003dd"]]');
    expect(page.slice(block.start + 34)).toBe(html.slice(block.end));
    expect(toGoogleJson('x\u2028')).toBe('"x\\u2028"');
  });
});

describe('tokens', () => {
  it('reads back what it issued, with the same secret only', () => {
    const token = issueToken({ kind: 'cluster', page: 3, root: 123_456_789_012 }, 9);
    expect(token).toMatch(/^[\w-]+$/);
    expect(readToken(token, 9)).toEqual({ kind: 'cluster', page: 3, root: 123_456_789_012 });
    expect(readToken(token, 10)).toBeUndefined();
    expect(readToken(`${token.slice(0, -2)}AA`, 9)).toBeUndefined();
    expect(readToken('CtgBIs8BAU60USdyhV93', 9)).toBeUndefined();
  });
});
