/**
 * A loaded dataset: the rows kept in memory (column by column), each column's inferred and
 * chosen type and format, its typed values and profile, and the import problems — everything
 * the Data step shows (`DatasetInfo`). Column overrides produce a new dataset, re-profiled.
 */
import { randomUUID } from 'node:crypto';
import type {
  ColumnOverride,
  ColumnProfile,
  CsvOptions,
  DatasetInfo,
  ImportProblem,
  RowTable,
} from '../../shared/domain/data.js';
import { AppError } from '../../shared/domain/errors.js';
import { analyzeColumn, formatForType, type ColumnAnalysis } from './infer.js';
import { parseNumber, type DecimalMark } from './numbers.js';
import { columnChart, columnRange } from './profile.js';
import type { FileSource, RawTable } from './reader.js';
import { typeColumn, type TypedColumn } from './typed.js';

/** Columns beyond this many start excluded; the user picks which to keep. */
export const MAX_INCLUDED_COLUMNS = 200;
const PREVIEW_ROWS = 50;

export interface Dataset {
  readonly info: DatasetInfo;
  /** Cells by column, as read (strings). */
  readonly cells: string[][];
  readonly typed: TypedColumn[];
  readonly missing: Set<string>;
  /** The file the rows came from, for later passes over all of it. */
  readonly source: FileSource;
}

function profileOf(
  index: number,
  name: string,
  originalName: string,
  cells: string[],
  typed: TypedColumn,
  base: Omit<ColumnProfile, 'index' | 'name' | 'originalName' | 'chart' | 'min' | 'max'>,
): ColumnProfile {
  const range = typed.kind === 'number' ? columnRange(typed.values) : null;
  return {
    index,
    name,
    originalName,
    ...base,
    chart: columnChart(typed, base.type, base.format),
    min: range?.min ?? null,
    max: range?.max ?? null,
    missingRate: cells.length > 0 ? base.missing / cells.length : 0,
  };
}

/** One problem per reason columns were left out by inference, naming the first few. */
function excludedProblems(columns: ColumnProfile[]): ImportProblem[] {
  const problems: ImportProblem[] = [];
  for (const reason of ['constant', 'all-missing', 'identifier', 'text'] as const) {
    const names = columns.filter((c) => c.excludedReason === reason).map((c) => c.name);
    if (names.length > 0)
      problems.push({
        code: `problems.excluded.${reason}`,
        severity: 'info',
        params: { count: names.length, names: names.slice(0, 8).join(', ') },
        examples: [],
      });
  }
  return problems;
}

/**
 * The decimal mark to assume for numbers that read either way (`1,234`) before looking at the
 * columns: the user's choice; else a point in a Japanese-encoded file, a comma in a
 * semicolon-separated one (European exports), or no preference (a point).
 */
function fileDecimalGuess(options: CsvOptions): DecimalMark | null {
  if (options.decimalMark) return options.decimalMark;
  if (options.encoding === 'shift_jis' || options.encoding === 'euc-jp') return '.';
  return options.delimiter === ';' ? ',' : null;
}

/**
 * Every column analysed. Columns whose numbers read either way are decided by the user's
 * choice, else by the file's other number columns (those whose values decided their mark,
 * e.g. `12,75`), else by `fileDecimalGuess`.
 */
function analyzeColumns(cells: string[][], options: CsvOptions, missing: Set<string>): ColumnAnalysis[] {
  const guess = fileDecimalGuess(options);
  const analyses = cells.map((col) => analyzeColumn(col, missing, options.dayFirst, guess));
  if (options.decimalMark) return analyses;
  let comma = 0;
  let point = 0;
  for (const a of analyses)
    if (a.numberReading?.decided) {
      if (a.numberReading.mark === ',') comma++;
      else point++;
    }
  const evidence = comma > point ? ',' : point > comma ? '.' : null;
  if (evidence === null || evidence === (guess ?? '.')) return analyses;
  return analyses.map((a, j) =>
    a.numberReading?.ambiguous ? analyzeColumn(cells[j], missing, options.dayFirst, evidence) : a,
  );
}

/** The problem that names the columns whose numbers read either way, and how they were read. */
function ambiguousDecimalProblem(analyses: ColumnAnalysis[], header: string[], options: CsvOptions): ImportProblem[] {
  if (options.decimalMark) return [];
  const columns = analyses.flatMap((a, j) => (a.numberReading?.ambiguous ? [j] : []));
  if (columns.length === 0) return [];
  const { example, mark } = analyses[columns[0]].numberReading!;
  return [
    {
      code: 'problems.ambiguousDecimal',
      severity: 'warning',
      params: {
        count: columns.length,
        columns: columns
          .slice(0, 8)
          .map((j) => header[j])
          .join(', '),
        example,
        value: String(parseNumber(example, mark)),
        mark,
      },
      examples: [],
    },
  ];
}

