import { unzipSync } from 'fflate';
import { readFile } from 'node:fs/promises';
import { basename, extname } from 'node:path';
import type { RawSheet } from '../domain/sheets/table';
import { JAPAN_TIME_ZONE, todayIn } from '../workbook/cell-values';
import { partialReadBlocks, type WorkbookPort } from '../workbook/port';
import { unreadableFile } from './xlsx-port';
import { readDateStyles, readSharedStrings, readWorkbookPart, type WorkbookPart } from './xlsx-read-parts';
import { readSheetXml, type SheetContext } from './xlsx-read-sheet';

/**
 * The fast reader of .xlsx files, for every command that only reads a workbook (check without -o, the center's
 * workbook in report, the 提出用 files in consolidate and evaluate). exceljs builds the whole workbook in memory,
 * every sheet and style of it, and takes longer to read a sheet than its own streaming reader; this reader
 * inflates (fflate) and reads (xlsx-read-xml.ts) only the parts a command asks for, a sheet when it is first
 * read. Its values are those the exceljs path gives (xlsx-read-sheet.ts). Writing stays on exceljs.
 */

/** The parts of a zip by name (without a leading '/', as exceljs names them), each inflated when asked for. */
class ZipParts {
  private readonly names = new Map<string, string>();

  constructor(private readonly data: Uint8Array) {
    unzipSync(data, {
      filter: (file) => {
        this.names.set(file.name.replace(/^\//, ''), file.name);
        return false;
      },
    });
  }

  has(part: string): boolean {
    return this.names.has(part);
  }

  text(part: string): string | undefined {
    const name = this.names.get(part);
    if (name === undefined) return undefined;
    const bytes = unzipSync(this.data, { filter: (file) => file.name === name })[name];
    return bytes && new TextDecoder().decode(bytes);
  }
}

/** A workbook opened for reading: WorkbookPort's reads; its writes refuse (nothing here is ever saved). */
export interface XlsxReader extends WorkbookPort {
  readonly path: string;
  sheetNames(): string[];
}

/** Opens an .xlsx file for reading; its name without extension is the default センター名. Same errors as openXlsx. */
export async function openXlsxReader(path: string, today: string = todayIn(JAPAN_TIME_ZONE)): Promise<XlsxReader> {
  let zip: ZipParts;
  let book: WorkbookPart;
  try {
    zip = new ZipParts(await readFile(path));
    // A zip without a workbook part (an .ods, a .docx) is no workbook of no sheets: unreadableFile says what it is.
    if (!zip.has('xl/workbook.xml')) throw new Error('xl/workbook.xml がありません');
    book = readWorkbookPart(zip.text('xl/workbook.xml'), zip.text('xl/_rels/workbook.xml.rels'), (part) => zip.has(part));
  } catch (error) {
    throw unreadableFile(path, error);
  }
  let context: SheetContext | undefined;
  const sheetContext = (): SheetContext => {
    if (!context) {
      const strings = zip.text('xl/sharedStrings.xml');
      const styles = zip.text('xl/styles.xml');
      context = {
        sharedStrings: strings === undefined ? undefined : readSharedStrings(strings),
        dateStyles: styles === undefined ? [] : readDateStyles(styles),
        date1904: book.date1904,
      };
    }
    return context;
  };
  const readSheet = (name: string): RawSheet | undefined => {
    const sheet = book.sheets.find((s) => s.name === name);
    if (!sheet) return undefined;
    try {
      return readSheetXml(name, zip.text(sheet.part) ?? '', sheetContext());
    } catch (error) {
      // exceljs reads every part when it opens a file; here a part is read when asked for, with the same error.
      throw unreadableFile(path, error);
    }
  };
  const readOnly = (): never => {
    throw new Error(`「${path}」は読むためだけに開いています。書き込むには openXlsx で開いてください。`);
  };
  return {
    path,
    name: basename(path, extname(path)),
    today: () => today,
    // A local file: listing and reading its sheets costs no service call.
    cheapReads: true,
    sheetNames: () => book.sheets.map((s) => s.name),
    readSheet,
    readRows(name, first, count) {
      const sheet = readSheet(name);
      if (!sheet) return undefined;
      const blocks = partialReadBlocks(first, count);
      const rows = sheet.rows.filter((r) => blocks.some((b) => r.rowNumber >= b.first && r.rowNumber < b.first + b.count));
      return { ...sheet, rows };
    },
    readStyles: readOnly,
    writeStyles: readOnly,
    replaceSheet: readOnly,
    patchCells: readOnly,
    removeSheet: readOnly,
    appendRows: readOnly,
    writeOwnRows: readOnly,
  };
}
