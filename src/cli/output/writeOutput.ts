import { Observable } from 'rxjs';
import Table from 'cli-table3';
import { stringify } from 'csv-stringify/sync';
import type { TextSink } from '../CliIo.js';
import { rowCells } from './columns.js';
import type { OutputFormat } from './OutputFormat.js';
import type { OutputSpec } from './OutputSpec.js';

/** A writer of one format: `write` per value as it arrives, `end` once. */
interface FormatWriter<T> {
  write(value: T): void;
  end(): void;
}

function asRows<T>(spec: OutputSpec<T>, value: T): readonly Readonly<Record<string, unknown>>[] {
  return spec.toRows === undefined ? [value as Readonly<Record<string, unknown>>] : spec.toRows(value);
}

function asJson<T>(spec: OutputSpec<T>, value: T): unknown {
  return spec.toJson === undefined ? value : spec.toJson(value);
}

function formatWriter<T>(format: OutputFormat, spec: OutputSpec<T>, out: TextSink): FormatWriter<T> {
  switch (format) {
    case 'ndjson':
      return { write: (value) => out.write(`${JSON.stringify(asJson(spec, value))}\n`), end: () => undefined };
    case 'json': {
      let count = 0;
      return {
        write: (value) => {
          out.write(`${count === 0 ? '[\n' : ',\n'}  ${JSON.stringify(asJson(spec, value))}`);
          count += 1;
        },
        end: () => out.write(count === 0 ? '[]\n' : '\n]\n'),
      };
    }
    case 'csv': {
      out.write(stringify([spec.columns]));
      return {
        write: (value) => {
          const rows = asRows(spec, value).map((row) => rowCells(row, spec.columns));
          if (rows.length > 0) out.write(stringify(rows));
        },
        end: () => undefined,
      };
    }
    case 'table': {
      const table = new Table({ head: [...spec.columns], style: { head: [], border: [] } });
      return {
        write: (value) => {
          for (const row of asRows(spec, value)) table.push(rowCells(row, spec.columns).map(shorten));
        },
        end: () => out.write(`${table.toString()}\n`),
      };
    }
  }
}

const MAX_CELL = 60;

function shorten(text: string): string {
  const line = text.replace(/\s+/g, ' ');
  return line.length > MAX_CELL ? `${line.slice(0, MAX_CELL - 1)}…` : line;
}

/**
 * Writes a stream of values to `out` in `format`, as they arrive (`table` once at the end, since
 * its column widths need every row). Resolves when the stream completes, rejects with its error
 * (what was written so far stays written; `json` is closed so that it still parses).
 *
 * @example
 * ```ts
 * await writeOutput(search({ query: 'panda' }, batch), 'csv', { columns: ['appId', 'title'] }, process.stdout);
 * ```
 */
export function writeOutput<T>(values$: Observable<T>, format: OutputFormat, spec: OutputSpec<T>, out: TextSink): Promise<void> {
  const writer = formatWriter(format, spec, out);
  return new Promise<void>((resolve, reject) => {
    values$.subscribe({
      next: (value) => {
        writer.write(value);
      },
      error: (error: unknown) => {
        if (format === 'json') writer.end();
        reject(error instanceof Error ? error : new Error(String(error)));
      },
      complete: () => {
        writer.end();
        resolve();
      },
    });
  });
}
