import { type CellValue, cellText } from '../domain/values/cell';
import { type CenterOutcome, type CityPlace, type Consolidation, consolidate } from '../domain/reports/consolidation';
import { formatMonthJa } from '../domain/values/months';
import { readSettings, SETTINGS_SHEET } from '../domain/sheets/settings';
import { MONTHLY_REPORT_KIND, readPayload } from '../domain/reports/submission';
import { newReceipts, readReceipts, type Receipt, RECEIPT_HEADER, receiptRow, RECEIPTS_SHEET, replacedNote } from '../domain/reports/receipts';
import { chunk, currentSubmission } from '../domain/reports/submission-store';
import { type ColumnSpec, type RawSheet, toTable } from '../domain/sheets/table';
import { tidySpaces } from '../domain/values/text';
import { citySheets } from './city-layout';
import type { WorkbookPort } from './port';
import { japanTime } from './japan-time';
import type { CenterRead } from './submission-target';

export const CENTER_LIST_SHEET = 'センター一覧';
/** Where a time-boxed consolidation keeps what it has read so far, so that the next run resumes there. */
export const CITY_WORK_SHEET = '_集計作業';

type CenterKey = 'name' | 'code' | 'source' | 'staff';
/**
 * The city's list of centers. The file column names the center's 提出用ファイル (the sheets prepared before
 * it existed call it スプレッドシート; both are read).
 */
export const CENTER_LIST_COLUMNS: readonly ColumnSpec<CenterKey>[] = [
  { key: 'name', header: 'センター名', synonyms: ['センター', '名称'], required: true },
  { key: 'code', header: 'センターコード', synonyms: ['コード', 'センター番号'] },
  {
    key: 'source',
    header: '提出用ファイル',
    synonyms: ['提出用ファイルのURL', 'スプレッドシート', 'URL', 'スプレッドシートのURL', 'スプレッドシートID', 'ID', 'URLまたはID', 'ファイル'],
    required: true,
  },
  { key: 'staff', header: '担当', synonyms: ['担当者'] },
];

export interface CenterListing {
  readonly name: string;
  /** The center's code as the city lists it; '' when the listing gives none. */
  readonly code: string;
  /** The 提出用ファイル: a spreadsheet URL or id (Sheets), or a file path (CLI). */
  readonly source: string;
  readonly staff: string;
}

const text = (v: CellValue | undefined): string => tidySpaces(cellText(v));

export function readCenterList(raw: RawSheet | undefined): CenterListing[] {
  const table = raw ? toTable(raw, CENTER_LIST_COLUMNS) : undefined;
  if (!table) return [];
  const col = (key: CenterKey): number | undefined => table.columns[key];
  return table.rows
    .map((r) => ({
      name: text(r.values[col('name') ?? -1]),
      code: text(r.values[col('code') ?? -1]),
      source: text(r.values[col('source') ?? -1]),
      staff: text(r.values[col('staff') ?? -1]),
    }))
    .filter((c) => c.name !== '' || c.source !== '');
}

export type { CenterRead } from './submission-target';

/** The payload's center code against the listing's, when the listing gives one: a file handed to the wrong row. */
export function codeMismatch(listing: CenterListing, code: string): string | undefined {
  if (listing.code === '' || listing.code === code) return undefined;
  return `提出データのセンターコード（${code || '空'}）が「センター一覧」のコード（${listing.code}）と違います。別のセンターの提出用ファイルが入っていないか、URL とコードを確かめてください。`;
}

/**
 * A center's status for the month from what was read: the current payload of the month, validated. A
 * payload that differs from one received earlier says so (the receipts are the city's memory of it).
 */
export function outcomeOf(listing: CenterListing, read: CenterRead, month: string, receipts: readonly Receipt[] = []): CenterOutcome {
  if (listing.source === '') return { name: listing.name, status: 'unreadable', reason: '「センター一覧」に提出用ファイルの URL か ID がありません。' };
  if (read.kind === 'unreadable') return { name: listing.name, status: 'unreadable', reason: read.reason };
  const current = currentSubmission(read.stored, MONTHLY_REPORT_KIND, month);
  if (!current) return { name: listing.name, status: 'missing', reason: `${formatMonthJa(month)}の月報がまだ提出されていません。` };
  const payload = readPayload(current.json);
  if (payload.kind === 'bad') return { name: listing.name, status: 'unreadable', reason: payload.reason };
  if (payload.submission.month !== month)
    return { name: listing.name, status: 'unreadable', reason: `提出データの対象月（${payload.submission.month}）が ${month} と違います。` };
  const mismatch = codeMismatch(listing, payload.submission.center.code);
  if (mismatch) return { name: listing.name, status: 'unreadable', reason: mismatch };
  const note = replacedNote(receipts, listing.name, current);
  return { name: listing.name, status: 'submitted', submission: payload.submission, ...(note ? { reason: note } : {}) };
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
    const json = v
      .slice(6, 6 + (Number.isInteger(count) ? count : 0))
      .map(text)
      .join('');
    const payload = json ? readPayload(json) : undefined;
    const reason = text(v[4]) ? { reason: text(v[4]) } : {};
    outcomes.push(payload?.kind === 'ok' ? { name, status, submission: payload.submission, ...reason } : { name, status, ...reason });
  }
  return outcomes;
}

/** A center's file as read, or why it could not be: one unreachable center is reported and the rest goes on. */
export function readCenterSafely(listing: CenterListing, readCenter: (listing: CenterListing) => CenterRead): CenterRead {
  try {
    return readCenter(listing);
  } catch (error) {
    return { kind: 'unreadable', reason: `読み込み中に失敗しました（${String((error as { message?: unknown }).message ?? error).slice(0, 120)}）。` };
  }
}

