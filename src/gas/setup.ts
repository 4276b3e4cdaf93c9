import { kindWord, localSheetName, MAPPING_COLUMNS, MAPPING_HEADER, MAPPING_SHEET } from '../domain/sheets/mapping';
import { SETTINGS_SHEET } from '../domain/sheets/settings';
import { HEADER_ZONE_ROWS, type RawSheet } from '../domain/sheets/table';
import { JAPAN_TIME_ZONE, toCellValues } from '../workbook/cell-values';
import { loadMapping, loadSettings } from '../workbook/check-job';
import { MARK_COLORS } from '../workbook/marks';
import { missingSettingRows, SETTINGS_HEADER } from '../workbook/settings-form';
import {
  type ColumnRule,
  type Decorations,
  describePlan,
  HEADER_PROTECTION,
  isDone,
  NO_DECORATIONS,
  NUMBER_FORMATS,
  placeColumns,
  planSheet,
  type RuleFound,
  SETUP_SHEETS,
  type SheetFound,
  type SheetPlan,
  wantedRules,
} from '../workbook/setup-plan';
import { htmlWithData } from './html';
import { asSheetsValue, writeValues } from './replace-sheet';
import { sheetsPort } from './sheets-port';
import { HEADER_BACKGROUND } from '../workbook/styles';

type Spreadsheet = GoogleAppsScript.Spreadsheet.Spreadsheet;
type Sheet = GoogleAppsScript.Spreadsheet.Sheet;
type Protection = GoogleAppsScript.Spreadsheet.Protection;

/** What the シートを準備 dialog shows: per sheet, what was done (or that nothing was needed). */
export interface SetupResult {
  readonly changed: boolean;
  readonly sheets: readonly {
    /** The sheet as the spreadsheet names it (the center's own name where 読み替え gives one). */
    readonly name: string;
    /** The standard name, when the center's differs (shown in brackets). */
    readonly standard?: string;
    readonly status: 'created' | 'updated' | 'unchanged' | 'skipped';
    readonly lines: readonly string[];
  }[];
}

/**
 * The sheet as it is: a handful of calls whatever its number of rows (the header is looked for in the
 * top rows only, as every check looks for it).
 */
function readFound(sheet: Sheet): SheetFound {
  const lastRow = sheet.getLastRow();
  const lastColumn = sheet.getLastColumn();
  const rows = Math.min(HEADER_ZONE_ROWS, lastRow);
  const values = rows > 0 ? toCellValues(sheet.getRange(1, 1, rows, Math.max(lastColumn, 1)).getValues(), JAPAN_TIME_ZONE) : [];
  const top: RawSheet = { name: sheet.getName(), rows: values.map((v, i) => ({ rowNumber: i + 1, values: v })) };
  return { top, lastRow, lastColumn, maxRows: sheet.getMaxRows(), frozenRows: sheet.getFrozenRows() };
}

function ruleFound(rule: GoogleAppsScript.Spreadsheet.DataValidation): RuleFound {
  const type = rule.getCriteriaType();
  const criteria = SpreadsheetApp.DataValidationCriteria;
  const kind = type === criteria.VALUE_IN_LIST ? 'list' : type === criteria.CHECKBOX ? 'checkbox' : type === criteria.DATE_IS_VALID_DATE ? 'date' : 'other';
  const values = kind === 'list' ? ((rule.getCriteriaValues()[0] as unknown[] | undefined) ?? []).map(String) : [];
  return { kind, values, allowInvalid: rule.getAllowInvalid() };
}

/**
 * The rules below the header, in one read. A column whose cells all carry a rule is compared by its first
 * and last cell (reading each rule's criteria costs calls); a cell with none, which a paste leaves, is seen
 * without any further call.
 */
