import * as z from 'zod/mini';
import { a1, type CellValue, cellText } from '../values/cell';
import { issueMessage } from '../issues/catalogue';
import { type Issue, severityOf } from '../issues/issue';
import type { RawSheet } from './table';
import { isEmailAddress, readRecipients } from '../reports/submission-file';
import { foldKey, labelLikeness, tidySpaces } from '../values/text';
import { PREFECTURES } from '../values/municipality';

export const SETTINGS_SHEET = '設定';

/** 相談内容 when the city has not configured its own list (SPEC §2.1). */
export const DEFAULT_CONSULTATION_TOPICS = [
  '介護保険サービス',
  '介護予防・健康づくり',
  '認知症',
  '医療・入退院',
  '住まい',
  '生活困窮・経済',
  '家族・介護負担',
  '虐待',
  '成年後見・金銭管理',
  '消費者被害',
  '障害・精神',
  'その他',
] as const;

const listOf = z.array(z.string().check(z.minLength(1)));

/** The 設定 sheet, validated once per run; every check and report reads it from here. */
export const SettingsSchema = z.object({
  centerName: z.string().check(z.minLength(1)),
  centerCode: z.string(),
  prefecture: z.string(),
  municipality: z.string(),
  outsideTowns: listOf,
  corporation: z.string(),
  /** A share (0–1) of delegated cases above which one office or 法人 is a concentration warning. */
  concentrationThreshold: z.number().check(z.gt(0), z.lte(1)),
  /** Days after 受付日 within which suspected abuse must be reported to the city. */
  abuseReportDays: z.number().check(z.int(), z.gte(0), z.lte(365)),
  /** Days a complaint may stay open (no 対応完了日) before it is a warning. */
  complaintDeadlineDays: z.number().check(z.int(), z.gte(0), z.lte(365)),
  consultationTopics: listOf.check(z.minLength(1)),
  cityWorkbookUrl: z.string(),
  /** The city's order of 所在 groups in 委託事業所一覧 after the city itself (the Honjo handout's order). */
  municipalityOrder: listOf,
  /** The city staff the 提出用ファイル is shared with (reader). */
  submissionRecipients: z.array(z.string().check(z.refine(isEmailAddress))),
  /** The 提出用ファイル's URL, written by 「市へ提出」 when it creates the file. */
  submissionFileUrl: z.string(),
});

export type Settings = z.infer<typeof SettingsSchema>;

/** The センター名 when 設定 gives none: the spreadsheet's (or file's) name, or a plain word when that is blank. */
function defaultCenterName(spreadsheetName: string): string {
  return spreadsheetName.trim() || '地域包括支援センター';
}

export function defaultSettings(centerName: string): Settings {
  return {
    centerName: defaultCenterName(centerName),
    centerCode: '',
    prefecture: '',
    municipality: '',
    outsideTowns: [],
    corporation: '',
    concentrationThreshold: 0.8,
    abuseReportDays: 1,
    complaintDeadlineDays: 30,
    consultationTopics: [...DEFAULT_CONSULTATION_TOPICS],
    cityWorkbookUrl: '',
    municipalityOrder: [],
    submissionRecipients: [],
    submissionFileUrl: '',
  };
}

export type SettingKey = keyof Settings;

interface SettingItem {
  readonly key: SettingKey;
  readonly label: string;
  readonly read: (text: string) => unknown;
  readonly expected: string;
}

const splitOn =
  (separators: RegExp) =>
  (text: string): string[] =>
    text
      .split(separators)
      .map((s) => tidySpaces(s))
      .filter((s) => s !== '');

/** A list of 相談内容: a topic may hold a ・ itself (医療・入退院), so only 、 , and lines part them. */
const splitList = splitOn(/[、,，\n]/);

/** A list of municipalities, whose names hold no ・: people part them with it too (上里町・美里町). */
const splitNames = splitOn(/[、,，・\n]/);

/** 都道府県名 as 設定 gives it, or written without its 都・道・府・県 (埼玉 for 埼玉県), which addresses always have. */
export function readPrefecture(text: string): string {
  const name = tidySpaces(text);
  return PREFECTURES.find((p) => p === name || p.slice(0, -1) === name) ?? name;
}

