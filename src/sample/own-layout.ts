import type { CellValue } from '../domain/values/cell';
import { isBlankCell } from '../domain/values/cell';
import { CONSULTATIONS_SHEET } from '../domain/sheets/consultations';
import { CONTRACTS_SHEET } from '../domain/sheets/contracts';
import { kindWord, MAPPING_HEADER, MAPPING_SHEET } from '../domain/sheets/mapping';
import { registryEntry, type SheetEntry } from '../domain/sheets/registry';
import { SETTINGS_SHEET } from '../domain/sheets/settings';
import { locateHeader, type RawSheet } from '../domain/sheets/table';
import { type SampleCenter, sampleCenterWorkbook, type SampleWorkbook } from './center';
import type { HonjoCenterName } from './handout-plan';
import type { PlantedMess, SampleSheet } from './sheet';

/**
 * A center that keeps its ledger as it always has (issue #15): its own sheet name, its own title above the header,
 * its own headers in its own order, columns of its own, its own words for some choices — and one sheet 読み替え that
 * tells the add-on which standard sheet, column and choice each of them is. This turns a standard sample workbook
 * into such a ledger from a description of the layout, so that the same records can be read both ways.
 */

/** A column a center keeps for itself (地区, 次回予定…): the check leaves it alone. */
export interface OwnColumn {
  readonly header: string;
  /** The cell of the `index`-th row below the header (counting blank rows, which stay blank). */
  readonly value: (index: number) => CellValue;
}

/** How a center keeps one standard sheet. Everything is optional: what is not said stays as the standard sheet has it. */
export interface OwnSheetLayout {
  /** The center's name for the sheet. */
  readonly name?: string;
  /** The rows above the header (a title, a note, a blank row), instead of the standard sheet's. */
  readonly title?: readonly (readonly CellValue[])[];
  /** The center's header for a standard column, by the standard header. A column the sheet lacks is left out. */
  readonly headers?: Readonly<Record<string, string>>;
  /** The center's words for a choice column's values: by standard header, the center's word for each standard choice. */
  readonly words?: Readonly<Record<string, Readonly<Record<string, string>>>>;
  /** Columns of the center's own; placed by `order`, else after the others. */
  readonly extra?: readonly OwnColumn[];
  /** The columns from the left, by the headers the center's sheet shows; the columns not named follow in their order. */
  readonly order?: readonly string[];
}

export interface OwnLayout {
  /** By the standard sheet's name. */
  readonly sheets: Readonly<Partial<Record<string, OwnSheetLayout>>>;
  /**
   * How 読み替え's rows name what they are about: 見出し rows their sheet, 値 rows their column — by the standard
   * name (the default) or by the center's own (相談台帳, 方法).
   */
  readonly target?: 'standard' | 'own';
}

export interface OwnLayoutWorkbook extends SampleWorkbook {
  /** 読み替え's rows, header first: one row per sheet, header and word the center writes its own way. */
  readonly mapping: CellValue[][];
}

/**
 * The sample workbook kept in the center's own layout, with 読み替え (after 設定) when the layout renames anything.
 * `planted` names the own sheet, the own header and the row each mess is on in the own layout: the rows of a sheet
 * move with its title rows (the header sits below the layout's title), the columns with its order.
 */
export function ownLayoutWorkbook(sample: SampleWorkbook, layout: OwnLayout): OwnLayoutWorkbook {
  const laid = new Map<string, LaidSheet>();
  for (const sheet of sample.sheets) {
    const own = layout.sheets[sheet.name];
    if (own) laid.set(sheet.name, laySheet(sheet, own));
  }
  const mapping = mappingRows([...laid.values()], layout.target ?? 'standard');
  const sheets = sample.sheets.map((s) => laid.get(s.name)?.sheet ?? s);
  if (mapping.length > 1) {
    const at = sheets.findIndex((s) => s.name === SETTINGS_SHEET) + 1;
    sheets.splice(at, 0, { name: MAPPING_SHEET, rows: mapping, widths: [10, 16, 20, 24] });
  }
  const planted = sample.planted.map((p) => laid.get(p.sheet)?.move(p) ?? p);
  return { center: sample.center, sheets, planted, mapping };
}

/** One sheet laid out the center's way, and what 読み替え must say about it. */
interface LaidSheet {
  readonly standard: SheetEntry;
  readonly sheet: SampleSheet;
  /** Standard header → the center's, for the columns it renames that the sheet has. */
  readonly headers: ReadonlyMap<string, string>;
  /** Standard header → (standard choice → the center's word). */
  readonly words: ReadonlyMap<string, ReadonlyMap<string, string>>;
  readonly move: (p: PlantedMess) => PlantedMess;
}

/** Where a column of the own layout comes from: a column of the standard sheet, or one of the center's own. */
type Source = { readonly kind: 'standard'; readonly index: number } | { readonly kind: 'own'; readonly column: OwnColumn };