function rulesBelow(sheet: Sheet, first: number, last: number, columns: readonly number[]): Pick<Decorations, 'firstRowRules' | 'lastRowRules' | 'gaps'> {
  const firstRowRules = new Map<number, RuleFound>();
  const lastRowRules = new Map<number, RuleFound>();
  const gaps = new Set<number>();
  const width = Math.min(Math.max(0, ...columns), sheet.getMaxColumns());
  if (width === 0 || last < first) return { firstRowRules, lastRowRules, gaps };
  const rules = sheet.getRange(first, 1, last - first + 1, width).getDataValidations();
  for (const column of columns.filter((c) => c <= width)) {
    const top = rules[0]?.[column - 1];
    const bottom = rules[rules.length - 1]?.[column - 1];
    if (top) firstRowRules.set(column, ruleFound(top));
    if (bottom) lastRowRules.set(column, bottom === top ? (firstRowRules.get(column) as RuleFound) : ruleFound(bottom));
    if (rules.some((row) => !row[column - 1])) gaps.add(column);
  }
  return { firstRowRules, lastRowRules, gaps };
}

function ourProtection(sheet: Sheet): Protection | undefined {
  return sheet.getProtections(SpreadsheetApp.ProtectionType.RANGE).find((p) => p.getDescription() === HEADER_PROTECTION);
}

/**
 * The formulas of the highlights this add-on set: custom-formula rules in its own colour (MARK_COLORS.error,
 * which the product controls). A rule of the person's, in their own colour, is theirs even with the same formula.
 */
function ourHighlightFormulas(sheet: Sheet): string[] {
  return sheet.getConditionalFormatRules().flatMap((rule) => {
    const condition = rule.getBooleanCondition();
    const formula = condition?.getCriteriaValues()[0];
    if (typeof formula !== 'string' || condition?.getBackground()?.toLowerCase() !== MARK_COLORS.error) return [];
    return [formula];
  });
}

/** What decorates the sheet now: the rules at both ends of the columns, our protection, our highlights. */
function readDecorations(sheet: Sheet, found: SheetFound, headerRow: number, ruleColumns: readonly number[]): Decorations {
  const rules = rulesBelow(sheet, headerRow + 1, found.maxRows, ruleColumns);
  return { ...rules, headerProtection: ourProtection(sheet)?.getRange().getA1Notation(), highlightFormulas: ourHighlightFormulas(sheet) };
}

function validationOf(rule: ColumnRule): GoogleAppsScript.Spreadsheet.DataValidation {
  const builder = SpreadsheetApp.newDataValidation();
  if (rule.kind === 'list')
    builder.requireValueInList([...rule.values], true).setHelpText('一覧から選んでください。一覧にない値も入力できますが、入力チェックで確認されます。');
  else if (rule.kind === 'checkbox') builder.requireCheckbox();
  else builder.requireDate().setHelpText('日付を 2026-10-03 の形で入力してください。');
  // Warn, never reject: whatever a person typed (a variant, a 和暦 date) stays, and the check explains it.
  return builder.setAllowInvalid(true).build();
}

/** Steps that only decorate: one failing (a merged title row that cannot be frozen…) must not stop the rest. */
type Decoration = 'rules' | 'freeze' | 'protect' | 'highlights';

const DECORATION_FAILED: Readonly<Record<Decoration, string>> = {
  rules: '入力規則（プルダウンなど）を設定できませんでした',
  freeze: '見出し行を固定できませんでした（見出しより上の行に結合したセルがあると固定できません）',
  protect: '見出し行を保護できませんでした',
  highlights: '条件付き書式を追加できませんでした',
};

