import { type CellValue, cellText } from '../domain/cell';
import { type CenterOutcome, type Consolidation, consolidate } from '../domain/consolidation';
import { formatMonthJa } from '../domain/months';
import { readSettings, SETTINGS_SHEET } from '../domain/settings';
import { MONTHLY_REPORT_KIND, readPayload } from '../domain/submission';
import { chunk, currentSubmission, type StoredSubmission } from '../domain/submission-store';
import { type ColumnSpec, type RawSheet, toTable } from '../domain/table';
import { tidySpaces } from '../domain/text';
import { citySheets } from './city-layout';
import type { WorkbookPort } from './port';

export const CENTER_LIST_SHEET = 'センター一覧';
/** Where a time-boxed consolidation keeps what it has read so far, so that the next run resumes there. */
export const CITY_WORK_SHEET = '_集計作業';

type CenterKey = 'name' | 'source' | 'staff';
export const CENTER_LIST_COLUMNS: readonly ColumnSpec<CenterKey>[] = [
  { key: 'name', header: 'センター名', synonyms: ['センター', '名称'], required: true },
  { key: 'source', header: 'スプレッドシート', synonyms: ['URL', 'スプレッドシートのURL', 'スプレッドシートID', 'ID', 'URLまたはID', 'ファイル'], required: true },
  { key: 'staff', header: '担当', synonyms: ['担当者'] },
];

export interface CenterListing {
  readonly name: string;
  /** A spreadsheet URL or id (Sheets), or a file path (CLI). */
  readonly source: string;
  readonly staff: string;
}

const text = (v: CellValue | undefined): string => tidySpaces(cellText(v));

export function readCenterList(raw: RawSheet | undefined): CenterListing[] {
  const table = raw ? toTable(raw, CENTER_LIST_COLUMNS) : undefined;
  if (!table) return [];
  const col = (key: CenterKey): number | undefined => table.columns[key];
  return table.rows
    .map((r) => ({ name: text(r.values[col('name') ?? -1]), source: text(r.values[col('source') ?? -1]), staff: text(r.values[col('staff') ?? -1]) }))
    .filter((c) => c.name !== '' || c.source !== '');
}

/** What reading one center gave: its `_提出データ`, or why it could not be read. */
export type CenterRead = { readonly kind: 'ok'; readonly stored: readonly StoredSubmission[] } | { readonly kind: 'unreadable'; readonly reason: string };

/** A center's status for the month from what was read: the current payload of the month, validated. */
export function outcomeOf(listing: CenterListing, read: CenterRead, month: string): CenterOutcome {
  if (listing.source === '') return { name: listing.name, status: 'unreadable', reason: '「センター一覧」にスプレッドシートの URL か ID がありません。' };
  if (read.kind === 'unreadable') return { name: listing.name, status: 'unreadable', reason: read.reason };
  const current = currentSubmission(read.stored, MONTHLY_REPORT_KIND, month);
  if (!current) return { name: listing.name, status: 'missing', reason: `${formatMonthJa(month)}の月報がまだ提出されていません。` };
  const payload = readPayload(current.json);
  if (payload.kind === 'bad') return { name: listing.name, status: 'unreadable', reason: payload.reason };
  if (payload.submission.month !== month) return { name: listing.name, status: 'unreadable', reason: `提出データの対象月（${payload.submission.month}）が ${month} と違います。` };
  return { name: listing.name, status: 'submitted', submission: payload.submission };
}

/** One row of the work sheet per center read so far: its outcome, with the payload split like _提出データ. */
function workRows(month: string, since: string, outcomes: readonly CenterOutcome[]): CellValue[][] {
  return [
    ['対象月', '期間の開始', 'センター', '状態', '理由', '本文の数', '本文'],
    ...outcomes.map((o): CellValue[] => {
      const parts = o.submission ? chunk(JSON.stringify(o.submission)) : [];
      return [month, since, o.name, o.status, o.reason ?? '', parts.length, ...parts];
    }),
  ];
}

function readWork(raw: RawSheet | undefined, month: string, since: string, list: readonly CenterListing[]): CenterOutcome[] {
  const outcomes: CenterOutcome[] = [];
  for (const row of raw?.rows.slice(1) ?? []) {
    const v = row.values;
    if (text(v[0]) !== month || text(v[1]) !== since) return [];
    const name = text(v[2]);
    // The list was edited since the last run: start again rather than mix two lists.
    if (list[outcomes.length]?.name !== name) return [];
    const status = text(v[3]) as CenterOutcome['status'];
    const count = Number(v[5]);
    const json = v.slice(6, 6 + (Number.isInteger(count) ? count : 0)).map(text).join('');
    const payload = json ? readPayload(json) : undefined;
    outcomes.push(payload?.kind === 'ok' ? { name, status, submission: payload.submission } : { name, status, ...(text(v[4]) ? { reason: text(v[4]) } : {}) });
  }
  return outcomes;
}

export interface CityRunOptions {
  readonly month: string;
  readonly since?: string;
  /** Asked before each center: true when this run must stop (the time box), to resume in the next run. */
  readonly shouldStop: () => boolean;
  readonly readCenter: (listing: CenterListing) => CenterRead;
}

export type CityRunResult =
  | { readonly kind: 'done'; readonly consolidation: Consolidation }
  | { readonly kind: 'paused'; readonly done: number; readonly total: number }
  | { readonly kind: 'no-centers' };

/**
 * 「各センターの月報を集計…」 over one port: reads each listed center's `_提出データ` (never 相談記録),
 * stops when told to and records how far it got, and when every center is read builds the four sheets,
 * each replaced atomically. A resumed run gives the same result as one uninterrupted run.
 */
export function runConsolidation(port: WorkbookPort, opts: CityRunOptions): CityRunResult {
  const since = opts.since ?? opts.month;
  const list = readCenterList(port.readSheet(CENTER_LIST_SHEET));
  if (list.length === 0) return { kind: 'no-centers' };
  const outcomes = readWork(port.readSheet(CITY_WORK_SHEET), opts.month, since, list);
  const before = outcomes.length;
  while (outcomes.length < list.length && !(outcomes.length > before && opts.shouldStop())) {
    const listing = list[outcomes.length] as CenterListing;
    let read: CenterRead;
    try {
      read = listing.source === '' ? { kind: 'ok', stored: [] } : opts.readCenter(listing);
    } catch (error) {
      // One unreachable center is reported and the rest goes on.
      read = { kind: 'unreadable', reason: `読み込み中に失敗しました（${String((error as { message?: unknown }).message ?? error).slice(0, 120)}）。` };
    }
    outcomes.push(outcomeOf(listing, read, opts.month));
  }
  if (outcomes.length < list.length) {
    port.replaceSheet({ name: CITY_WORK_SHEET, blocks: [{ row: 1, column: 1, values: workRows(opts.month, since, outcomes) }], hidden: true });
    return { kind: 'paused', done: outcomes.length, total: list.length };
  }
  const { settings } = readSettings(port.readSheet(SETTINGS_SHEET), port.name);
  const consolidation = consolidate(opts.month, since, outcomes, {
    municipality: settings.municipality,
    municipalityOrder: settings.municipalityOrder,
    threshold: settings.concentrationThreshold,
  });
  for (const sheet of citySheets(consolidation)) port.replaceSheet(sheet);
  // The work is done: the next click starts afresh.
  port.replaceSheet({ name: CITY_WORK_SHEET, blocks: [{ row: 1, column: 1, values: workRows(opts.month, since, []) }], hidden: true });
  return { kind: 'done', consolidation };
}
