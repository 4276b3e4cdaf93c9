import fc from 'fast-check';
import { anyText } from '../helpers/arbitraries';
import type { CellValue } from '../../src/domain/values/cell';
import { a1 } from '../../src/domain/values/cell';
import { CONSULTATION_COLUMNS } from '../../src/domain/sheets/consultations';
import { defaultSettings } from '../../src/domain/sheets/settings';
import type { RawSheet } from '../../src/domain/sheets/table';
import { readWorkbook, type WorkbookReading } from '../../src/domain/sheets/workbook-check';
import { corpus, type CorpusCase } from './cases';

const settings = { settings: defaultSettings('コーパス'), issues: [] };
const TODAY = '2026-11-23';
const JAPANESE = /[ぁ-んァ-ヶ一-龯]/;
const A1 = /^[A-Z]{1,3}[1-9]\d*$/;

function rawOf(c: Pick<CorpusCase, 'sheet' | 'rows' | 'merges' | 'formulas'>): RawSheet {
  return {
    name: c.sheet,
    rows: c.rows.map((values, i) => ({
      rowNumber: i + 1,
      values: [...values],
      formulas: values.map((_, j) => c.formulas?.[a1(i + 1, j + 1)] ?? ''),
    })),
    merges: c.merges ?? [],
  };
}

function read(c: Pick<CorpusCase, 'sheet' | 'rows' | 'merges' | 'formulas'>): WorkbookReading {
  // The 委託 sheets are checked beside a valid 相談記録, so its absence is not what the case is about.
  const consultations: RawSheet = { name: '相談記録', rows: [{ rowNumber: 1, values: CONSULTATION_COLUMNS.map((x) => x.header) }] };
  const raws = new Map<string, RawSheet>([
    ['相談記録', consultations],
    [c.sheet, rawOf(c)],
  ]);
  return readWorkbook(raws, settings, TODAY);
}

/** Every non-blank data row is accounted for: it yields a record, or it has an issue of its own. */
function accountedFor(c: Pick<CorpusCase, 'sheet'>, reading: WorkbookReading): void {
  const sheet = reading.sheets.find((s) => s.sheet === c.sheet);
  const records = c.sheet === '相談記録' ? reading.consultations : c.sheet === '委託契約' ? reading.contracts : reading.delegations;
  // One assertion for all rows (each expect() captures a stack, and a property run makes thousands): it lists every row left out.
  const recorded = new Set(records.map((r) => r.row));
  const reported = new Set(reading.issues.filter((i) => i.sheet === c.sheet).map((i) => i.row));
  const unaccounted = (sheet?.table?.rows ?? []).map((row) => row.rowNumber).filter((n) => !recorded.has(n) && !reported.has(n));
  expect({ unaccounted }).toEqual({ unaccounted: [] });
}

/** Every issue in Japanese, at a valid cell, an error or a warning; one assertion that lists every issue that is not. */
function wellFormed(reading: WorkbookReading): void {
  const malformed = reading.issues.filter((i) => !JAPANESE.test(i.message) || !A1.test(i.cell) || (i.severity !== 'error' && i.severity !== 'warning'));
  expect(malformed).toEqual([]);
}

const cases = corpus();

describe('the bad-input corpus', () => {
  test('has at least 200 cases', () => {
    expect(cases.length).toBeGreaterThanOrEqual(200);
  });

  test.each(cases.map((c) => [c.name, c] as const))('%s', (_name, c) => {
    let reading: WorkbookReading | undefined;
    expect(() => (reading = read(c))).not.toThrow();
    if (!reading) return;
    const row = c.row ?? 2;
    const onRow = reading.issues.filter((i) => i.sheet === c.sheet && i.row === row).map((i) => i.code);
    expect([...onRow].sort()).toEqual([...c.codes].sort());
    if (c.sheetCodes) {
      const sheetLevel = reading.issues
        .filter((i) => i.sheet === c.sheet && (i.code === 'HEADER_MISSING' || i.code === 'HEADER_DUPLICATE' || i.code === 'SHEET_MISSING'))
        .map((i) => i.code);
      expect([...new Set(sheetLevel)].sort()).toEqual([...c.sheetCodes].sort());
    }
    accountedFor(c, reading);
    wellFormed(reading);
  });
});

describe('properties over random rows', () => {
  const anyCell: fc.Arbitrary<CellValue> = fc.oneof(
    fc.string(),
    anyText(),
    fc.constantFrom('電話', 'TEL', '令和8年10月3日', 'H32.1.1', '#REF!', '１２件', '直営', '1171300013', '', '  ', '\u3000', '=A1'),
    fc.integer(),
    fc.double({ noNaN: false }),
    fc.boolean(),
    fc.constant(null),
    fc.record({ kind: fc.constant('date' as const), iso: fc.constantFrom('2026-10-03', '2099-01-01', '2026-02-30', 'not-a-date') }),
  );
  for (const sheet of ['相談記録', '委託契約', '委託実績'] as const) {
    test(`${sheet}: no input throws, every row is accounted for, every issue is Japanese with a valid cell`, () => {
      const header = sheet === '相談記録' ? CONSULTATION_COLUMNS.map((c) => c.header) : undefined;
      fc.assert(
        fc.property(fc.array(fc.array(anyCell, { minLength: 0, maxLength: 20 }), { maxLength: 12 }), (rows) => {
          const headerRow = header ?? corpus().find((c) => c.sheet === sheet)?.rows[0] ?? [];
          const reading = read({ sheet, rows: [headerRow, ...rows] });
          accountedFor({ sheet }, reading);
          wellFormed(reading);
        }),
        { numRuns: 150 },
      );
    });
  }
});