function carryOut(spreadsheet: Spreadsheet, existing: Sheet | null, plan: SheetPlan): { failed: Decoration[] } {
  const sheet = existing ?? spreadsheet.insertSheet(plan.sheet, spreadsheet.getSheets().length);
  const { headerRow } = plan;
  if (plan.header) {
    const { at, titles } = plan.header;
    const missing = at + titles.length - 1 - sheet.getMaxColumns();
    // A range past the last column does not exist in Sheets: grow the sheet to the right first.
    if (missing > 0) sheet.insertColumnsAfter(sheet.getMaxColumns(), missing);
    const range = sheet.getRange(headerRow, at, 1, titles.length);
    // A sheet just inserted has the default format everywhere; a person's may be formatted as text.
    const cells = (existing ? writeValues(range, [titles]) : range.setValues([titles.map(asSheetsValue)])).setFontWeight('bold');
    if (plan.status === 'create') cells.setBackground(HEADER_BACKGROUND);
  }
  const maxRows = sheet.getMaxRows();
  const below = maxRows - headerRow;
  const column = (c: number): GoogleAppsScript.Spreadsheet.Range => sheet.getRange(headerRow + 1, c, below, 1);
  if (below > 0) for (const { column: c, format } of plan.formats) column(c).setNumberFormat(NUMBER_FORMATS[format]);
  for (const { column: c, width } of plan.widths) sheet.setColumnWidth(c, width);
  const failed: Decoration[] = [];
  const attempt = (step: Decoration, run: () => void): void => {
    try {
      run();
    } catch (error) {
      console.error(error);
      failed.push(step);
    }
  };
  if (plan.rules.length > 0 && below > 0) attempt('rules', () => plan.rules.forEach((r) => column(r.column).setDataValidation(validationOf(r.rule))));
  if (plan.freeze !== undefined) attempt('freeze', () => sheet.setFrozenRows(plan.freeze ?? headerRow));
  const protect = plan.protect;
  if (protect) {
    attempt('protect', () => {
      if (protect.replace) ourProtection(sheet)?.remove();
      sheet.getRange(protect.a1).protect().setDescription(HEADER_PROTECTION).setWarningOnly(true);
    });
  }
  if (plan.highlights.length > 0 && below > 0) {
    attempt('highlights', () => {
      const added = plan.highlights.map((h) =>
        SpreadsheetApp.newConditionalFormatRule()
          .whenFormulaSatisfied(h.formula)
          .setBackground(MARK_COLORS.error)
          .setRanges([column(h.column)])
          .build(),
      );
      sheet.setConditionalFormatRules([...sheet.getConditionalFormatRules(), ...added]);
    });
  }
  return { failed };
}

/** The part of a plan that was carried out, so the dialog says only what really happened. */
function withoutFailed(plan: SheetPlan, failed: readonly Decoration[]): SheetPlan {
  const has = (d: Decoration): boolean => failed.includes(d);
  return {
    ...plan,
    rules: has('rules') ? [] : plan.rules,
    freeze: has('freeze') ? undefined : plan.freeze,
    protect: has('protect') ? undefined : plan.protect,
    highlights: has('highlights') ? [] : plan.highlights,
  };
}

/** 設定: created with every 項目 and its default, or given the 項目 it lacks below its last row. */
function prepareSettings(spreadsheet: Spreadsheet): SetupResult['sheets'][number] {
  const port = sheetsPort(spreadsheet);
  const raw = port.readSheet(SETTINGS_SHEET);
  const rows = missingSettingRows(raw, port.name);
  if (rows.length === 0) return { name: SETTINGS_SHEET, status: 'unchanged', lines: ['必要な項目はそろっています。'] };
  const blank = raw !== undefined && raw.rows.length === 0;
  port.appendRows(SETTINGS_SHEET, SETTINGS_HEADER, blank ? [[...SETTINGS_HEADER], ...rows] : rows);
  if (!raw) {
    const sheet = spreadsheet.getSheetByName(SETTINGS_SHEET);
    sheet?.setColumnWidth(1, 160);
    sheet?.setColumnWidth(2, 360);
    return { name: SETTINGS_SHEET, status: 'created', lines: ['シートを作成し、すべての項目を既定値で入れました。「設定」から編集できます。'] };
  }
  return { name: SETTINGS_SHEET, status: 'updated', lines: [`足りない項目を下に追加しました: ${rows.map((r) => r[0]).join('、')}`] };
}

/** 種類's words, in the order SPEC §2.5 gives them. */
const MAPPING_KIND_WORDS = (['sheet', 'header', 'value'] as const).map(kindWord);

/**
 * 読み替え: created empty (its header, bold and frozen, a dropdown on 種類), right after 設定, so that a center
 * sees where its own names go; one that exists is the center's and is left exactly as it is.
 */
