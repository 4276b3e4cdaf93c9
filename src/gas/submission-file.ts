import { type CellValue, isSheetDate } from '../domain/values/cell';
import type { RawSheet } from '../domain/sheets/table';
import { JAPAN_TIME_ZONE, toCellValues } from '../workbook/cell-values';
import { type BlockStyle, extentOf, rectangular, type SheetModel } from '../workbook/sheet-model';
import type { SubmissionFile } from '../workbook/submission-target';
import { UserFacingError } from './report';

/**
 * The 提出用ファイル through the Sheets API (advanced service `Sheets`, v4). The center reaches it under
 * `drive.file` (only files this add-on created for the person), the city under `spreadsheets`; SpreadsheetApp
 * would need `spreadsheets` on the center's side too, which would let the add-on open every file the staff can.
 * Reading is two requests whatever the file holds; writing is one batchUpdate, which Google applies
 * atomically: all the requests, or none of them.
 */
type Api = GoogleAppsScript.Sheets;
type CellData = GoogleAppsScript.Sheets.Schema.CellData;
type Request = GoogleAppsScript.Sheets.Schema.Request;
type SheetProperties = GoogleAppsScript.Sheets.Schema.SheetProperties;

export function sheetsApi(): Api {
  // An advanced service that is not enabled is not defined at all: typeof is the one safe test.
  if (typeof Sheets === 'undefined' || !Sheets) {
    throw new UserFacingError(
      'Google Sheets API（詳細サービス「Sheets」）が有効になっていません。Apps Script エディタの「サービス」で Google Sheets API を追加するか、README の手順で push し直してください。',
    );
  }
  return Sheets;
}

export function spreadsheetUrl(id: string): string {
  return `https://docs.google.com/spreadsheets/d/${id}/edit`;
}

/** A sheet title in A1 notation: quoted, with quotes doubled. */
function quoted(title: string): string {
  return `'${title.replace(/'/g, "''")}'`;
}

/** A cell as the API takes it: a string is a stringValue, which Sheets never runs as a formula. */
function cellData(value: CellValue, style: BlockStyle | undefined): CellData {
  const cell: CellData = {};
  if (value !== null && value !== '') {
    if (typeof value === 'number') cell.userEnteredValue = { numberValue: value };
    else if (typeof value === 'boolean') cell.userEnteredValue = { boolValue: value };
    else cell.userEnteredValue = { stringValue: isSheetDate(value) ? value.iso : value };
  }
  const format = formatOf(style);
  if (format) cell.userEnteredFormat = format;
  return cell;
}

function colour(hex: string): GoogleAppsScript.Sheets.Schema.Color {
  const n = parseInt(hex.slice(1), 16);
  return { red: ((n >> 16) & 255) / 255, green: ((n >> 8) & 255) / 255, blue: (n & 255) / 255 };
}

function formatOf(style: BlockStyle | undefined): GoogleAppsScript.Sheets.Schema.CellFormat | undefined {
  if (!style || Object.keys(style).length === 0) return undefined;
  const format: GoogleAppsScript.Sheets.Schema.CellFormat = {};
  if (style.bold || style.italic || style.fontSize) format.textFormat = { bold: style.bold, italic: style.italic, fontSize: style.fontSize };
  if (style.background) format.backgroundColor = colour(style.background);
  if (style.numberFormat) format.numberFormat = { type: 'NUMBER', pattern: style.numberFormat };
  return format;
}

