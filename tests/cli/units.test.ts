import { PassThrough, Writable } from 'node:stream';
import { describe, expect, it } from 'vitest';
import { parseCommand } from '../../src/cli/args';
import { csvCell, csvLine } from '../../src/compute/csvText';
import { UsageError } from '../../src/cli/errors';
import { escapeText, jsonText } from '../../src/cli/escapeText';
import { Output, OutputClosed } from '../../src/cli/output';
import { Progress } from '../../src/cli/progress';
import { parseRange } from '../../src/cli/serve/rangeHeader';
import { run } from '../../src/cli/run';
import { parseCsv } from './support/runCli';

describe('escapeText (text output for terminals)', () => {
  it('escapes C0, DEL, C1, ESC sequences and bidi controls like ls -b / Python repr, and nothing else', () => {
    expect(escapeText('a\tb\nc\rd')).toBe('a\\tb\\nc\\rd');
    expect(escapeText('\x00\x1b[2J\x07\x7f')).toBe('\\x00\\x1b[2J\\x07\\x7f');
    expect(escapeText('\x9b31m\x85')).toBe('\\x9b31m\\x85');
    expect(escapeText('\u202egnp.exe \u2066x\u2069 \u200f \u2028')).toBe('\\u202egnp.exe \\u2066x\\u2069 \\u200f \\u2028');
    expect(escapeText('Zürich 東京 😀 back\\slash "q"')).toBe('Zürich 東京 😀 back\\slash "q"');
    // a name the file leaves out reaches the text output as nothing, not a crash
    expect(escapeText(null)).toBe('');
    expect(escapeText(undefined)).toBe('');
  });

  it('jsonText keeps the exact values but writes C1 and bidi controls as \\u escapes', () => {
    const value = { 'n\u202e\x00': ['\x1b]0;t\x07', '\x9b', 'é'] };
    const text = jsonText(value);
    expect(JSON.parse(text)).toEqual(value);
    // eslint-disable-next-line no-control-regex -- looking for control characters
    expect(text).not.toMatch(/[\x00-\x1f\x7f-\x9f\u202e]/);
    expect(jsonText({ big: 2n ** 64n })).toBe('{"big":"18446744073709551616"}');
  });
});

describe('CSV cells (RFC 4180, OWASP formula guard)', () => {
  it('quotes fields with quotes, commas and line breaks, doubling quotes; null is empty', () => {
    expect(csvCell('plain')).toBe('plain');
    expect(csvCell('a,b')).toBe('"a,b"');
    expect(csvCell('say "hi"')).toBe('"say ""hi"""');
    expect(csvCell('two\nlines')).toBe('"two\nlines"');
    expect(csvCell(null)).toBe('');
    expect(csvLine(['a', null, 'c'])).toBe('a,,c\r\n');
  });

  it('prefixes cells starting with = + - @ tab CR with a quote, but not plain numbers; off on request', () => {
    expect(['=1+2', '+cmd', '-cmd', '@SUM(A1)', '\tx', '\rx'].map((v) => csvCell(v))).toEqual(["'=1+2", "'+cmd", "'-cmd", "'@SUM(A1)", "'\tx", '"\'\rx"']);
    expect(['-5', '+1.5e3', '-0.0', '-.5'].map((v) => csvCell(v))).toEqual(['-5', '+1.5e3', '-0.0', '-.5']);
    expect(csvCell('=HYPERLINK("x")')).toBe('"\'=HYPERLINK(""x"")"');
    expect(csvCell('=1+2', false)).toBe('=1+2');
  });

  it('round-trips through an RFC 4180 reader', () => {
    const rows = [['a', 'b,c', 'd"e', 'f\r\ng'], ['', 'x', 'y', 'z']];
    expect(parseCsv(rows.map((r) => csvLine(r, false)).join(''))).toEqual(rows);
  });
});