/** `80%`, `80`, `0.8` and `８０％` all mean 80% (NaN when it is no share). */
export function readShare(text: string): number {
  const t = text.normalize('NFKC').replace(/\s/g, '');
  const m = /^(\d+(?:\.\d+)?)(%?)$/.exec(t);
  if (!m) return NaN;
  const n = Number(m[1]);
  return m[2] === '%' || n > 1 ? n / 100 : n;
}

function readInteger(text: string): number {
  const t = text.normalize('NFKC').replace(/\s|日/g, '');
  return /^\d+$/.test(t) ? Number(t) : NaN;
}

/** The items in the order 「シートを準備」 writes them. */
export const SETTING_ITEMS: readonly SettingItem[] = [
  { key: 'centerName', label: 'センター名', read: tidySpaces, expected: 'センターの名前' },
  { key: 'centerCode', label: 'センターコード', read: tidySpaces, expected: '市が決めたコード' },
  { key: 'prefecture', label: '都道府県名', read: readPrefecture, expected: '例: 埼玉県' },
  { key: 'municipality', label: '市区町村名', read: tidySpaces, expected: '例: 本庄市' },
  { key: 'outsideTowns', label: '市外の町村', read: splitNames, expected: '「、」区切りの町村名（例: 上里町、美里町）' },
  { key: 'corporation', label: '運営法人名', read: tidySpaces, expected: 'センターを運営する法人の名前' },
  { key: 'concentrationThreshold', label: '集中の警告しきい値', read: readShare, expected: '1%〜100%の割合（例: 80%）' },
  { key: 'abuseReportDays', label: '虐待報告の期限日数', read: readInteger, expected: '0〜365の整数（例: 1）' },
  { key: 'complaintDeadlineDays', label: '苦情の対応期限日数', read: readInteger, expected: '0〜365の整数（例: 30）' },
  { key: 'consultationTopics', label: '相談内容', read: splitList, expected: '「、」区切りの相談内容の一覧' },
  { key: 'cityWorkbookUrl', label: '市の集計シートURL', read: tidySpaces, expected: 'スプレッドシートのURL' },
  { key: 'municipalityOrder', label: '所在の順', read: splitNames, expected: '「、」区切りの市町村名（例: 上里町、美里町、深谷市）' },
  {
    key: 'submissionRecipients',
    label: '提出先メールアドレス',
    // The bad ones are kept in the list, so the schema refuses it and the message names the setting.
    read: (text) => {
      const r = readRecipients(text);
      return [...r.addresses, ...r.invalid];
    },
    expected: '市の担当者のメールアドレス（複数なら「、」区切り。例: kaigo@city.example.jp）',
  },
  { key: 'submissionFileUrl', label: '提出用ファイル', read: tidySpaces, expected: '提出用ファイルの URL（「市へ提出」が書き込みます）' },
];

export interface SettingsReading {
  readonly settings: Settings;
  readonly issues: Issue[];
}

/** Where a setting's value stands in 設定: its row and column (1-based), and the value there. */
export interface SettingCell {
  readonly row: number;
  readonly column: number;
  readonly value: CellValue;
}

const ITEM_OF_LABEL = new Map(SETTING_ITEMS.map((item) => [foldKey(item.label), item]));

function itemOf(value: CellValue | undefined): SettingItem | undefined {
  return ITEM_OF_LABEL.get(foldKey(cellText(value ?? null)));
}

/**
 * Each setting's value cell, and the rows read across. 設定 is kept one item a row (項目 in column A, 値 in B), as
 * シートを準備 writes it; some centers keep it across, the items in a row (センター名 | センターコード | …) over a row of
 * values. A row naming two items or more is such a row, whose values stand in the row below it: read down, its second
 * item would have been taken for the first one's value (センター名 「センターコード」). Every other row is read down. An item
 * is read where it is first met; whoever writes a setting (the 設定 form, 市へ提出) writes that cell.
 */
