/** `layerwise inspect` as a user runs it: JSON of the detected format, or one line and a non-zero exit. */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import iconv from 'iconv-lite';
import { afterAll, describe, expect, it } from 'vitest';

const dir = mkdtempSync(join(tmpdir(), 'lw-inspect-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

function run(...args: string[]) {
  return spawnSync(process.execPath, ['bin/layerwise.mjs', 'inspect', ...args], { encoding: 'utf8', timeout: 60_000 });
}

describe('layerwise inspect', () => {
  it('prints the exact JSON shape for a CP932 semicolon file and exits 0', () => {
    const file = join(dir, 'ledger.csv');
    const lines = ['日付;店舗;金額;会員'];
    for (let i = 0; i < 40; i++)
      lines.push(
        `2024/01/${String((i % 28) + 1).padStart(2, '0')};${['東京', '大阪', '名古屋'][i % 3]};￥${(1000 + i * 37).toLocaleString('en')};${i % 2 ? 'はい' : 'いいえ'}`,
      );
    writeFileSync(file, iconv.encode(lines.join('\r\n') + '\r\n', 'cp932'));
    const r = run(file, '--json');
    expect(r.status).toBe(0);
    const out = JSON.parse(r.stdout) as Record<string, unknown>;
    expect(Object.keys(out)).toEqual(['encoding', 'delimiter', 'header', 'rows', 'columns', 'problems']);
    expect(out).toMatchObject({ encoding: 'shift_jis', delimiter: ';', header: true, rows: 40 });
    expect(out.columns).toEqual([
      { name: '日付', type: 'date', missing: 0, distinct: 28 },
      { name: '店舗', type: 'categorical', missing: 0, distinct: 3 },
      { name: '金額', type: 'numeric', missing: 0, distinct: 40 },
      { name: '会員', type: 'boolean', missing: 0, distinct: 2 },
    ]);
  });

  it('prints one line without a stack trace and exits non-zero for binary garbage', () => {
    const file = join(dir, 'garbage.csv');
    writeFileSync(file, Buffer.from(Array.from({ length: 4000 }, (_, i) => (i * 7919) % 256)));
    const r = run(file, '--json');
    expect(r.status).not.toBe(0);
    expect(r.stdout).toBe('');
    const lines = r.stderr.trim().split('\n');
    expect(lines).toHaveLength(1);
    expect(lines[0]).not.toMatch(/\bat .*:\d+/);
  });

  it('takes extra missing-value tokens and the quote character from the options', () => {
    const file = join(dir, 'memo.csv');
    writeFileSync(
      file,
      [
        '店舗,売上,メモ',
        ...Array.from({ length: 12 }, (_, i) => `東京,${i % 4 === 1 ? '不明' : 100 + i},'a, ${i}'`),
      ].join('\n'),
    );
    const r = run(file, '--json', '--missing', '不明', '--quote', "'");
    expect(r.status, r.stderr).toBe(0);
    const out = JSON.parse(r.stdout) as {
      columns: { name: string; type: string; missing: number }[];
      problems: unknown[];
    };
    expect(out.columns.map((c) => [c.name, c.missing])).toEqual([
      ['店舗', 0],
      ['売上', 3],
      ['メモ', 0],
    ]);
    expect(out.problems.some((p) => (p as { code: string }).code.startsWith('problems.tooManyFields'))).toBe(false);
    const bad = run(file, '--quote', '`');
    expect(bad.status).not.toBe(0);
    expect(bad.stderr).toMatch(/--quote/);
  });
});