export function buildDataset(raw: RawTable): Dataset {
  const width = raw.header.length;
  const cells: string[][] = Array.from({ length: width }, () => new Array<string>(raw.rows.length));
  raw.rows.forEach((row, r) => {
    for (let j = 0; j < width; j++) cells[j][r] = row[j] ?? '';
  });
  const missing = new Set(raw.options.missingTokens.map((t) => t.trim()));
  const problems: ImportProblem[] = [...raw.problems];
  const typed: TypedColumn[] = [];
  const ambiguous: string[] = [];
  const analyses = analyzeColumns(cells, raw.options, missing);
  const columns = cells.map((col, j) => {
    const a = analyses[j];
    if (a.ambiguousDate) ambiguous.push(raw.header[j]);
    const t = typeColumn(col, a.type, a.format, missing);
    typed.push(t);
    let reason = a.excludedReason;
    if (reason === null && j >= MAX_INCLUDED_COLUMNS) reason = 'user';
    const unparsed =
      t.kind === 'number' ? t.values.length - a.missing - t.values.filter((v) => !Number.isNaN(v)).length : 0;
    if (unparsed > 0) {
      problems.push({
        code: 'problems.unparsedValues',
        severity: 'warning',
        params: { column: raw.header[j], count: unparsed, type: a.type },
        examples: [],
      });
    }
    return profileOf(j, raw.header[j], raw.originalHeader[j] ?? raw.header[j], col, t, {
      type: a.type,
      inferredType: a.type,
      include: reason === null,
      excludedReason: reason,
      ...(a.identifierEvidence ? { identifierEvidence: a.identifierEvidence } : {}),
      missing: a.missing,
      missingRate: 0,
      distinct: a.distinct,
      format: a.format,
    });
  });
  problems.push(...excludedProblems(columns));
  if (width > MAX_INCLUDED_COLUMNS)
    problems.push({
      code: 'problems.tooManyColumns',
      severity: 'warning',
      params: { count: width, kept: MAX_INCLUDED_COLUMNS },
      examples: [],
    });
  if (ambiguous.length > 0)
    problems.push({
      code: 'problems.ambiguousDates',
      severity: 'warning',
      params: { columns: ambiguous.join(', ') },
      examples: [],
    });
  problems.push(...ambiguousDecimalProblem(analyses, raw.header, raw.options));
  if (!columns.some((c) => c.include))
    problems.push({ code: 'problems.noUsableColumns', severity: 'error', params: {}, examples: [] });
  const info: DatasetInfo = {
    datasetId: randomUUID(),
    fileName: raw.fileName,
    bytes: raw.bytes,
    detected: raw.detected,
    options: raw.options,
    rows: raw.rows.length,
    fileRows: raw.totalRows,
    columns,
    preview: { header: raw.header, rows: raw.rows.slice(0, PREVIEW_ROWS) },
    problems,
    sampledOnImport: raw.sampled,
  };
  return { info, cells, typed, missing, source: raw.source };
}

/**
 * The dataset with `rows` (full-width rows drawn from its file) placed before its own rows,
 * read with the columns' current types and formats. Profiles stay those of the import.
 */
export function withRowsBefore(ds: Dataset, rows: string[][]): Dataset {
  const n = rows.length;
  const cells = ds.cells.map((col, j) => {
    const out = new Array<string>(n + col.length);
    for (let r = 0; r < n; r++) out[r] = rows[r][j] ?? '';
    for (let r = 0; r < col.length; r++) out[n + r] = col[r];
    return out;
  });
  const typed = cells.map((col, j): TypedColumn => {
    const { type, format } = ds.info.columns[j];
    const own = ds.typed[j];
    // Numbers: only the new rows need reading. Levels are renumbered by frequency over all rows.
    if (own.kind === 'number') {
      const values = new Float64Array(col.length);
      const fresh = typeColumn(col.slice(0, n), type, format, ds.missing);
      if (fresh.kind === 'number') values.set(fresh.values);
      values.set(own.values, n);
      return { kind: 'number', values };
    }
    return typeColumn(col, type, format, ds.missing);
  });
  return { ...ds, cells, typed, info: { ...ds.info, rows: n + ds.info.rows } };
}

export function applyColumnOverrides(ds: Dataset, overrides: ColumnOverride[]): Dataset {
  const columns = [...ds.info.columns];
  const typed = [...ds.typed];
  for (const o of overrides) {
    const col = columns[o.index];
    if (!col) throw new AppError('data.unknownColumn', { index: o.index });
    let next = { ...col };
    if (o.type !== undefined && o.type !== col.type) {
      const { options } = ds.info;
      const hint = fileDecimalGuess(options);
      const format = formatForType(o.type, ds.cells[o.index], ds.missing, options.dayFirst, col.format, hint);
      const t = typeColumn(ds.cells[o.index], o.type, format, ds.missing);
      typed[o.index] = t;
      next = profileOf(o.index, col.name, col.originalName, ds.cells[o.index], t, {
        type: o.type,
        inferredType: col.inferredType,
        include:
          o.type !== 'identifier' && o.type !== 'text'
            ? col.excludedReason === 'identifier' || col.excludedReason === 'text'
              ? true
              : col.include
            : false,
        excludedReason:
          o.type === 'identifier' || o.type === 'text'
            ? o.type
            : col.excludedReason === 'identifier' || col.excludedReason === 'text'
              ? null
              : col.excludedReason,
        missing: col.missing,
        missingRate: col.missingRate,
        distinct: col.distinct,
        format,
      });
    }
    if (o.include !== undefined) {
      next.include = o.include;
      next.excludedReason = o.include ? null : (next.excludedReason ?? 'user');
    }
    columns[o.index] = next;
  }
  return { ...ds, typed, info: { ...ds.info, columns } };
}

export function datasetRows(ds: Dataset, offset: number, limit: number): RowTable {
  const header = ds.info.columns.map((c) => c.name);
  const end = Math.min(ds.info.rows, offset + limit);
  const rows: string[][] = [];
  for (let r = offset; r < end; r++) rows.push(ds.cells.map((col) => col[r]));
  return { header, rows };
}
