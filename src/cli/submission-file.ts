import type * as ExcelJS from 'exceljs';
import { existsSync } from 'node:fs';
import { basename } from 'node:path';
import type { SubmissionFile } from '../workbook/submission-target';
import { loadExcelJS, openXlsx, replaceXlsxSheet, xlsxPort } from './xlsx-port';
import { saveXlsx } from './xlsx-save';

/** A center's 提出用 workbook on disk (SPEC §6): changed in memory, written by save() in one step. */
export interface XlsxSubmissionFile extends SubmissionFile {
  readonly workbook: ExcelJS.Workbook;
  save(): Promise<void>;
}

/**
 * Opens the 提出用 workbook at `path`, or a new one when there is none and `create` is set. A file that is
 * there but is not an .xlsx workbook is an UnreadableFileError (it is never overwritten).
 */
export async function openSubmissionFile(path: string, options: { create: boolean }): Promise<XlsxSubmissionFile> {
  const port = existsSync(path) || !options.create ? await openXlsx(path) : undefined;
  const workbook = port?.workbook ?? new (loadExcelJS().Workbook)();
  if (!port) workbook.creator = '包括支援シート';
  const reader = port ?? xlsxPort(workbook, basename(path));
  let broken = false;
  return {
    location: path,
    workbook,
    sheetNames: () => workbook.worksheets.map((ws) => ws.name),
    readSheet: (name) => reader.readSheet(name),
    replaceSheets(models) {
      // In memory: the file changes only in save(). A model that fails to draw leaves this copy unusable,
      // so that a half-replaced workbook is never written.
      try {
        for (const model of models) replaceXlsxSheet(workbook, model);
      } catch (error) {
        broken = true;
        throw error;
      }
    },
    async save() {
      if (broken) throw new Error(`「${path}」への書き込みを途中で止めました（シートの作成に失敗したため）。ファイルは変えていません。`);
      await saveXlsx(workbook, path);
    },
  };
}
