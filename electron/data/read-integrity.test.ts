/**
 * Nothing dropped or cut silently while a file is read: blank rows (`,,,`) are skipped with a
 * notice that counts them and gives their lines, and a file truncated, extended or rewritten
 * during the pass is refused with a translated message saying to import it again.
 */
import { appendFileSync, mkdtempSync, rmSync, truncateSync, utimesSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { formatError } from '../../shared/i18n/format.js';
import { importCsv } from './index.js';

const dir = mkdtempSync(join(tmpdir(), 'lw-integrity-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('blank rows', () => {
  it('are counted and reported with their line numbers', async () => {
    const lines = ['shop,qty,price'];
    for (let i = 0; i < 30; i++) lines.push(i % 10 === 3 ? ',,' : `${['A', 'B'][i % 2]},${i % 5},${i}.5`);
    lines.splice(5, 0, '');
    const path = join(dir, 'blank.csv');
    writeFileSync(path, `${lines.join('\n')}\n\n`);
    const ds = await importCsv(path);
    expect(ds.info.rows).toBe(27);
    const problem = ds.info.problems.find((p) => p.code === 'problems.emptyRowsSkipped');
    expect(problem).toEqual({
      code: 'problems.emptyRowsSkipped',
      severity: 'info',
      params: { count: 4 },
      examples: [
        { line: 5, text: ',,' },
        { line: 6, text: '' },
        { line: 16, text: ',,' },
        { line: 26, text: ',,' },
      ],
    });
  });

  it('do not turn the header into a data row: a header over blank rows is a file without data', async () => {
    const path = join(dir, 'header-blank.csv');
    writeFileSync(path, 'shop,qty,price\n,,\n , ,\n');
    await expect(importCsv(path)).rejects.toMatchObject({ code: 'data.headerOnly' });
  });

  it('are not reported when there are none (a final line end is not a row)', async () => {
    const path = join(dir, 'clean.csv');
    writeFileSync(path, 'a,b\n1,x\n2,y\n3,x\n');
    const ds = await importCsv(path);
    expect(ds.info.problems.map((p) => p.code)).not.toContain('problems.emptyRowsSkipped');
  });
});

describe('a file that changes while it is read', () => {
  /** A CSV of about 3 MB: three read chunks. */
  function big(name: string): string {
    const path = join(dir, name);
    const row = 'Tokyo,12,34.5,2024-01-05,some text to make the row longer\n';
    writeFileSync(path, `city,qty,price,date,note\n${row.repeat(Math.ceil((3 << 20) / row.length))}`);
    return path;
  }

  it.each([
    ['truncated', (p: string) => truncateSync(p, 1 << 20)],
    ['extended', (p: string) => appendFileSync(p, 'Osaka,1,2.5,2024-01-06,more\n'.repeat(1000))],
    ['touched', (p: string) => utimesSync(p, new Date(), new Date(Date.now() + 60_000))],
  ])('is refused when %s during the pass', async (what, change) => {
    const path = big(`${what}.csv`);
    let changed = false;
    const err = await importCsv(path, {
      onProgress: () => {
        if (changed) return;
        changed = true;
        change(path);
      },
    }).catch((e: unknown) => e);
    expect(changed).toBe(true);
    expect(err).toMatchObject({ code: 'data.changedWhileReading', params: { path: `${what}.csv` } });
    expect(formatError(err, 'en')).toMatch(/changed while it was being read.*import it again/);
    expect(formatError(err, 'ja')).toMatch(/読み込み中に変更されました/);
  });

  it('is read when nothing changes', async () => {
    const ds = await importCsv(big('steady.csv'));
    expect(ds.info.fileRows).toBeGreaterThan(50_000);
  });
});
