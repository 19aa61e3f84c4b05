/**
 * `layerwise rules` as a user runs it — a CP932 ledger's 売上金額 = 数量 × 単価 in English and
 * Japanese, the JSON rule set — and `layerwise train --rules-off` then `evaluate`, whose JSON
 * gives each rule's violations in the rows it reads (none of the accepted ones in generated rows).
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import iconv from 'iconv-lite';
import { afterAll, describe, expect, it } from 'vitest';

const dir = mkdtempSync(join(tmpdir(), 'lw-rules-cli-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

function run(...args: string[]) {
  return spawnSync(process.execPath, ['bin/layerwise.mjs', ...args], { encoding: 'utf8', timeout: 120_000 });
}

function ledger(): string {
  const file = join(dir, 'ledger.csv');
  const lines = ['日付,店舗,数量,単価,売上金額'];
  for (let i = 0; i < 300; i++) {
    const [q, p] = [1 + ((i * 7) % 9), 100 * (1 + ((i * 13) % 20))];
    lines.push(
      `2024/0${1 + (i % 9)}/${String((i % 28) + 1).padStart(2, '0')},${['東京', '大阪'][i % 2]},${q},${p},${q * p}`,
    );
  }
  writeFileSync(file, iconv.encode(lines.join('\r\n') + '\r\n', 'cp932'));
  return file;
}

describe('layerwise rules', () => {
  it('prints the rules of a Japanese ledger in both languages, and as JSON', () => {
    const file = ledger();
    const en = run('rules', file);
    expect(en.status).toBe(0);
    expect(en.stdout).toContain('売上金額 is always 数量 × 単価  (100% of 300 rows, ±0.5)');
    const ja = run('rules', file, '--lang', 'ja');
    expect(ja.stdout).toContain('売上金額 は常に 数量 × 単価');
    const json = JSON.parse(run('rules', file, '--json').stdout) as { rules: { rule: { key: string } }[] };
    expect(json.rules.map((r) => r.rule.key)).toContain('formula:売上金額');
  });

  it('trains with a rule turned off and evaluates the generated rows against the rules', () => {
    const file = ledger();
    const model = join(dir, 'm.lwm');
    const trained = run('train', file, '--out', model, '--epochs', '1', '--quiet', '--rules-off', 'range:数量');
    expect(trained.stderr).toBe('');
    expect(trained.status).toBe(0);
    const rows = join(dir, 's.csv');
    expect(run('sample', model, '--rows', '300', '--seed', '2', '--out', rows).status).toBe(0);
    const evaluated = run('evaluate', model, rows);
    expect(evaluated.status).toBe(0);
    const out = JSON.parse(evaluated.stdout) as { rules: { key: string; accepted: boolean; violated: number }[] };
    const formula = out.rules.find((r) => r.key === 'formula:売上金額');
    expect(formula).toMatchObject({ accepted: true, violated: 0 });
    expect(out.rules.find((r) => r.key === 'range:数量')?.accepted).toBe(false);
    for (const r of out.rules) if (r.accepted) expect([r.key, r.violated]).toEqual([r.key, 0]);
  });
});
