import { basename, extname } from 'node:path';
import { type CenterOutcome, type Consolidation, consolidate, consolidationDocument } from '../domain/consolidation';
import { isValidYearMonth } from '../domain/months';
import { readSettings, SETTINGS_SHEET } from '../domain/settings';
import { readStoredSubmissions, SUBMISSIONS_SHEET } from '../domain/submission-store';
import { CONSULTATIONS_SHEET } from '../domain/consultations';
import { citySheets } from '../workbook/city-layout';
import { outcomeOf } from '../workbook/city-job';
import { composeReport } from '../workbook/report-job';
import { openXlsx, replaceXlsxSheet, UnreadableFileError } from './xlsx-port';
import ExcelJS from 'exceljs';

export interface ConsolidateOptions {
  readonly month: string;
  readonly since?: string;
  readonly output?: string;
  /** The city itself (its group comes first); default: the 市区町村名 most centers give. */
  readonly city?: string;
  /** The order of the other 所在 groups. */
  readonly order?: readonly string[];
  readonly threshold?: number;
  readonly now?: Date;
  readonly today?: string;
}

/** A center's name from its file: `本庄西.xlsx` and `本庄西_月報_2021-02.xlsx` are both 本庄西. */
export function centerNameOf(file: string): string {
  return basename(file, extname(file)).replace(/_月報_\d{4}-\d{2}$/, '');
}

/**
 * One file: a report workbook (its `_提出データ`, as the city reads it in Sheets) or a center workbook
 * (counted as submitted: its report is built on the spot). A file that cannot be read is a center with
 * status `unreadable` and the reason, not a crash.
 */
async function outcomeOfFile(file: string, options: ConsolidateOptions): Promise<CenterOutcome & { municipality?: string }> {
  const listing = { name: centerNameOf(file), source: file, staff: '' };
  let port;
  try {
    port = await openXlsx(file, options.today);
  } catch (error) {
    return { name: listing.name, status: 'unreadable', reason: error instanceof UnreadableFileError ? error.message : String(error) };
  }
  const store = port.readSheet(SUBMISSIONS_SHEET);
  const stored = readStoredSubmissions(store?.rows.map((r) => r.values) ?? []);
  if (stored.length === 0 && port.readSheet(CONSULTATIONS_SHEET)) {
    const built = composeReport(port, options.month, options.now ?? new Date(), options.now ?? new Date());
    return { name: listing.name, status: 'submitted', submission: built.submission, municipality: built.report.center.municipality };
  }
  const outcome = outcomeOf(listing, { kind: 'ok', stored }, options.month);
  const settings = readSettings(port.readSheet(SETTINGS_SHEET), port.name).settings;
  return { ...outcome, municipality: outcome.submission?.center.municipality || settings.municipality };
}

function mostCommon(values: readonly string[]): string {
  const counts = new Map<string, number>();
  for (const v of values) if (v) counts.set(v, (counts.get(v) ?? 0) + 1);
  return [...counts].sort((a, b) => b[1] - a[1])[0]?.[0] ?? '';
}

export async function consolidateFiles(files: readonly string[], options: ConsolidateOptions): Promise<{ consolidation: Consolidation; document: Record<string, unknown>; output?: string }> {
  for (const m of [options.month, options.since]) {
    if (m !== undefined && !isValidYearMonth(m)) throw new RangeError(`月は YYYY-MM の形で指定してください（例: 2021-02）。「${m}」は読めません。`);
  }
  const outcomes = [];
  for (const file of files) outcomes.push(await outcomeOfFile(file, options));
  const consolidation = consolidate(
    options.month,
    options.since,
    outcomes.map(({ municipality: _m, ...o }) => o),
    { municipality: options.city ?? mostCommon(outcomes.map((o) => o.municipality ?? '')), municipalityOrder: options.order ?? [], threshold: options.threshold ?? 0.8 },
  );
  if (options.output) {
    const workbook = new ExcelJS.Workbook();
    workbook.creator = '包括支援シート';
    for (const sheet of citySheets(consolidation)) replaceXlsxSheet(workbook, sheet);
    await workbook.xlsx.writeFile(options.output);
  }
  return { consolidation, document: consolidationDocument(consolidation), output: options.output };
}

export function formatConsolidation(c: Consolidation, output?: string): string {
  const status = { submitted: '提出済み', missing: '未提出', unreadable: '読めない' } as const;
  return [
    `${c.month} の集計（新規委託は ${c.since} から）`,
    ...c.centers.map((x) => `  ${x.name}: ${status[x.status]}${x.reason ? `（${x.reason}）` : ''}`),
    `  委託事業所一覧: ${c.offices.length} 事業所（〇のある事業所 ${c.offices.filter((o) => o.centers.length > 0).length}）`,
    `  新規委託: ${c.newContracts.length} 件${c.newContracts.map((n) => `\n    ${n.startMonth} ${n.municipality} ${n.name}（${n.center}）`).join('')}`,
    `  注意: ${c.warnings.length} 件${c.warnings.map((w) => `\n    ${w.message}`).join('')}`,
    ...(output ? [`  書き出したファイル: ${output}`] : []),
  ].join('\n');
}
