import { buildMonthlyReport } from '../../src/domain/reports/monthly-report';
import { defaultSettings } from '../../src/domain/sheets/settings';
import { reportSheet } from '../../src/workbook/report-layout';
import type { SheetModel } from '../../src/workbook/sheet-model';

/** 月報 section 9's layout: the rows whose date could not be read are said aloud, and the section is last. */

const cellsOf = (sheet: SheetModel): unknown[][] => {
  const grid: unknown[][] = [];
  for (const b of sheet.blocks) b.values.forEach((r, i) => (grid[b.row - 1 + i] = [...r]));
  return grid;
};

function sheetFor(heldOn: string | undefined, receivedOn: string | undefined): unknown[][] {
  const report = buildMonthlyReport({
    settings: defaultSettings('本庄西'),
    month: '2026-10',
    consultations: [],
    contracts: [],
    delegations: [],
    activities: [{ row: 2, ...(heldOn ? { heldOn } : {}), kind: '職員研修', participants: 5, professions: [] }],
    complaints: [{ row: 2, ...(receivedOn ? { receivedOn } : {}) }],
    issues: [],
  });
  return cellsOf(reportSheet(report, { createdAt: '2026-11-02 09:00' }));
}

test('undated rows: a line each under the section title, counted in no month', () => {
  const rows = sheetFor(undefined, undefined);
  const at = rows.findIndex((r) => r?.[0] === '■ 9. 活動・苦情');
  expect(rows[at + 1]).toEqual(['実施日が読めない活動: 1 件（どの月にも数えていません。「入力チェック」で実施日を直してください）']);
  expect(rows.find((r) => r?.[0] === '計' && r.length === 3)).toEqual(['計', 0, 0]);
  expect(rows.find((r) => String(r?.[0]).startsWith('受付日が読めない苦情'))).toEqual([
    '受付日が読めない苦情: 1 件（受付・対応中に数えていません。「入力チェック」で受付日を直してください）',
  ]);
  expect(rows.find((r) => r?.[0] === 'この月に受け付けた')).toEqual(['この月に受け付けた', 0]);
});

test('dated rows: no such line; section 9 comes after every other section', () => {
  const rows = sheetFor('2026-10-10', '2026-10-11');
  expect(rows.some((r) => /読めない(活動|苦情)/.test(String(r?.[0])))).toBe(false);
  const sections = rows.filter((r) => String(r?.[0]).startsWith('■ ')).map((r) => r?.[0]);
  expect(sections.at(-1)).toBe('■ 9. 活動・苦情');
  expect(sections.at(-2)).toBe('■ 延べ件数の推移（12か月）');
  expect(rows.find((r) => r?.[0] === '職員研修')).toEqual(['職員研修', 1, 5]);
  expect(rows.find((r) => r?.[0] === 'この月に受け付けた')).toEqual(['この月に受け付けた', 1]);
});

test('公正・中立: the center’s own 法人 by its name and share; without a 運営法人名 in 設定, no share but why', () => {
  const rowOf = (corporation: string): unknown[] | undefined => {
    const report = buildMonthlyReport({
      settings: { ...defaultSettings('本庄西'), corporation },
      month: '2026-10',
      consultations: [],
      contracts: [
        {
          row: 2,
          officeNumber: '1171300013',
          name: 'あおぞら',
          corporation: '社会福祉法人あおぞら会',
          address: '本庄市1',
          municipality: '本庄市',
          kind: '両方',
          start: '2020-04-01',
        },
      ],
      delegations: [{ row: 2, month: '2026-10', officeNumber: '1171300013', direct: false, supportCases: 1, careManagementCases: 1, cases: 2, newCases: 0 }],
      activities: [],
      complaints: [],
      issues: [],
    });
    return cellsOf(reportSheet(report, { createdAt: '2026-11-02 09:00' })).find((r) => r?.[0] === 'センターの運営法人');
  };
  expect(rowOf('社会福祉法人あおぞら会')).toEqual(['センターの運営法人', '社会福祉法人あおぞら会', '100%']);
  expect(rowOf('')).toEqual(['センターの運営法人', '（「設定」の運営法人名が空なので、割合を出せません）', '']);
});
