import type * as ExcelJS from 'exceljs';
import { posix } from 'node:path';
import { CLOSE, END, OPEN, TEXT, XmlCursor } from './xlsx-read-xml';

/**
 * The small parts of an .xlsx file the reader needs besides the sheets: the workbook (its sheets and date
 * system), its relationships, the styles (which cells hold dates) and the shared strings. Each is read as
 * exceljs reads it, so that a cell comes out as the exceljs path has always given it (xlsx-read-sheet.ts).
 */

/** A shared string as exceljs gives it: text, rich text runs, or `{}` for an `<si>` with neither. */
export type SharedString = string | ExcelJS.CellRichTextValue | Record<string, never>;

/** `_x000D_` and the like: characters Excel writes escaped in text (upper-case hex only, as exceljs reads them). */
function unescapeText(text: string): string {
  return text.includes('_x') ? text.replace(/_x([0-9A-F]{4})_/g, (_m, hex: string) => String.fromCharCode(parseInt(hex, 16))) : text;
}

/** After the OPEN of `<t>`: its text up to `</t>`, unescaped. */
function readT(cur: XmlCursor): string {
  let text = '';
  for (let kind = cur.next(); kind !== END; kind = cur.next()) {
    if (kind === TEXT) text += cur.text;
    else if (kind === CLOSE && cur.name === 't') break;
  }
  return unescapeText(text);
}

/** After the OPEN of a rich text run `<r>`: the text of its `<t>` ('' when it has none), its font left aside. */
export function readRun(cur: XmlCursor): ExcelJS.RichText {
  let text = '';
  for (let kind = cur.next(); kind !== END; kind = cur.next()) {
    if (kind === OPEN && cur.name === 't') text = readT(cur);
    else if (kind === CLOSE && cur.name === 'r') break;
  }
  return { text };
}

/**
 * One `<si>`: its `<t>`, else its runs. Phonetic runs (`<rPh>`, the furigana of Japanese text) are not
 * part of the text.
 */
function readSharedString(cur: XmlCursor): SharedString {
  let text: string | undefined;
  let runs: ExcelJS.RichText[] | undefined;
  for (let kind = cur.next(); kind !== END; kind = cur.next()) {
    if (kind === CLOSE && cur.name === 'si') break;
    if (kind !== OPEN) continue;
    if (cur.name === 't') text = readT(cur);
    else if (cur.name === 'r') (runs ??= []).push(readRun(cur));
    else if (cur.name === 'rPh') cur.skipElement();
  }
  if (text !== undefined) return text;
  return runs ? { richText: runs } : {};
}

export function readSharedStrings(xml: string): SharedString[] {
  const cur = new XmlCursor(xml);
  const strings: SharedString[] = [];
  for (let kind = cur.next(); kind !== END; kind = cur.next()) if (kind === OPEN && cur.name === 'si') strings.push(readSharedString(cur));
  return strings;
}

/**
 * exceljs' test for a date format (utils.isDateFmt), kept as it is: what it took for a date the domain has
 * always been given as a date. Text in brackets (`[$-ja-JP]`, `[Red]`) and in quotes is not looked at.
 */
export function isDateFormat(format: string): boolean {
  return /[ymdhMsb]/.test(format.replace(/\[[^\]]*]/g, '').replace(/"[^"]*"/g, ''));
}

/**
 * The built-in formats that are dates or times in every locale (ECMA-376 Part 1, §18.8.30), which a file names by
 * id alone: 14–22 (m/d/yy, d-mmm-yy, … h:mm:ss) and 45–47 (mm:ss, [h]:mm:ss, mmss.0).
 */
const BUILT_IN_DATE_FORMATS = new Set([14, 15, 16, 17, 18, 19, 20, 21, 22, 45, 46, 47]);

/**
 * The East Asian built-ins (27–36, 50–58, §18.8.30): dates and times in each of the four locales that define
 * them, and what a Japanese Excel writes when a date is given a format from its list (令和8年10月3日 is 58,
 * 2026年10月3日 is 31), with no code in the file. exceljs knows none of them and read such a date as its serial
 * number, which the check then took for a date typed as a number. Their Japanese codes, for the exceljs path
 * (excelJsReadable in xlsx-port.ts), which needs a code to see a date, and for a copy it writes to show the date
 * as the center's Excel did.
 */
export const EAST_ASIAN_DATE_FORMATS: ReadonlyMap<number, string> = new Map([
  [27, '[$-411]ge.m.d'],
  [28, '[$-411]ggge"年"m"月"d"日"'],
  [29, '[$-411]ggge"年"m"月"d"日"'],
  [30, 'm/d/yy'],
  [31, 'yyyy"年"m"月"d"日"'],
  [32, 'h"時"mm"分"'],
  [33, 'h"時"mm"分"ss"秒"'],
  [34, 'yyyy"年"m"月"'],
  [35, 'm"月"d"日"'],
  [36, '[$-411]ge.m.d'],
  [50, '[$-411]ge.m.d'],
  [51, '[$-411]ggge"年"m"月"d"日"'],
  [52, 'yyyy"年"m"月"'],
  [53, 'm"月"d"日"'],
  [54, '[$-411]ggge"年"m"月"d"日"'],
  [55, 'yyyy"年"m"月"'],
  [56, 'm"月"d"日"'],
  [57, '[$-411]ge.m.d'],
  [58, '[$-411]ggge"年"m"月"d"日"'],
]);

