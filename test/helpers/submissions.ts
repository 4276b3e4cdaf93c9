import type { CellValue } from '../../src/domain/values/cell';
import { buildMonthlyReport } from '../../src/domain/reports/monthly-report';
import { readSettings, SETTINGS_SHEET } from '../../src/domain/sheets/settings';
import { type Submission, toSubmission } from '../../src/domain/reports/submission';
import { storedSubmissionRows, withSubmission } from '../../src/domain/reports/submission-store';
import type { RawSheet } from '../../src/domain/sheets/table';
import { readWorkbook } from '../../src/domain/sheets/workbook-check';
import { HONJO_CENTERS, sampleCenterWorkbook } from '../../src/sample/center';

export function rawOf(name: string, rows: readonly (readonly CellValue[])[]): RawSheet {
  return { name, rows: rows.map((values, i) => ({ rowNumber: i + 1, values: [...values] })) };
}

/** A sample center's submission for a month, made the way 「市へ提出」 makes it (through the domain). */
export function sampleSubmission(centerIndex: number, month: string, seed = 7): Submission {
  const center = HONJO_CENTERS[centerIndex];
  if (!center) throw new Error(`no sample center ${centerIndex}`);
  const book = sampleCenterWorkbook(center, seed);
  const raws = new Map(book.sheets.map((s) => [s.name, rawOf(s.name, s.rows)] as const));
  const settings = readSettings(raws.get(SETTINGS_SHEET), center.name);
  const reading = readWorkbook(raws, settings, '2026-11-23');
  const report = buildMonthlyReport({
    settings: reading.settings,
    month,
    consultations: reading.consultations,
    contracts: reading.contracts,
    delegations: reading.delegations,
    issues: reading.issues,
  });
  return toSubmission(report, '2021-03-05T01:00:00.000Z', '2021-03-05T01:00:00.000Z');
}

/** The rows of `_提出データ` holding these submissions. */
export function storeRows(submissions: readonly Submission[]): CellValue[][] {
  let list = withSubmission([], { kind: 'x', period: 'x', submittedAt: '', fingerprint: '', schemaVersion: 0, json: '' }).slice(1);
  for (const s of submissions) {
    list = withSubmission(list, {
      kind: s.kind,
      period: s.month,
      submittedAt: s.submittedAt ?? '',
      fingerprint: s.fingerprint,
      schemaVersion: s.schemaVersion,
      json: JSON.stringify(s),
    });
  }
  return storedSubmissionRows(list);
}