describe('HTTP Range header', () => {
  it('answers A-B, A- and -N, clamps the end, and refuses what falls outside', () => {
    expect(parseRange(undefined, 100)).toEqual({ kind: 'full' });
    expect(parseRange('bytes=0-9', 100)).toEqual({ kind: 'partial', start: 0, end: 9 });
    expect(parseRange('bytes=90-', 100)).toEqual({ kind: 'partial', start: 90, end: 99 });
    expect(parseRange('bytes=-10', 100)).toEqual({ kind: 'partial', start: 90, end: 99 });
    expect(parseRange('bytes=-500', 100)).toEqual({ kind: 'partial', start: 0, end: 99 });
    expect(parseRange('bytes=50-5000', 100)).toEqual({ kind: 'partial', start: 50, end: 99 });
    for (const bad of ['bytes=100-', 'bytes=100-200', 'bytes=9-2', 'bytes=-0', 'bytes=abc', 'bytes=-', 'bytes=1-2x']) expect(parseRange(bad, 100), bad).toEqual({ kind: 'unsatisfiable' });
    expect(parseRange('bytes=0-0', 0)).toEqual({ kind: 'unsatisfiable' });
    expect(parseRange('items=0-9', 100)).toEqual({ kind: 'full' });
  });

  it('answers several ranges as asked (a multipart answer), dropping those past the end; too many: the whole file', () => {
    expect(parseRange('bytes=0-9,20-29', 100)).toEqual({ kind: 'several', ranges: [{ start: 0, end: 9 }, { start: 20, end: 29 }] });
    expect(parseRange('bytes=90-, 5-5, 200-300', 100)).toEqual({ kind: 'several', ranges: [{ start: 90, end: 99 }, { start: 5, end: 5 }] });
    expect(parseRange('bytes=5-9,200-300', 100)).toEqual({ kind: 'partial', start: 5, end: 9 });
    expect(parseRange('bytes=100-,200-300', 100)).toEqual({ kind: 'unsatisfiable' });
    expect(parseRange('bytes=0-9,9-2', 100)).toEqual({ kind: 'unsatisfiable' });
    expect(parseRange(`bytes=${Array.from({ length: 201 }, (_, k) => `${k}-${k}`).join(',')}`, 1000)).toEqual({ kind: 'full' });
  });
});

describe('arguments', () => {
  const usage = (...argv: string[]) => {
    try {
      parseCommand(argv);
    } catch (e) {
      expect(e).toBeInstanceOf(UsageError);
      return (e as Error).message;
    }
    throw new Error(`no usage error for ${argv.join(' ')}`);
  };

  it('reads the commands', () => {
    expect(parseCommand(['f.arrow'])).toMatchObject({ kind: 'summary', file: 'f.arrow', format: 'table' });
    expect(parseCommand(['f.arrow', '--json'])).toMatchObject({ kind: 'summary', format: 'json' });
    expect(parseCommand(['f.arrow', '--rows', '5:', '--column', '#3', '--column', 'a.b', '--columns', 'x,y', '--format', 'csv', '--no-formula-guard'])).toMatchObject({
      kind: 'rows',
      rows: { start: 5, end: undefined },
      columns: ['#3', 'a.b', 'x', 'y'],
      format: 'csv',
      formulaGuard: false,
    });
    expect(parseCommand(['f.arrow', '--rows', ':7'])).toMatchObject({ rows: { start: 0, end: 7 } });
    expect(parseCommand(['f.arrow', '--unique', 'x', '--format', 'ndjson'])).toMatchObject({ kind: 'unique', column: 'x', format: 'ndjson' });
    expect(parseCommand(['view', 'f.arrow', '--port', '8080', '--no-open'])).toEqual({ kind: 'view', path: 'f.arrow', port: 8080, open: false, folder: false });
    expect(parseCommand(['serve', 'data/'])).toEqual({ kind: 'view', path: 'data/', port: 0, open: true, folder: true });
    expect(parseCommand(['./view'])).toMatchObject({ kind: 'summary', file: './view' });
  });

  it('says what is wrong with a malformed command line', () => {
    expect(usage()).toMatch(/Give the file/);
    expect(usage('f', '--bogus')).toBe("Unknown option '--bogus'.");
    expect(usage('f', '--rows', '1-2')).toMatch(/--rows takes A:B/);
    expect(usage('f', '--rows', '5:2')).toMatch(/A <= B/);
    expect(usage('f', '--format', 'xml')).toMatch(/--format takes table, json, ndjson, csv/);
    expect(usage('f', '--json', '--format', 'csv')).toMatch(/two formats/);
    expect(usage('f', '--chunk', 'x')).toMatch(/--chunk takes a whole number/);
    expect(usage('f', '--unique', 'a', '--rows', '0:1')).toMatch(/does not go with --unique/);
    expect(usage('f', '--port', '80')).toMatch(/view and serve/);
    expect(usage('view')).toMatch(/takes a FILE/);
    expect(usage('view', 'f', '--rows', '0:1')).toMatch(/not for view/);
    expect(usage('view', 'f', '--port', '70000')).toMatch(/from 0 to 65535/);
    expect(usage('a', 'b')).toMatch(/One file at a time/);
  });
});