/**
 * A styles part's number formats: the codes of `<numFmts>` by id (backslash escapes removed) and the `numFmtId` of
 * each cell style (`s` of a cell, the index in `<cellXfs>`).
 */
export function readNumberFormats(xml: string): { readonly codes: ReadonlyMap<number, string>; readonly styleFormats: readonly number[] } {
  const cur = new XmlCursor(xml);
  const codes = new Map<number, string>();
  const styleFormats: number[] = [];
  let inNumFmts = false;
  let inCellXfs = false;
  for (let kind = cur.next(); kind !== END; kind = cur.next()) {
    if (kind === CLOSE) {
      if (cur.name === 'numFmts') inNumFmts = false;
      else if (cur.name === 'cellXfs') inCellXfs = false;
    }
    if (kind !== OPEN) continue;
    if (cur.name === 'numFmts') inNumFmts = true;
    else if (cur.name === 'cellXfs') inCellXfs = true;
    else if (cur.name === 'numFmt' && inNumFmts) {
      const code = cur.attr('formatCode');
      if (code !== undefined) codes.set(parseInt(cur.attr('numFmtId') ?? '', 10), code.replace(/[\\](.)/g, '$1'));
    } else if (cur.name === 'xf' && inCellXfs) styleFormats.push(parseInt(cur.attr('numFmtId') ?? '', 10));
  }
  return { codes, styleFormats };
}

/**
 * Which cell styles show a date: the style's format is one of `<numFmts>` that exceljs takes for a date, or a
 * built-in date format.
 */
export function readDateStyles(xml: string): boolean[] {
  const { codes, styleFormats } = readNumberFormats(xml);
  return styleFormats.map((id) => {
    if (!id) return false;
    const custom = codes.get(id);
    return custom ? isDateFormat(custom) : BUILT_IN_DATE_FORMATS.has(id) || EAST_ASIAN_DATE_FORMATS.has(id);
  });
}

export interface WorkbookSheet {
  readonly name: string;
  /** The sheet's XML in the zip, e.g. `xl/worksheets/sheet1.xml`. */
  readonly part: string;
}

export interface WorkbookPart {
  /** The worksheets in tab order (chart sheets and the like left out, as exceljs leaves them out). */
  readonly sheets: readonly WorkbookSheet[];
  /** Dates count from 1904-01-01 (Excel for Mac's old default) instead of 1900-01-00. */
  readonly date1904: boolean;
}

interface Relationship {
  readonly target: string;
  readonly type: string;
}

function readRelationships(xml: string | undefined): Map<string, Relationship> {
  const rels = new Map<string, Relationship>();
  if (xml === undefined) return rels;
  const cur = new XmlCursor(xml);
  for (let kind = cur.next(); kind !== END; kind = cur.next()) {
    if (kind !== OPEN || cur.name !== 'Relationship') continue;
    const id = cur.attr('Id');
    if (id !== undefined) rels.set(id, { target: cur.attr('Target') ?? '', type: cur.attr('Type') ?? '' });
  }
  return rels;
}

/** A target of `xl/_rels/workbook.xml.rels` as a path in the zip: relative to `xl/`, or from the root. */
function partOf(target: string): string {
  return target.startsWith('/') ? target.slice(1) : posix.normalize(`xl/${target}`);
}

/**
 * `xl/workbook.xml` with its relationships: the name and part of every worksheet, without reading any of
 * them. A file without a workbook part has no sheets (exceljs opens it so too).
 */
export function readWorkbookPart(workbook: string | undefined, relationships: string | undefined, exists: (part: string) => boolean): WorkbookPart {
  if (workbook === undefined) return { sheets: [], date1904: false };
  const rels = readRelationships(relationships);
  const sheets: WorkbookSheet[] = [];
  let date1904 = false;
  const cur = new XmlCursor(workbook);
  for (let kind = cur.next(); kind !== END; kind = cur.next()) {
    if (kind !== OPEN) continue;
    if (cur.name === 'workbookPr') {
      const value = cur.attr('date1904');
      date1904 = value === '1' || value === 'true';
    } else if (cur.name === 'sheet') {
      const rel = rels.get(cur.attr('r:id') ?? '');
      const name = cur.attr('name');
      if (!rel || name === undefined || !rel.type.endsWith('/worksheet')) continue;
      const part = partOf(rel.target);
      if (exists(part)) sheets.push({ name, part });
    }
  }
  return { sheets, date1904 };
}