/**
 * The receipt for the payload an outcome used (the current one of `kind` and `period`), unless that very
 * payload is on record already: the city's 「各センターの月報を集計…」, 「事業評価を集計…」 and the CLI keep
 * `_受領記録` the same way.
 */
export function receiptOfUse(
  onRecord: readonly Receipt[],
  center: string,
  outcome: { readonly status: string },
  read: CenterRead,
  kind: string,
  period: string,
  now: Date,
): Receipt[] {
  const used = outcome.status === 'submitted' && read.kind === 'ok' ? currentSubmission(read.stored, kind, period) : undefined;
  return used ? newReceipts(onRecord, center, [used], japanTime(now)) : [];
}

/** What a run reads each center with, and when. */
export interface ReceiveOptions {
  readonly month: string;
  readonly readCenter: (listing: CenterListing) => CenterRead;
  /** When the payloads are received, for the city's `_受領記録`. */
  readonly now: Date;
}

/**
 * Reads the listed centers from the first one not in `outcomes` yet (pushing each outcome there) until all
 * are read or `shouldStop` says so, after at least one. Returns the receipts of the payloads used.
 */
function receiveCenters(
  list: readonly CenterListing[],
  outcomes: CenterOutcome[],
  receipts: readonly Receipt[],
  opts: ReceiveOptions,
  shouldStop: () => boolean = () => false,
): Receipt[] {
  const received: Receipt[] = [];
  const before = outcomes.length;
  while (outcomes.length < list.length && !(outcomes.length > before && shouldStop())) {
    const listing = list[outcomes.length] as CenterListing;
    const read: CenterRead = listing.source === '' ? { kind: 'ok', stored: [] } : readCenterSafely(listing, opts.readCenter);
    const outcome = outcomeOf(listing, read, opts.month, receipts);
    outcomes.push(outcome);
    // Every payload the city used is kept in its own record, whatever the center does with its file later.
    received.push(...receiptOfUse([...receipts, ...received], listing.name, outcome, read, MONTHLY_REPORT_KIND, opts.month, opts.now));
  }
  return received;
}

/** Where the city stands, from its 設定: 市区町村名 (its own group first), 所在の順 and 集中の警告しきい値. */
export function cityPlaceOf(port: WorkbookPort): CityPlace {
  const { settings } = readSettings(port.readSheet(SETTINGS_SHEET), port.name);
  return { municipality: settings.municipality, municipalityOrder: settings.municipalityOrder, threshold: settings.concentrationThreshold };
}

/** The month's consolidation of what was read, drawn as the city's four sheets, each replaced atomically. */
function publishConsolidation(port: WorkbookPort, month: string, since: string, outcomes: readonly CenterOutcome[], place: CityPlace): Consolidation {
  const consolidation = consolidate(month, since, outcomes, place);
  for (const sheet of citySheets(consolidation)) port.replaceSheet(sheet);
  return consolidation;
}

export interface CityRunOptions extends ReceiveOptions {
  readonly since?: string;
  /** Asked before each center: true when this run must stop (the time box), to resume in the next run. */
  readonly shouldStop: () => boolean;
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
  const receipts = readReceipts(port.readSheet(RECEIPTS_SHEET)?.rows.map((r) => r.values) ?? []);
  const received = receiveCenters(list, outcomes, receipts, opts, opts.shouldStop);
  port.appendRows(RECEIPTS_SHEET, RECEIPT_HEADER, received.map(receiptRow));
  if (outcomes.length < list.length) {
    port.replaceSheet({ name: CITY_WORK_SHEET, blocks: [{ row: 1, column: 1, values: workRows(opts.month, since, outcomes) }], hidden: true });
    return { kind: 'paused', done: outcomes.length, total: list.length };
  }
  const consolidation = publishConsolidation(port, opts.month, since, outcomes, cityPlaceOf(port));
  // The work is done: the next click starts afresh.
  port.replaceSheet({ name: CITY_WORK_SHEET, blocks: [{ row: 1, column: 1, values: workRows(opts.month, since, []) }], hidden: true });
  return { kind: 'done', consolidation };
}

export interface ListedRunOptions extends ReceiveOptions {
  readonly since?: string;
  /** The place to use, given the one in 設定 and what was read (the CLI's --city and --order). Default: 設定's. */
  readonly place?: (fromSettings: CityPlace, outcomes: readonly CenterOutcome[]) => CityPlace;
}

/**
 * The same consolidation in one go over centers the caller lists (the local runner's files): every center
 * read, the four sheets and the receipts of the payloads used written to the port. Nothing to resume.
 */
export function consolidateListed(port: WorkbookPort, list: readonly CenterListing[], opts: ListedRunOptions): Consolidation {
  const since = opts.since ?? opts.month;
  const receipts = readReceipts(port.readSheet(RECEIPTS_SHEET)?.rows.map((r) => r.values) ?? []);
  const outcomes: CenterOutcome[] = [];
  const received = receiveCenters(list, outcomes, receipts, opts);
  const fromSettings = cityPlaceOf(port);
  const consolidation = publishConsolidation(port, opts.month, since, outcomes, opts.place ? opts.place(fromSettings, outcomes) : fromSettings);
  port.appendRows(RECEIPTS_SHEET, RECEIPT_HEADER, received.map(receiptRow));
  return consolidation;
}