function rawOf(sheet: SampleSheet): RawSheet {
  return { name: sheet.name, rows: sheet.rows.map((values, i) => ({ rowNumber: i + 1, values })) };
}

function laySheet(sheet: SampleSheet, own: OwnSheetLayout): LaidSheet {
  const standard = registryEntry(sheet.name);
  if (!standard) throw new Error(`not a sheet the add-on reads: ${sheet.name}`);
  const header = locateHeader(rawOf(sheet), standard.columns);
  if (!header) throw new Error(`no header on ${sheet.name}`);
  const headerIndex = header.headerRow - 1;
  const width = Math.max(header.headers.length, ...sheet.rows.map((r) => r.length));
  const standardHeaders = Array.from({ length: width }, (_, i) => header.headers[i] ?? '');

  // The standard columns the sheet has, by their standard header.
  const columnOf = new Map<string, number>();
  for (const spec of standard.columns) {
    const index = header.columns[spec.key];
    if (index !== undefined) columnOf.set(spec.header, index);
  }
  const headers = new Map<string, string>();
  for (const [standardHeader, local] of Object.entries(own.headers ?? {})) {
    if (!standard.columns.some((c) => c.header === standardHeader)) throw new Error(`${sheet.name} has no standard column ${standardHeader}`);
    if (columnOf.has(standardHeader)) headers.set(standardHeader, local);
  }
  const renamed = new Map<number, string>([...headers].map(([h, local]) => [columnOf.get(h) as number, local]));
  const words = wordsOf(standard, own, columnOf);
  const wordsAt = new Map([...words].map(([h, byChoice]) => [columnOf.get(h) as number, byChoice]));

  const sources: { header: string; source: Source }[] = [
    ...standardHeaders.map((h, index) => ({ header: renamed.get(index) ?? h, source: { kind: 'standard', index } as const })),
    ...(own.extra ?? []).map((column) => ({ header: column.header, source: { kind: 'own', column } as const })),
  ];
  const ordered = inOrder(sheet.name, sources, own.order ?? []);

  const title = own.title ?? sheet.rows.slice(0, headerIndex);
  const cellOf = (row: readonly CellValue[], index: number, source: Source): CellValue => {
    if (source.kind === 'own') return source.column.value(index);
    const value = row[source.index] ?? null;
    const word = typeof value === 'string' ? wordsAt.get(source.index)?.get(value) : undefined;
    return word ?? value;
  };
  const body = sheet.rows.slice(headerIndex + 1).map((row, index) =>
    // A blank row stays blank: a word in a column of the center's own would make it a record with nothing in it.
    row.every(isBlankCell) ? ordered.map(() => null) : ordered.map((c) => cellOf(row, index, c.source)),
  );
  const rows = [...title.map((r) => [...r]), ordered.map((c) => c.header), ...body];
  const widths = sheet.widths && ordered.map((c) => (c.source.kind === 'standard' ? (sheet.widths?.[c.source.index] ?? 14) : 14));

  const shift = title.length - headerIndex;
  const headerMoves = new Map(standardHeaders.map((h, i) => [h, renamed.get(i) ?? h]));
  const name = own.name ?? sheet.name;
  const move = (p: PlantedMess): PlantedMess => ({
    ...p,
    sheet: name,
    row: p.row > headerIndex ? p.row + shift : p.row,
    header: headerMoves.get(p.header) ?? p.header,
  });
  return { standard, sheet: { name, rows, ...(widths ? { widths } : {}) }, headers, words, move };
}

/** The center's words for the choice columns the sheet has, checked against the registry: only a choice column takes them. */
function wordsOf(standard: SheetEntry, own: OwnSheetLayout, columnOf: ReadonlyMap<string, number>): Map<string, ReadonlyMap<string, string>> {
  const words = new Map<string, ReadonlyMap<string, string>>();
  for (const [standardHeader, byChoice] of Object.entries(own.words ?? {})) {
    const spec = standard.columns.find((c) => c.header === standardHeader);
    if (!spec || standard.kinds[spec.key]?.kind !== 'choice') throw new Error(`${standard.name} has no choice column ${standardHeader}`);
    if (columnOf.has(standardHeader)) words.set(standardHeader, new Map(Object.entries(byChoice)));
  }
  return words;
}

/** The columns in the center's order: those it names first, as it names them; the rest after, in their order. */
function inOrder<T extends { header: string }>(sheet: string, columns: readonly T[], order: readonly string[]): T[] {
  const named = columns.map((c) => c.header).filter((h) => h !== '');
  const repeated = named.find((h, i) => named.indexOf(h) !== i);
  if (repeated !== undefined) throw new Error(`${sheet} would have the header ${repeated} twice`);
  const first = order.map((h) => {
    const column = columns.find((c) => c.header === h);
    if (!column) throw new Error(`${sheet} has no column ${h} to place`);
    return column;
  });
  return [...first, ...columns.filter((c) => !first.includes(c))];
}