/** The requests that draw a model on the sheet `sheetId`: one updateCells per block, one repeatCell per accent. */
function drawRequests(model: SheetModel, sheetId: number): Request[] {
  const requests: Request[] = [];
  for (const block of model.blocks) {
    const values = rectangular(block.values);
    if (values.length === 0 || (values[0]?.length ?? 0) === 0) continue;
    requests.push({
      updateCells: {
        start: { sheetId, rowIndex: block.row - 1, columnIndex: block.column - 1 },
        rows: values.map((row) => ({ values: row.map((v) => cellData(v, block.style)) })),
        fields: 'userEnteredValue,userEnteredFormat',
      },
    });
    for (const accent of block.accents ?? []) {
      const r = accent.rect;
      const format = formatOf(accent.style);
      if (!format) continue;
      requests.push({
        repeatCell: {
          range: {
            sheetId,
            startRowIndex: r.row - 1,
            endRowIndex: r.row - 1 + r.numRows,
            startColumnIndex: r.column - 1,
            endColumnIndex: r.column - 1 + r.numColumns,
          },
          cell: { userEnteredFormat: format },
          fields: 'userEnteredFormat',
        },
      });
    }
  }
  (model.columnWidths ?? []).forEach((px, i) => {
    requests.push({
      updateDimensionProperties: {
        range: { sheetId, dimension: 'COLUMNS', startIndex: i, endIndex: i + 1 },
        properties: { pixelSize: px },
        fields: 'pixelSize',
      },
    });
  });
  return requests;
}

/** Sheet ids for new sheets: not in use, and deterministic so that runs can be compared. */
function freeIds(used: ReadonlySet<number>, count: number): number[] {
  const ids: number[] = [];
  for (let id = 1000001; ids.length < count; id++) if (!used.has(id)) ids.push(id);
  return ids;
}

/** A 提出用ファイル by its spreadsheet id. */
export function sheetsApiFile(id: string): SubmissionFile & { readonly id: string } {
  let sheets: SheetProperties[] | undefined;
  const properties = (): SheetProperties[] => {
    sheets ??= (sheetsApi().Spreadsheets.get(id, { fields: 'sheets.properties(sheetId,title,index,hidden)' }).sheets ?? []).map((s) => s.properties ?? {});
    return sheets;
  };
  return {
    id,
    location: spreadsheetUrl(id),
    sheetNames: () => properties().map((p) => p.title ?? ''),
    readSheet(name): RawSheet | undefined {
      if (!properties().some((p) => p.title === name)) return undefined;
      const range = sheetsApi().Spreadsheets.Values.get(id, quoted(name), { valueRenderOption: 'UNFORMATTED_VALUE', dateTimeRenderOption: 'FORMATTED_STRING' });
      const values = toCellValues((range.values ?? []) as unknown[][], JAPAN_TIME_ZONE);
      return { name, rows: values.map((v, i) => ({ rowNumber: i + 1, values: v })) };
    },
    replaceSheets(models) {
      const current = properties();
      const ids = freeIds(new Set(current.map((p) => p.sheetId ?? -1)), models.length);
      const requests: Request[] = [];
      models.forEach((model, i) => {
        const sheetId = ids[i] as number;
        const { rows, columns } = extentOf(model);
        const old = current.find((p) => p.title === model.name);
        // Built under a temporary name, then given the old one's name and place, all in the same batch.
        requests.push({
          addSheet: {
            properties: {
              sheetId,
              title: `${model.name}（作成中）`,
              hidden: model.hidden ?? false,
              gridProperties: { rowCount: rows, columnCount: columns, frozenRowCount: model.frozenRows ?? 0 },
            },
          },
        });
        requests.push(...drawRequests(model, sheetId));
        if (old) requests.push({ deleteSheet: { sheetId: old.sheetId } });
        requests.push({
          updateSheetProperties: { properties: { sheetId, title: model.name, ...(old ? { index: old.index } : {}) }, fields: old ? 'title,index' : 'title' },
        });
      });
      sheetsApi().Spreadsheets.batchUpdate({ requests }, id);
      sheets = undefined;
    },
  };
}

/** Creates an empty 提出用ファイル (one `_提出データ` sheet, Japanese locale and time). */
export function createSpreadsheetFile(title: string, firstSheet: string): SubmissionFile & { readonly id: string } {
  const created = sheetsApi().Spreadsheets.create({
    properties: { title, locale: 'ja_JP', timeZone: JAPAN_TIME_ZONE },
    sheets: [{ properties: { title: firstSheet } }],
  });
  if (!created.spreadsheetId)
    throw new UserFacingError('提出用ファイルを作れませんでした（Google から ID が返りませんでした）。時間をおいてもう一度お試しください。');
  return sheetsApiFile(created.spreadsheetId);
}
