import { crossTab, sumTables, tally, totalsOf } from '../../src/domain/reports/count-table';

/** Count tables: nothing counted is dropped (未分類), a clean table has no 未分類, sums keep labels apart. */

interface Item {
  readonly method?: string;
  readonly requester?: string;
}
const methodOf = (x: Item): string | undefined => x.method;
const requesterOf = (x: Item): string | undefined => x.requester;

describe('crossTab', () => {
  test('counts into the fixed order; a missing or unknown label goes to 未分類, empty rows of the order stay', () => {
    const items: Item[] = [
      { method: '電話', requester: '本人' },
      { method: '電話', requester: '本人' },
      { method: '来所', requester: '家族' },
      { method: '伝書鳩', requester: '本人' },
      { requester: '宇宙人' },
      { method: '来所' },
    ];
    expect(crossTab(items, methodOf, requesterOf, ['電話', '来所', '訪問'], ['本人', '家族'])).toEqual({
      rows: ['電話', '来所', '訪問', '未分類'],
      columns: ['本人', '家族', '未分類'],
      cells: [
        [2, 0, 0],
        [0, 1, 1],
        [0, 0, 0],
        [1, 0, 1],
      ],
    });
  });

  test('a table with nothing unclassified has no 未分類 row or column', () => {
    expect(crossTab([{ method: '来所', requester: '家族' }], methodOf, requesterOf, ['電話', '来所', '訪問'], ['本人', '家族'])).toEqual({
      rows: ['電話', '来所', '訪問'],
      columns: ['本人', '家族'],
      cells: [
        [0, 0],
        [0, 1],
        [0, 0],
      ],
    });
  });

  test('未分類 only where something was unclassified: a row without a column, a column without a row', () => {
    expect(crossTab([{ requester: '本人' }], methodOf, requesterOf, ['電話'], ['本人'])).toEqual({
      rows: ['電話', '未分類'],
      columns: ['本人'],
      cells: [[0], [1]],
    });
    expect(crossTab([{ method: '電話', requester: '宇宙人' }], methodOf, requesterOf, ['電話'], ['本人'])).toEqual({
      rows: ['電話'],
      columns: ['本人', '未分類'],
      cells: [[0, 1]],
    });
  });

  test('nothing to count: the order’s labels with zeros', () => {
    expect(crossTab([], methodOf, requesterOf, ['電話', '来所'], ['本人'])).toEqual({ rows: ['電話', '来所'], columns: ['本人'], cells: [[0], [0]] });
    expect(crossTab([], methodOf, requesterOf, [], [])).toEqual({ rows: [], columns: [], cells: [] });
  });
});

describe('totalsOf', () => {
  test('row totals, column totals and the grand total', () => {
    expect(
      totalsOf({
        rows: ['a', 'b'],
        columns: ['x', 'y', 'z'],
        cells: [
          [1, 2, 3],
          [4, 5, 6],
        ],
      }),
    ).toEqual({ rowTotals: [6, 15], columnTotals: [5, 7, 9], total: 21 });
  });
});

describe('sumTables', () => {
  test('the union of labels in the order first seen, 未分類 last; every count lands under its own labels', () => {
    const a = {
      rows: ['電話', '来所'],
      columns: ['本人', '家族'],
      cells: [
        [1, 2],
        [3, 4],
      ],
    };
    const b = {
      rows: ['来所', '未分類', '訪問'],
      columns: ['家族', '本人', '行政'],
      cells: [
        [10, 20, 30],
        [1, 1, 1],
        [5, 0, 0],
      ],
    };
    expect(sumTables([a, b])).toEqual({
      rows: ['電話', '来所', '訪問', '未分類'],
      columns: ['本人', '家族', '行政'],
      cells: [
        [1, 2, 0],
        [23, 14, 30],
        [0, 5, 0],
        [1, 1, 1],
      ],
    });
  });

  test('未分類 seen first (a center whose only row was unclassified) still goes last, in rows and in columns', () => {
    const onlyUnclassified = { rows: ['未分類'], columns: ['未分類', '本人'], cells: [[2, 1]] };
    const other = { rows: ['保健師等', '未分類'], columns: ['本人'], cells: [[3], [1]] };
    expect(sumTables([onlyUnclassified, other])).toEqual({
      rows: ['保健師等', '未分類'],
      columns: ['本人', '未分類'],
      cells: [
        [3, 0],
        [2, 2],
      ],
    });
  });

  test('no tables: an empty table', () => {
    expect(sumTables([])).toEqual({ rows: [], columns: [], cells: [] });
  });
});

describe('tally', () => {
  test('one column 件数; missing and unknown keys under 未分類', () => {
    const keys = ['保健師等', '保健師等', undefined, '謎'];
    expect(tally(keys, (k) => k, ['保健師等', '社会福祉士等'])).toEqual({
      rows: ['保健師等', '社会福祉士等', '未分類'],
      columns: ['件数'],
      cells: [[2], [0], [2]],
    });
    expect(tally(['社会福祉士等'], (k) => k, ['保健師等', '社会福祉士等'])).toEqual({
      rows: ['保健師等', '社会福祉士等'],
      columns: ['件数'],
      cells: [[0], [1]],
    });
  });
});
