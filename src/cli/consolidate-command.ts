import type * as ExcelJS from 'exceljs';
import { existsSync } from 'node:fs';
import { basename, extname } from 'node:path';
import { CENTER_STATUS_JA, type Consolidation, consolidationDocument } from '../domain/reports/consolidation';
import { isValidYearMonth } from '../domain/values/months';
import { MONTHLY_REPORT_KIND } from '../domain/reports/submission';
import { SUBMISSION_FILE_PREFIX } from '../domain/reports/submission-file';
import { CURRENT, currentSubmission, type StoredSubmission } from '../domain/reports/submission-store';
import { type CenterListing, consolidateListed } from '../workbook/city-job';
import { type CenterRead, readSubmissionStore } from '../workbook/submission-target';
import { saveXlsx } from './xlsx-save';
import { loadExcelJS, openXlsx, UnreadableFileError, xlsxPort } from './xlsx-port';
import { openXlsxReader } from './xlsx-read';

export interface ConsolidateOptions {
  readonly month: string;
  readonly since?: string;
  readonly output?: string;
  /** The city itself (its group comes first); default: OUT's 設定 (市区町村名), else the 市区町村名 most centers give. */
  readonly city?: string;
  /** The order of the other 所在 groups; default: OUT's 設定 (所在の順). */
  readonly order?: readonly string[];
  /** When the payloads are received, for `_受領記録`. */
  readonly now?: Date;
}

/**
 * A center's name from its file, used only when no payload in it gives one: `提出用_本庄西.xlsx` is 本庄西
 * (so is `本庄西_月報_2021-02.xlsx`, the name the runner gave its files before).
 */
export function centerNameOf(file: string): string {
  const name = basename(file, extname(file))
    .replace(/_月報_\d{4}-\d{2}$/, '')
    .replace(new RegExp(`^${SUBMISSION_FILE_PREFIX}`), '');
  return name || basename(file);
}

/** `center.name` of a payload's JSON, or '' when it has none (or is not JSON at all). */
function nameInPayload(json: string): string {
  try {
    const name = (JSON.parse(json) as { center?: { name?: unknown } } | null)?.center?.name;
    return typeof name === 'string' ? name.trim() : '';
  } catch {
    return '';
  }
}

/**
 * Who a 提出用 workbook is from: the name in its payloads (the one for `kind` and `period` first, then the
 * latest ones), whatever the file was renamed to; the file's name only when no payload gives one.
 */
export function centerNameIn(file: string, read: CenterRead, kind: string, period: string): string {
  if (read.kind === 'ok') {
    const wanted = currentSubmission(read.stored, kind, period);
    const order: StoredSubmission[] = [...(wanted ? [wanted] : []), ...read.stored.filter((s) => s.status === CURRENT), ...read.stored];
    for (const s of order) {
      const name = nameInPayload(s.json);
      if (name) return name;
    }
  }
  return centerNameOf(file);
}

/**
 * Reads one file as the city does: it must be a 提出用 workbook. A file with any other sheet (a center's own
 * workbook with 相談記録) is refused before anything in it is read, and so is a file that cannot be opened
 * (or whose `_提出データ` cannot be read: the fast reader reads a sheet only when it is asked for).
 */
export async function readSubmissionFile(file: string): Promise<CenterRead> {
  try {
    return readSubmissionStore(await openXlsxReader(file));
  } catch (error) {
    if (error instanceof UnreadableFileError) return { kind: 'unreadable', reason: error.message };
    throw error;
  }
}

function mostCommon(values: readonly string[]): string {
  const counts = new Map<string, number>();
  for (const v of values) if (v) counts.set(v, (counts.get(v) ?? 0) + 1);
  return [...counts].sort((a, b) => b[1] - a[1])[0]?.[0] ?? '';
}

/** The city's workbook to write into: the existing OUT (its earlier months, `_受領記録` and 設定 kept) or a new one. */
async function cityWorkbook(output: string): Promise<ExcelJS.Workbook> {
  if (existsSync(output)) return (await openXlsx(output)).workbook;
  const workbook = new (loadExcelJS().Workbook)();
  workbook.creator = '包括支援シート';
  return workbook;
}

/**
 * `houkatsu consolidate`: the city's consolidation of the centers' 提出用 workbooks, each read through its
 * `_提出データ` only — the add-on's job over the city's OUT (or, without OUT, over a workbook in memory): its
 * 設定 gives the 集中の警告しきい値 as in the city's spreadsheet, and --city / --order the place. With OUT, the
 * city's sheets for the month and a `_受領記録` row for every payload used.
 */
export async function consolidateFiles(
  files: readonly string[],
  options: ConsolidateOptions,
): Promise<{ consolidation: Consolidation; document: Record<string, unknown>; output?: string }> {
  for (const m of [options.month, options.since]) {
    if (m !== undefined && !isValidYearMonth(m)) throw new RangeError(`月は YYYY-MM の形で指定してください（例: 2021-02）。「${m}」は読めません。`);
  }
  // The city's OUT is opened first: an OUT that cannot be read stops the run before anything is counted.
  const workbook = options.output ? await cityWorkbook(options.output) : new (loadExcelJS().Workbook)();
  const port = xlsxPort(workbook, options.output ? basename(options.output) : '');
  const reads = new Map<string, CenterRead>();
  for (const file of files) reads.set(file, await readSubmissionFile(file));
  const listings = files.map((file): CenterListing => ({
    name: centerNameIn(file, reads.get(file) as CenterRead, MONTHLY_REPORT_KIND, options.month),
    code: '',
    source: file,
    staff: '',
  }));
  const consolidation = consolidateListed(port, listings, {
    month: options.month,
    since: options.since,
    now: options.now ?? new Date(),
    readCenter: (listing) => reads.get(listing.source) as CenterRead,
    place: (fromSettings, outcomes) => ({
      ...fromSettings,
      municipality: options.city ?? (fromSettings.municipality || mostCommon(outcomes.map((o) => o.submission?.center.municipality ?? ''))),
      municipalityOrder: options.order ?? fromSettings.municipalityOrder,
    }),
  });
  if (options.output) await saveXlsx(workbook, options.output);
  return { consolidation, document: consolidationDocument(consolidation), output: options.output };
}

export function formatConsolidation(c: Consolidation, output?: string): string {
  const status = CENTER_STATUS_JA;
  return [
    `${c.month} の集計（新規委託は ${c.since} から）`,
    ...c.centers.map((x) => `  ${x.name}: ${status[x.status]}${x.reason ? `（${x.reason}）` : ''}`),
    `  委託事業所一覧: ${c.offices.length} 事業所（〇のある事業所 ${c.offices.filter((o) => o.centers.length > 0).length}）`,
    `  新規委託: ${c.newContracts.length} 件${c.newContracts.map((n) => `\n    ${n.startMonth} ${n.municipality} ${n.name}（${n.center}）`).join('')}`,
    `  注意: ${c.warnings.length} 件${c.warnings.map((w) => `\n    ${w.message}`).join('')}`,
    ...(output ? [`  書き出したファイル: ${output}`] : []),
  ].join('\n');
}
