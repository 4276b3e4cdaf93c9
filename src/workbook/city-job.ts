import { type CellValue, cellText } from '../domain/values/cell';
import { type CenterOutcome, type CenterStatus, type CityPlace, type Consolidation, consolidate } from '../domain/reports/consolidation';
import { formatMonthJa } from '../domain/values/months';
import { readSettings, SETTINGS_SHEET } from '../domain/sheets/settings';
import type { PayloadReading } from '../domain/reports/payload';
import { MONTHLY_REPORT_KIND, readPayload } from '../domain/reports/submission';
import { newReceipts, readReceipts, type Receipt, RECEIPT_HEADER, receiptRow, RECEIPTS_SHEET, replacedNote, unrecorded } from '../domain/reports/receipts';
import { chunk, currentSubmission, type StoredSubmission } from '../domain/reports/submission-store';
import { type ColumnSpec, type RawSheet, toTable } from '../domain/sheets/table';
import { tidySpaces } from '../domain/values/text';
import { citySheets } from './city-layout';
import type { WorkbookPort } from './port';
import { japanTimeText } from '../domain/values/times';
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

/** What every job says of a center, whatever it reads (CenterOutcome, EvaluationOutcome). */
export interface JobOutcome {
  readonly name: string;
  readonly status: CenterStatus;
  readonly reason?: string;
}

/**
 * One of the city's jobs that read every listed center once (月報の集計, 事業評価の集計), spread over as many
 * executions as it takes: what it reads from `_提出データ`, how a center is judged, and how a judgement kept
 * between executions is read back.
 */
export interface CenterJob<O extends JobOutcome> {
  /** The hidden sheet that keeps what was read so far: one row per center, written as soon as it is read. */
  readonly workSheet: string;
  /** The payload kind read ('monthly-report', 'evaluation'). */
  readonly kind: string;
  /** The month or 年度 read. A kept row for another period (or another `since`) is a job no longer asked for. */
  readonly period: string;
  /** The start of the 新規委託 period; '' for a job without one. */
  readonly since: string;
  readonly outcomeOf: (listing: CenterListing, read: CenterRead, receipts: readonly Receipt[]) => O;
  /** The outcome a kept row stands for, its payload (as read) checked again; undefined when it no longer reads. */
  readonly restore: (kept: JobOutcome, json: string) => O | undefined;
}

/** A kept outcome with its payload read again: a submitted one stands only with a payload that still reads. */
export function restoredOutcome<S>(
  kept: JobOutcome,
  json: string,
  read: (json: string) => PayloadReading<S>,
): (JobOutcome & { readonly submission?: S }) | undefined {
  if (kept.status !== 'submitted') return kept;
  const payload = read(json);
  return payload.kind === 'ok' ? { ...kept, submission: payload.submission } : undefined;
}

/** The payload an outcome used, as read from the center's `_提出データ`. */
type UsedPayload = Pick<StoredSubmission, 'json' | 'submittedAt' | 'fingerprint'>;

/** One center read: its outcome, the payload it used, and that payload's receipt when the city had not received it. */
interface CenterResult<O> {
  readonly outcome: O;
  readonly used?: UsedPayload;
  readonly receipt?: Receipt;
}

const NO_SOURCE = `「${CENTER_LIST_SHEET}」に提出用ファイルの URL か ID がありません。`;

/**
 * Cells a work row keeps a payload in: 40 × 30,000 characters, far more than any center's payload. The hidden work
 * sheet is for machines, not people: its 受領日時 and 提出日時 are kept exactly as they go into `_受領記録` and as the
 * center's `_提出データ` gave them, and `_受領記録` shows them to people (receiptRow).
 */
const WORK_PAYLOAD_CELLS = 40;
const WORK_HEADER: readonly string[] = [
  '対象',
  '期間の開始',
  'センター',
  '状態',
  '理由',
  '受領日時',
  '提出日時',
  '指紋',
  '本文の数',
  ...Array.from({ length: WORK_PAYLOAD_CELLS }, (_, i) => `本文${i + 1}`),
];
const PAYLOAD_AT = WORK_HEADER.indexOf('本文1');

function workRow<O extends JobOutcome>(job: CenterJob<O>, r: CenterResult<O>): CellValue[] {
  const parts = r.used ? chunk(r.used.json) : [];
  const { name, status, reason } = r.outcome;
  return [
    job.period,
    job.since,
    name,
    status,
    reason ?? '',
    r.receipt?.receivedAt ?? '',
    r.used?.submittedAt ?? '',
    r.used?.fingerprint ?? '',
    parts.length,
    ...parts,
  ];
}

