/**
 * Rows generated from a project's model: the app's seeded stream (chunks sampled on the engine
 * thread, decoded here in one pass, so a preview is the start of the export for the same seed),
 * without the columns the current choices leave out, and notes saying so, what changed since
 * the model was trained (the rows are generated as it was trained) and which columns show rare
 * values as "(other)".
 */
import type { RowTable } from '../../../shared/domain/data.js';
import type { ColumnChoice, GenerationNotes } from '../../../shared/domain/project.js';
import type { EncodedData } from '../../base/encoded-rows.js';
import type { RuleSet } from '../../../shared/domain/rules.js';
import { isModelled, rareValueSummary, type EncodingSpec } from '../../data/index.js';
import { chunkSeed, decodeSample, joinChunks, STREAM_CHUNK_ROWS, streamChunks } from '../../synthesizer/index.js';
import { omittedColumns, staleness } from './lineage.js';
import type { ModelEntry, Project } from './project.js';

export type SampleChunk = (rows: number, seed: number) => Promise<EncodedData>;

/** The first `rows` rows of the stream of `seed`. */
export async function streamFromEngine(
  sample: SampleChunk,
  encoding: EncodingSpec,
  rows: number,
  seed: number,
  rules?: RuleSet,
  fixed?: ReadonlySet<string>,
): Promise<RowTable> {
  const chunks: EncodedData[] = [];
  for (let i = 0; i < streamChunks(rows); i++) chunks.push(await sample(STREAM_CHUNK_ROWS, chunkSeed(seed, i)));
  return decodeSample(encoding, joinChunks(chunks, rows), seed, rules, fixed);
}

/** Whether the model generates values for a column (rather than fresh identifiers, a constant or nothing). */
export function modelledBy(encoding: EncodingSpec): (name: string) => boolean {
  const modelled = new Set(encoding.columns.filter(isModelled).map((c) => c.name));
  return (name) => modelled.has(name);
}

/** The columns rows generated with `encoding` leave out under the column choices `columns`. */
export function omittedFor(encoding: EncodingSpec, columns: ColumnChoice[]): string[] {
  return omittedColumns(encoding.header, modelledBy(encoding), columns);
}

/** The columns of the rows (those not left out) whose rare values `encoding` grouped as "(other)"; null: none. */
export function groupedFor(encoding: EncodingSpec, omitted: readonly string[]): GenerationNotes['grouped'] {
  const rare = rareValueSummary(encoding);
  const columns = rare.columns.filter((c) => !omitted.includes(c.name)).map(({ name, values }) => ({ name, values }));
  return rare.rareMin !== null && rare.rareMin > 1 && columns.length > 0 ? { below: rare.rareMin, columns } : null;
}

export function generationNotes(project: Project, entry: ModelEntry): GenerationNotes {
  const now = project.choices();
  const omitted = omittedFor(entry.encoding, now.columns);
  return { omitted, stale: staleness(entry.record.lineage, now), grouped: groupedFor(entry.encoding, omitted) };
}

/**
 * The selected model's stream, as the preview and the export read it: its chunks sampled on
 * the engine thread, its encoding, the columns left out now, and the notes saying so.
 */
export function selectedSource(
  project: Project,
  engine: { sample(runId: string, rows: number, seed: number): Promise<EncodedData> },
) {
  const entry = project.selectedModel();
  const notes = generationNotes(project, entry);
  const sample: SampleChunk = (rows, seed) => engine.sample(entry.record.id, rows, seed);
  return { entry, notes, sample, encoding: entry.encoding, rules: entry.rules, omit: notes.omitted };
}

/** The table without the named columns. */
export function withoutColumns(table: RowTable, omit: readonly string[]): RowTable {
  if (omit.length === 0) return table;
  const keep = table.header.map((name, i) => (omit.includes(name) ? -1 : i)).filter((i) => i >= 0);
  return { header: keep.map((i) => table.header[i]), rows: table.rows.map((row) => keep.map((i) => row[i])) };
}