/** A stream that takes `delayMs` per write, with a small buffer: writes past it must wait for 'drain'. */
function slowStream(delayMs: number, fail?: { after: number }) {
  let bytes = 0;
  let peakBuffered = 0;
  let writes = 0;
  const stream = new Writable({
    highWaterMark: 16 * 1024,
    write(chunk: Buffer, _enc, done) {
      writes++;
      peakBuffered = Math.max(peakBuffered, stream.writableLength);
      if (fail && writes > fail.after) return done(Object.assign(new Error('write EPIPE'), { code: 'EPIPE' }));
      setTimeout(() => {
        bytes += chunk.length;
        done();
      }, delayMs);
    },
  });
  return { stream, stats: () => ({ bytes, peakBuffered }) };
}

describe('Output (stdout with backpressure)', () => {
  it('waits for a slow reader: every byte arrives and no more than a chunk or two is ever buffered', async () => {
    const { stream, stats } = slowStream(2);
    const out = new Output(stream);
    const line = `${'x'.repeat(99)}\n`;
    for (let i = 0; i < 20_000; i++) await out.write(line);
    await out.finish();
    expect(stats().bytes).toBe(2_000_000);
    expect(stats().peakBuffered).toBeLessThanOrEqual(2 * 64 * 1024 + 16 * 1024);
  });

  it('turns a closed pipe into OutputClosed at the next write, and finish() does not hang', async () => {
    const { stream } = slowStream(0, { after: 2 });
    const out = new Output(stream);
    const line = `${'y'.repeat(1023)}\n`;
    await expect(
      (async () => {
        for (let i = 0; i < 10_000; i++) await out.write(line);
      })(),
    ).rejects.toBeInstanceOf(OutputClosed);
    expect(out.closed).toBe(true);
    await expect(out.finish()).rejects.toBeInstanceOf(OutputClosed);
  });
});

describe('a stdout that fails', () => {
  const failing = (code: string) =>
    new Writable({
      write(_chunk, _enc, done) {
        done(Object.assign(new Error(`write ${code}`), { code }));
      },
    });

  it('a reader that went away (EPIPE) ends the command quietly with 0; a full disk is an error with 1', async () => {
    const stderr = new PassThrough();
    let said = '';
    stderr.on('data', (c: Buffer) => (said += c.toString()));
    expect(await run(['public/sample.arrow', '--rows', '0:4000'], { stdout: failing('EPIPE'), stderr })).toBe(0);
    expect(said).toBe('');
    expect(await run(['public/sample.arrow', '--rows', '0:4000'], { stdout: failing('ENOSPC'), stderr })).toBe(1);
    expect(said).toBe('arrowscope: The output could not be written: write ENOSPC.\n');
  });
});

describe('Progress on stderr', () => {
  const fake = (isTTY: boolean) => {
    let t = 0;
    const written: string[] = [];
    const stream = { isTTY, write: (s: string) => written.push(s) };
    return { stream, written, tick: (ms: number) => (t += ms), now: () => t };
  };

  it('is drawn only after a second, on a terminal, at most every 250 ms, and cleared at the end', () => {
    const f = fake(true);
    const p = new Progress(f.stream, true, f.now);
    p.update(10, 100, 'rows');
    f.tick(900);
    p.update(50, 100, 'rows');
    expect(f.written).toEqual([]);
    f.tick(1100);
    p.update(1_000_000, 2_000_000, 'rows');
    expect(f.written).toHaveLength(1);
    expect(f.written[0]).toBe('\r1,000,000 of 2,000,000 rows (50%), 500,000 rows/s, 2 s left\x1b[K');
    f.tick(100);
    p.update(1_100_000, 2_000_000, 'rows');
    expect(f.written).toHaveLength(1);
    p.clear();
    expect(f.written[1]).toBe('\r\x1b[K');
  });

  it('stays silent when stderr is not a terminal or --quiet is given', () => {
    for (const [isTTY, quiet] of [
      [false, false],
      [true, true],
    ]) {
      const f = fake(isTTY);
      const p = Progress.for(f.stream, quiet);
      f.tick(5000);
      p.update(1, 2, 'rows');
      p.clear();
      expect(f.written).toEqual([]);
    }
  });
});