/** A kept row back as the result it was, or undefined when it is not one of this job for this listing. */
function restoreRow<O extends JobOutcome>(job: CenterJob<O>, v: readonly CellValue[], listing: CenterListing): CenterResult<O> | undefined {
  if (text(v[0]) !== job.period || text(v[1]) !== job.since || text(v[2]) !== listing.name) return undefined;
  const count = Number(v[PAYLOAD_AT - 1]);
  // The payload exactly as kept (no tidying: its fingerprint is checked again).
  const json = v
    .slice(PAYLOAD_AT, PAYLOAD_AT + (Number.isInteger(count) ? count : 0))
    .map(cellText)
    .join('');
  const reason = text(v[4]);
  const outcome = job.restore({ name: listing.name, status: text(v[3]) as CenterStatus, ...(reason ? { reason } : {}) }, json);
  if (!outcome) return undefined;
  if (json === '') return { outcome };
  const used: UsedPayload = { json, submittedAt: cellText(v[6]), fingerprint: cellText(v[7]) };
  const receivedAt = text(v[5]);
  return { outcome, used, ...(receivedAt ? { receipt: { center: listing.name, kind: job.kind, period: job.period, ...used, receivedAt } } : {}) };
}

/** Starts the job's work sheet afresh: its header only, hidden, as wide as a row may be. */
function startWork(port: WorkbookPort, workSheet: string): void {
  port.replaceSheet({ name: workSheet, blocks: [{ row: 1, column: 1, values: [[...WORK_HEADER]] }], hidden: true });
}

/**
 * What earlier runs of this job read, in list order, and whether the work sheet must be started afresh before
 * anything is added to it: it is missing, or holds anything else (another month, a list edited since, a row
 * that no longer reads, an older layout), which means starting again, so that two lists never mix.
 */
function keptResults<O extends JobOutcome>(
  port: WorkbookPort,
  job: CenterJob<O>,
  list: readonly CenterListing[],
): { readonly results: CenterResult<O>[]; readonly fresh: boolean } {
  const rows = (port.readSheet(job.workSheet)?.rows ?? []).map((r) => r.values).filter((v) => v.some((c) => cellText(c) !== ''));
  const [header, ...kept] = rows;
  const results: CenterResult<O>[] = [];
  const sameLayout = header !== undefined && WORK_HEADER.every((h, i) => text(header[i]) === h);
  for (const v of sameLayout ? kept : []) {
    const listing = list[results.length];
    const result = listing ? restoreRow(job, v, listing) : undefined;
    if (!result) break;
    results.push(result);
  }
  return sameLayout && results.length === kept.length ? { results, fresh: false } : { results: [], fresh: true };
}

/** A center's file as read, or why it could not be: one unreachable center is reported and the rest goes on. */
export function readCenterSafely(listing: CenterListing, readCenter: (listing: CenterListing) => CenterRead): CenterRead {
  try {
    return readCenter(listing);
  } catch (error) {
    return { kind: 'unreadable', reason: `読み込み中に失敗しました（${String((error as { message?: unknown }).message ?? error).slice(0, 120)}）。` };
  }
}

/** What a run reads each center with, and when. */
export interface ReadOptions {
  readonly readCenter: (listing: CenterListing) => CenterRead;
  /** When the payloads are received, for the city's `_受領記録`. */
  readonly now: Date;
}

/** One center read and judged; its receipt when the payload it used is not on record (`onRecord`) yet. */
function readForJob<O extends JobOutcome>(job: CenterJob<O>, listing: CenterListing, onRecord: readonly Receipt[], opts: ReadOptions): CenterResult<O> {
  const read: CenterRead = listing.source === '' ? { kind: 'unreadable', reason: NO_SOURCE } : readCenterSafely(listing, opts.readCenter);
  const outcome = job.outcomeOf(listing, read, onRecord);
  const used = outcome.status === 'submitted' && read.kind === 'ok' ? currentSubmission(read.stored, job.kind, job.period) : undefined;
  // Every payload the city used is kept in its own record, whatever the center does with its file later.
  const [receipt] = used ? newReceipts(onRecord, listing.name, [used], japanTimeText(opts.now)) : [];
  return { outcome, ...(used ? { used } : {}), ...(receipt ? { receipt } : {}) };
}

const receiptsOf = <O>(results: readonly CenterResult<O>[]): Receipt[] => results.flatMap((r) => (r.receipt ? [r.receipt] : []));

/**
 * Reads the listed centers from the first one not in `results` yet, handing each result to `keep` before the
 * next is read, until all are read or `shouldStop` says so (after at least one, so every run gets further).
 */
function readOnward<O extends JobOutcome>(
  job: CenterJob<O>,
  list: readonly CenterListing[],
  results: CenterResult<O>[],
  onRecord: readonly Receipt[],
  opts: ReadOptions,
  keep: (result: CenterResult<O>) => void = () => undefined,
  shouldStop: () => boolean = () => false,
): void {
  const before = results.length;
  while (results.length < list.length && !(results.length > before && shouldStop())) {
    const listing = list[results.length] as CenterListing;
    const result = readForJob(job, listing, [...onRecord, ...receiptsOf(results)], opts);
    keep(result);
    results.push(result);
  }
}

const receiptsOnRecord = (port: WorkbookPort): Receipt[] => readReceipts(port.readSheet(RECEIPTS_SHEET)?.rows.map((r) => r.values) ?? []);

export interface ResumableOptions extends ReadOptions {
  /** Asked before each center and before drawing: true when this run must stop (the time box), to resume in the next. */
  readonly shouldStop: () => boolean;
}