/** 読み替え: シート rows, then 見出し rows, then 値 rows (a 値 row may name its column by the center's header). */
function mappingRows(sheets: readonly LaidSheet[], target: 'standard' | 'own'): CellValue[][] {
  const sheetRows = sheets.filter((s) => s.sheet.name !== s.standard.name).map((s) => [kindWord('sheet'), '', s.sheet.name, s.standard.name]);
  const headerRows = sheets.flatMap((s) =>
    [...s.headers].map(([standard, local]) => [kindWord('header'), target === 'own' ? s.sheet.name : s.standard.name, local, standard]),
  );
  const valueRows = sheets.flatMap((s) =>
    [...s.words].flatMap(([standard, byChoice]) =>
      [...byChoice].map(([choice, word]) => [kindWord('value'), target === 'own' ? (s.headers.get(standard) ?? standard) : standard, word, choice]),
    ),
  );
  return [[...MAPPING_HEADER], ...sheetRows, ...headerRows, ...valueRows];
}

// 児玉 -------------------------------------------------------------------------------------------------

/** Districts of the former 児玉町, for 児玉's own column 地区. */
const KODAMA_DISTRICTS = ['児玉', '金屋', '秋平', '本泉', '共和', '北泉', '児玉南'];
const NEXT_STEPS = ['', '', '', '1か月後に電話', '', '来月訪問', '', '', 'ケアマネと同行訪問', ''];

/**
 * How 児玉 keeps its ledger, in the demo: 相談台帳 and 委託契約台帳, under its own title, with the words its staff
 * have always used (来談日, ケースNo, 区分 for 業務区分…), its own order, 地区 and 次回予定 of its own, and its own
 * words for some choices (来談 for 来所, 担当ケアマネ for 介護支援専門員). None of these is a built-in synonym or
 * variant: without 読み替え the add-on would not find the sheets.
 */
export const KODAMA_LAYOUT: OwnLayout = {
  sheets: {
    [CONSULTATIONS_SHEET]: {
      name: '相談台帳',
      title: [['相談台帳（児玉地域包括支援センター）']],
      headers: {
        受付日: '来談日',
        相談者ID: 'ケースNo',
        '新規/継続': '初回・継続',
        相談方法: '方法',
        相談者: '相談元',
        // 区分 is a built-in synonym of 新規/継続; here it means 業務区分, as 読み替え says.
        業務区分: '区分',
        相談内容: '内容分類',
        認知症関連: '認知症',
        夜間休日: '時間外',
        対応職種: '対応者職種',
        対応内容: '対応',
        紹介事業所: '紹介先',
        紹介理由: '紹介の理由',
        市への報告日: '市へ報告した日',
        担当者: '担当',
        内容メモ: '主訴',
      },
      order: [
        'ケースNo',
        '来談日',
        '初回・継続',
        '相談元',
        '方法',
        '時間外',
        '地区',
        '区分',
        '内容分類',
        '認知症',
        '主訴',
        '対応者職種',
        '担当',
        '対応',
        '紹介先',
        '紹介の理由',
        '市へ報告した日',
        '次回予定',
      ],
      extra: [
        { header: '地区', value: (i) => KODAMA_DISTRICTS[(i * 7 + 3) % KODAMA_DISTRICTS.length] ?? null },
        { header: '次回予定', value: (i) => NEXT_STEPS[(i * 3) % NEXT_STEPS.length] || null },
      ],
      words: {
        相談方法: { 来所: '来談' },
        相談者: { 介護支援専門員: '担当ケアマネ', 民生委員: '民児協' },
        業務区分: { 総合相談支援: '総合' },
      },
    },
    [CONTRACTS_SHEET]: {
      name: '委託契約台帳',
      title: [['居宅介護支援事業所との委託契約（児玉）']],
      headers: { 事業所名: '委託先事業所', 法人名: '運営主体', 契約開始日: '契約日', 選定理由: '選んだ理由' },
      words: { 委託区分: { 介護予防ケアマネジメント: '総合事業のみ', 両方: '予防支援＋総合事業' } },
    },
  },
};

/** The centers of the demo that keep their own layout. */
export const OWN_LAYOUTS: Readonly<Partial<Record<HonjoCenterName, OwnLayout>>> = { 児玉: KODAMA_LAYOUT };

/** A center's workbook as it keeps it: in its own layout, with 読み替え, when OWN_LAYOUTS has one for it. */
export function centerLedger(center: SampleCenter, seed: number): SampleWorkbook {
  const sample = sampleCenterWorkbook(center, seed);
  const layout = OWN_LAYOUTS[center.name as HonjoCenterName];
  return layout ? ownLayoutWorkbook(sample, layout) : sample;
}
