import type { Issue } from '../domain/issues/issue';
import { localSheetName, MAPPING_SHEET, type MappingReading, readMapping, standardSheetOf } from '../domain/sheets/mapping';
import { CHECKED_ENTRIES, isNeeded, SHEET_REGISTRY, type SheetEntry } from '../domain/sheets/registry';
import { defaultSettings, readSettings, SETTINGS_SHEET, type Settings, type SettingsReading } from '../domain/sheets/settings';
import { type CellRect, HEADER_ZONE_ROWS, type RawSheet } from '../domain/sheets/table';
import { checkSheet, isCheckedSheet, missingSheets, readWorkbook, type WorkbookReading } from '../domain/sheets/workbook-check';
import { restyle } from './marks';
import { REPORT_SHEET_PREFIX } from './report-layout';
import type { WorkbookPort } from './port';

export function loadSettings(port: WorkbookPort): SettingsReading {
  return readSettings(port.readSheet(SETTINGS_SHEET), () => port.name);
}

/** 読み替え: the center's own names and words for the standard ones (none when the sheet is not there). */
export function loadMapping(port: WorkbookPort, settings: Settings): MappingReading {
  return readMapping(port.readSheet(MAPPING_SHEET), settings);
}

/**
 * Reads 設定, 読み替え and every checked sheet once, into records and issues (what 入力チェック, 表記を整える and 月報
 * share). `raws` holds each sheet by its name in the spreadsheet (the center's own, where 読み替え gives one).
 * A job that needs fewer sheets names them (`wanted`); the others are read as absent.
 */
export function loadWorkbook(
  port: WorkbookPort,
  wanted: (entry: SheetEntry) => boolean = () => true,
): { reading: WorkbookReading; raws: Map<string, RawSheet | undefined> } {
  const settings = loadSettings(port);
  const mapping = loadMapping(port, settings.settings);
  const raws = new Map<string, RawSheet | undefined>();
  if (mapping.raw) raws.set(MAPPING_SHEET, mapping.raw);
  const read = (standard: string): void => {
    const name = localSheetName(mapping.mapping, standard);
    raws.set(name, port.readSheet(name));
  };
  for (const entry of CHECKED_ENTRIES.filter(wanted)) read(entry.name);
  // A list read only for other sheets (評価指標) is read only when a sheet that needs it is there.
  const present = (standard: string): boolean => raws.get(localSheetName(mapping.mapping, standard)) !== undefined;
  for (const entry of SHEET_REGISTRY.filter((e) => !e.check && wanted(e) && isNeeded(e, present))) read(entry.name);
  const reading = readWorkbook(raws, settings, port.today(), mapping, unreadSheets(port, raws, mapping));
  return { reading, raws };
}

/** Sheets the add-on writes (月報_…, _変更履歴, _提出データ…): never a center's ledger. */
const isGenerated = (name: string): boolean => name.startsWith('_') || name.startsWith(REPORT_SHEET_PREFIX);

/**
 * The sheets nothing reads (not 設定, not 読み替え, not one the add-on writes, not one read as a standard sheet), their
 * header zone read, for readWorkbook to name the one like a missing sheet and to offer them all for 読み替え. Looked
 * through only when a checked sheet the job wants is missing; over SpreadsheetApp only when that is 相談記録, the one
 * a check cannot do without (each sheet read there is a round trip).
 */
function unreadSheets(port: WorkbookPort, raws: ReadonlyMap<string, RawSheet | undefined>, mapping: MappingReading): RawSheet[] | undefined {
  if (!missingSheets(raws, mapping.mapping).some((e) => port.cheapReads || !e.optional)) return undefined;
  return port
    .sheetNames()
    .filter(
      (name) =>
        name !== SETTINGS_SHEET && name !== MAPPING_SHEET && !isGenerated(name) && !raws.has(name) && standardSheetOf(mapping.mapping, name) === undefined,
    )
    .flatMap((name) => {
      // Only advice rides on this look: a sheet that cannot be read as cells (a chart sheet) is passed over, and the
      // check goes on.
      try {
        return [port.readRows(name, 1, HEADER_ZONE_ROWS) ?? { name, rows: [] }];
      } catch {
        return [];
      }
    });
}

/** The data rows a sheet has below its header, all columns: the block whose marks a check owns. */
function dataRect(raw: RawSheet, headerRow: number): CellRect | undefined {
  const last = raw.rows[raw.rows.length - 1];
  if (!last || last.rowNumber <= headerRow) return undefined;
  const width = raw.rows.reduce((w, r) => Math.max(w, r.values.length), 0);
  return { row: headerRow + 1, column: 1, numRows: last.rowNumber - headerRow, numColumns: width };
}

function mark(port: WorkbookPort, sheet: string, rect: CellRect | undefined, issues: readonly Issue[]): void {
  if (!rect || rect.numColumns === 0 || rect.numRows <= 0) return;
  const next = restyle(rect, port.readStyles(sheet, rect), issues);
  if (next) port.writeStyles(sheet, rect, next);
}

/**
 * 「入力チェック」: checks every row of every checked sheet, marks the bad cells and clears marks that no
 * longer apply. Changes no data.
 */
export function checkWorkbook(port: WorkbookPort, options: { mark: boolean } = { mark: true }): WorkbookReading {
  const { reading, raws } = loadWorkbook(port);
  if (options.mark) {
    for (const sheet of reading.sheets) {
      const raw = raws.get(sheet.sheet);
      if (raw && sheet.table) mark(port, sheet.sheet, dataRect(raw, sheet.table.headerRow), sheet.issues);
    }
  }
  return reading;
}

/** Settings enough to tell which sheets 読み替え maps: that depends on neither 設定 nor the center's name. */
const SHEET_NAMES_ONLY = defaultSettings('');

/**
 * onEdit: checks and marks only the edited rows (a paste of many rows included). Rows at or above the
 * header are left alone. Returns undefined when the edited sheet is not one the product checks.
 */
export function checkEditedRows(port: WorkbookPort, sheet: string, first: number, count: number): Issue[] | undefined {
  // The edited sheet may be the center's own name for a checked sheet, or 読み替え itself. Which sheets are
  // mapped does not depend on 設定, so an edit elsewhere costs only the read of 読み替え.
  const mappingRaw = port.readSheet(MAPPING_SHEET);
  if (!isCheckedSheet(sheet, readMapping(mappingRaw, SHEET_NAMES_ONLY).mapping)) return undefined;
  const { settings } = loadSettings(port);
  const mapping = readMapping(mappingRaw, settings);
  const raw = sheet === MAPPING_SHEET ? mapping.raw : port.readRows(sheet, first, count);
  if (!raw) return undefined;
  const result = checkSheet(sheet, raw, { settings, today: port.today() }, mapping);
  if (!result.table) return result.issues;
  const top = Math.max(first, result.table.headerRow + 1);
  const width = raw.rows.reduce((w, r) => Math.max(w, r.values.length), 0);
  const inRows = result.issues.filter((i) => i.row >= top && i.row < first + count);
  mark(port, sheet, { row: top, column: 1, numRows: first + count - top, numColumns: width }, inRows);
  return inRows;
}