export function settingCells(sheet: RawSheet | undefined): { cells: Map<SettingKey, SettingCell>; acrossRows: ReadonlySet<number> } {
  const cells = new Map<SettingKey, SettingCell>();
  const rows = sheet?.rows ?? [];
  const across = rows.find((r) => r.values.filter((v) => itemOf(v) !== undefined).length >= 2);
  const below = across && rows.find((r) => r.rowNumber === across.rowNumber + 1);
  across?.values.forEach((v, c) => {
    const item = itemOf(v);
    if (item && !cells.has(item.key)) cells.set(item.key, { row: across.rowNumber + 1, column: c + 1, value: below?.values[c] ?? null });
  });
  for (const row of rows) {
    if (row === across || row === below) continue;
    const item = itemOf(row.values[0]);
    if (item && !cells.has(item.key)) cells.set(item.key, { row: row.rowNumber, column: 2, value: row.values[1] ?? null });
  }
  return { cells, acrossRows: new Set(across ? [across.rowNumber, across.rowNumber + 1] : []) };
}

/** How alike an unknown 項目名 must be to a known one to be taken for it misnamed (labelLikeness). */
const MISNAMED_LIKENESS = 0.4;

/**
 * Rows of 設定 with a value under a 項目名 that is no item but most like one the sheet does not have yet (虐待の報告期限
 * for 虐待報告の期限日数): read as nothing, their value would leave the default in place unsaid. A row most like an
 * item that is there is the center's own note (センター長 beside センター名), and is left alone.
 */
function misnamedItems(sheet: RawSheet | undefined, present: ReadonlySet<SettingKey>, acrossRows: ReadonlySet<number>): Issue[] {
  const rows = (sheet?.rows ?? []).filter((r) => !acrossRows.has(r.rowNumber) && cellText(r.values[0]).trim() !== '' && cellText(r.values[1]).trim() !== '');
  return rows.flatMap((row) => {
    const label = cellText(row.values[0]).trim();
    if (itemOf(label) !== undefined) return [];
    const [best] = SETTING_ITEMS.map((item) => ({ item, likeness: labelLikeness(label, item.label) }))
      .filter((m) => m.likeness >= MISNAMED_LIKENESS)
      .sort((a, b) => b.likeness - a.likeness);
    if (!best || present.has(best.item.key)) return [];
    const known = best.item.label;
    return [
      {
        sheet: SETTINGS_SHEET,
        row: row.rowNumber,
        column: '項目',
        cell: a1(row.rowNumber, 1),
        code: 'SETTING_UNKNOWN',
        severity: severityOf('SETTING_UNKNOWN'),
        message: issueMessage('SETTING_UNKNOWN', { label, known, expected: best.item.expected }),
        suggestion: known,
      },
    ];
  });
}

/**
 * Reads 設定 (項目 | 値, one setting a row, with or without a header row). A missing sheet, row or value
 * means the default; a bad value is reported and the default used, so one typo never stops a check.
 * `spreadsheetName` may be how to get the name: it is asked only when 設定 has no センター名 (in Apps Script
 * that is a call to Google, which a center whose 設定 names it is spared).
 */
export function readSettings(sheet: RawSheet | undefined, spreadsheetName: string | (() => string)): SettingsReading {
  const settings: Record<string, unknown> = { ...defaultSettings('') };
  let named = false;
  const issues: Issue[] = [];
  const { cells, acrossRows } = settingCells(sheet);
  for (const item of SETTING_ITEMS) {
    const cell = cells.get(item.key);
    const text = cellText(cell?.value ?? null).trim();
    if (!cell || text === '') continue;
    const value = item.read(text);
    const candidate = SettingsSchema.shape[item.key].safeParse(value);
    if (candidate.success) {
      settings[item.key] = candidate.data;
      if (item.key === 'centerName') named = true;
    } else {
      issues.push({
        sheet: SETTINGS_SHEET,
        row: cell.row,
        column: '値',
        cell: a1(cell.row, cell.column),
        code: 'SETTING_INVALID',
        severity: severityOf('SETTING_INVALID'),
        message: issueMessage('SETTING_INVALID', { label: item.label, value: text, expected: item.expected }),
      });
    }
  }
  issues.push(...misnamedItems(sheet, new Set(cells.keys()), acrossRows));
  if (!named) settings.centerName = defaultCenterName(typeof spreadsheetName === 'function' ? spreadsheetName() : spreadsheetName);
  return { settings: SettingsSchema.parse(settings), issues };
}