function prepareMapping(spreadsheet: Spreadsheet): SetupResult['sheets'][number] {
  if (spreadsheet.getSheetByName(MAPPING_SHEET)) return { name: MAPPING_SHEET, status: 'unchanged', lines: ['このシートは変更していません。'] };
  const settings = spreadsheet.getSheetByName(SETTINGS_SHEET);
  const sheet = spreadsheet.insertSheet(MAPPING_SHEET, settings ? settings.getIndex() : spreadsheet.getSheets().length);
  sheet
    .getRange(1, 1, 1, MAPPING_HEADER.length)
    .setValues([MAPPING_HEADER.map(asSheetsValue)])
    .setFontWeight('bold');
  sheet.setFrozenRows(1);
  const below = sheet.getMaxRows() - 1;
  const kindColumn = MAPPING_COLUMNS.findIndex((c) => c.key === 'kind') + 1;
  if (below > 0) sheet.getRange(2, kindColumn, below, 1).setDataValidation(validationOf({ kind: 'list', values: MAPPING_KIND_WORDS }));
  return {
    name: MAPPING_SHEET,
    status: 'created',
    lines: [
      `シートを作成し、見出し行（${MAPPING_HEADER.join('・')}）を入れました。シート名・見出し・選択肢の言葉がこのセンターの書き方と標準とで違うときに、1行ずつ書きます（例: シート | | 相談台帳 | 相談記録）。`,
    ],
  };
}

/**
 * 「シートを準備」: 設定, then every sheet the registry marks as prepared (相談記録, 委託契約, 委託実績) with
 * its header, missing columns at the right, dropdowns, checkboxes, date rules, a frozen and protected
 * header, highlights; 読み替え when missing. Each sheet is the center's own where 読み替え maps it, its columns
 * found by the center's headers. A second run changes nothing. The number of calls depends on the columns,
 * never on the rows.
 */
export function prepareSheets(): SetupResult {
  const spreadsheet = SpreadsheetApp.getActiveSpreadsheet();
  const results: SetupResult['sheets'][number][] = [prepareSettings(spreadsheet), prepareMapping(spreadsheet)];
  const port = sheetsPort(spreadsheet);
  const { settings } = loadSettings(port);
  const { mapping } = loadMapping(port, settings);
  for (const spec of SETUP_SHEETS) {
    const name = localSheetName(mapping, spec.name);
    const named = name === spec.name ? { name } : { name, standard: spec.name };
    const sheet = spreadsheet.getSheetByName(name);
    const found = sheet ? readFound(sheet) : undefined;
    const frame = placeColumns(spec, found, mapping);
    const ruleColumns = [...wantedRules(spec, frame, settings).keys()];
    const decorations = sheet && found && frame.kind !== 'unrecognised' ? readDecorations(sheet, found, frame.headerRow, ruleColumns) : NO_DECORATIONS;
    const plan = planSheet(spec, found, decorations, settings, mapping);
    if (plan.status === 'unrecognised') {
      results.push({ ...named, status: 'skipped', lines: describePlan(plan) });
      continue;
    }
    if (isDone(plan)) {
      const lines = plan.unplaced.length > 0 ? describePlan(plan) : ['必要な列と設定はそろっています。'];
      results.push({ ...named, status: 'unchanged', lines });
      continue;
    }
    const { failed } = carryOut(spreadsheet, sheet, plan);
    const lines = [...describePlan(withoutFailed(plan, failed)), ...failed.map((f) => `${DECORATION_FAILED[f]}。もう一度実行すると、やり直します。`)];
    results.push({ ...named, status: plan.status === 'create' ? 'created' : 'updated', lines });
  }
  return { changed: results.some((r) => r.status === 'created' || r.status === 'updated'), sheets: results };
}

export function showSetupResult(result: SetupResult): void {
  SpreadsheetApp.getUi().showModalDialog(htmlWithData('setup-dialog', result).setWidth(520).setHeight(460), 'シートを準備');
}