export type JobRun<R> =
  { readonly kind: 'done'; readonly result: R } | { readonly kind: 'paused'; readonly done: number; readonly total: number } | { readonly kind: 'no-centers' };

/**
 * Runs a job one execution's worth: reads on from where earlier runs stopped, keeping each center in the work
 * sheet as soon as it is read (a run ended by Apps Script's time limit loses only the center it was reading), and
 * when every center is read and there is time left, draws the result (`publish`), records the
 * receipts of the payloads used and empties the work sheet. The result is the same as one uninterrupted run's.
 */
export function runCenterJob<O extends JobOutcome, R>(
  port: WorkbookPort,
  job: CenterJob<O>,
  opts: ResumableOptions,
  publish: (outcomes: readonly O[]) => R,
): JobRun<R> {
  const list = readCenterList(port.readSheet(CENTER_LIST_SHEET));
  if (list.length === 0) return { kind: 'no-centers' };
  const kept = keptResults(port, job, list);
  const { results } = kept;
  if (kept.fresh) startWork(port, job.workSheet);
  // Below the header and the rows kept by earlier runs.
  let nextRow = 2 + results.length;
  const onRecord = receiptsOnRecord(port);
  const before = results.length;
  // Each center is kept as soon as it is read (one write): a run Apps Script ends at its limit loses only the
  // center it was reading, and no center is read twice.
  const keep = (r: CenterResult<O>): void => {
    port.writeOwnRows(job.workSheet, nextRow, [workRow(job, r)]);
    nextRow++;
  };
  readOnward(job, list, results, onRecord, opts, keep, opts.shouldStop);
  // Drawing needs time of its own: a run whose reading used up its time leaves it to the next.
  if (results.length < list.length || (results.length > before && opts.shouldStop())) {
    return { kind: 'paused', done: results.length, total: list.length };
  }
  const result = publish(results.map((r) => r.outcome));
  port.appendRows(RECEIPTS_SHEET, RECEIPT_HEADER, unrecorded(onRecord, receiptsOf(results)).map(receiptRow));
  // The work is done: the next run starts afresh.
  startWork(port, job.workSheet);
  return { kind: 'done', result };
}

/** 「各センターの月報を集計…」: the month's `_提出データ` payload of each center. */
export function consolidationJob(month: string, since: string): CenterJob<CenterOutcome> {
  return {
    workSheet: CITY_WORK_SHEET,
    kind: MONTHLY_REPORT_KIND,
    period: month,
    since,
    outcomeOf: (listing, read, receipts) => outcomeOf(listing, read, month, receipts),
    restore: (kept, json) => restoredOutcome(kept, json, readPayload),
  };
}

/** Where the city stands, from its 設定: 市区町村名 (its own group first), 所在の順 and 集中の警告しきい値. */
export function cityPlaceOf(port: WorkbookPort): CityPlace {
  const { settings } = readSettings(port.readSheet(SETTINGS_SHEET), () => port.name);
  return { municipality: settings.municipality, municipalityOrder: settings.municipalityOrder, threshold: settings.concentrationThreshold };
}

/** The month's consolidation of what was read, drawn as the city's four sheets, each replaced atomically. */
function publishConsolidation(port: WorkbookPort, month: string, since: string, outcomes: readonly CenterOutcome[], place: CityPlace): Consolidation {
  const consolidation = consolidate(month, since, outcomes, place);
  for (const sheet of citySheets(consolidation)) port.replaceSheet(sheet);
  return consolidation;
}

/** What a run reads each center with, and when. */
export interface ReceiveOptions extends ReadOptions {
  readonly month: string;
}

export interface CityRunOptions extends ReceiveOptions, ResumableOptions {
  readonly since?: string;
}

export type CityRunResult =
  | { readonly kind: 'done'; readonly consolidation: Consolidation }
  | { readonly kind: 'paused'; readonly done: number; readonly total: number }
  | { readonly kind: 'no-centers' };

/**
 * 「各センターの月報を集計…」 over one port: reads each listed center's `_提出データ` (never 相談記録),
 * resumably (runCenterJob), and when every center is read builds the four sheets, each replaced atomically.
 */
export function runConsolidation(port: WorkbookPort, opts: CityRunOptions): CityRunResult {
  const since = opts.since ?? opts.month;
  const run = runCenterJob(port, consolidationJob(opts.month, since), opts, (outcomes) =>
    publishConsolidation(port, opts.month, since, outcomes, cityPlaceOf(port)),
  );
  return run.kind === 'done' ? { kind: 'done', consolidation: run.result } : run;
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
  const onRecord = receiptsOnRecord(port);
  const results: CenterResult<CenterOutcome>[] = [];
  readOnward(consolidationJob(opts.month, since), list, results, onRecord, opts);
  const outcomes = results.map((r) => r.outcome);
  const fromSettings = cityPlaceOf(port);
  const consolidation = publishConsolidation(port, opts.month, since, outcomes, opts.place ? opts.place(fromSettings, outcomes) : fromSettings);
  port.appendRows(RECEIPTS_SHEET, RECEIPT_HEADER, receiptsOf(results).map(receiptRow));
  return consolidation;
}
