import { readSettings, SETTINGS_SHEET } from '../../src/domain/sheets/settings';
import type { RawSheet } from '../../src/domain/sheets/table';
import { readWorkbook, type WorkbookReading } from '../../src/domain/sheets/workbook-check';
import type { SampleWorkbook } from '../../src/sample/center';
import { rawSheet } from '../helpers/tables';

/** The day the checks run in these tests; the sample year (2020-03〜2021-02) is long past. */
export const TODAY = '2026-11-23';

/** The sample's sheets read the way an adapter hands them to the domain, and the whole workbook checked. */
export function readSample(sample: SampleWorkbook): WorkbookReading {
  const raws = new Map<string, RawSheet>(sample.sheets.map((s) => [s.name, rawSheet(s.name, s.rows)]));
  return readWorkbook(raws, readSettings(raws.get(SETTINGS_SHEET), sample.center.name), TODAY);
}
