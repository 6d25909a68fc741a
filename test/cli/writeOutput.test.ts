import { of, throwError, concat } from 'rxjs';
import { describe, expect, it } from 'vitest';
import { writeOutput } from '../../src/cli/output/writeOutput.js';

function sink(): { readonly out: { write(text: string): boolean }; readonly text: () => string } {
  let text = '';
  return {
    out: {
      write: (chunk: string) => {
        text += chunk;
        return true;
      },
    },
    text: () => text,
  };
}

const tricky = { id: 'a', text: 'comma, "quotes" and\na newline', tags: ['x', 'y'], missing: undefined, score: 4.5 };

describe('writeOutput', () => {
  it('csv quotes commas, doubles quotes, keeps newlines inside quotes, writes arrays as JSON and missing values as empty', async () => {
    const { out, text } = sink();
    await writeOutput(of(tricky, { id: 'b', text: 'plain', score: 1 }), 'csv', { columns: ['id', 'text', 'tags', 'missing', 'score'] }, out);
    expect(text()).toBe('id,text,tags,missing,score\na,"comma, ""quotes"" and\na newline","[""x"",""y""]",,4.5\nb,plain,,,1\n');
  });

  it('ndjson writes one JSON value per line; json an array that parses, also empty', async () => {
    const lines = sink();
    await writeOutput(of(tricky, { id: 'b' }), 'ndjson', { columns: [] }, lines.out);
    expect(lines.text().split('\n')).toEqual([JSON.stringify(tricky), '{"id":"b"}', '']);
    const array = sink();
    await writeOutput(of(tricky, { id: 'b' }), 'json', { columns: [] }, array.out);
    expect(JSON.parse(array.text())).toEqual([{ id: 'a', text: tricky.text, tags: ['x', 'y'], score: 4.5 }, { id: 'b' }]);
    const empty = sink();
    await writeOutput(of(), 'json', { columns: [] }, empty.out);
    expect(JSON.parse(empty.text())).toEqual([]);
  });

  it('json output still parses when the stream fails midway, and the error is passed on', async () => {
    const { out, text } = sink();
    await expect(writeOutput(concat(of({ id: 'a' }), throwError(() => new Error('boom'))), 'json', { columns: [] }, out)).rejects.toThrow('boom');
    expect(JSON.parse(text())).toEqual([{ id: 'a' }]);
  });

  it('table shows the columns and one line per row, newlines flattened', async () => {
    const { out, text } = sink();
    await writeOutput(of(tricky), 'table', { columns: ['id', 'text'] }, out);
    expect(text().split('\n')).toEqual([
      '┌────┬───────────────────────────────┐',
      '│ id │ text                          │',
      '├────┼───────────────────────────────┤',
      '│ a  │ comma, "quotes" and a newline │',
      '└────┴───────────────────────────────┘',
      '',
    ]);
  });
});
