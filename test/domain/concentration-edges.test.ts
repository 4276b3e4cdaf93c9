import { type ConcentrationInput, formatShare, measureConcentration } from '../../src/domain/reports/concentration';
import { corporationKey } from '../../src/domain/values/corporation';

/** 公正・中立 shares at their edges, with hand-counted figures (8 cases: 3 + 3 + 2). */

const M = '2026-10';
const d = (officeNumber: string, cases: number, month = M) => ({ month, officeNumber, direct: officeNumber === '直営', cases });
const c = (officeNumber: string, name: string, corporation: string, start = '2020-04-01', end?: string) => ({
  officeNumber,
  name,
  corporation,
  start,
  ...(end ? { end } : {}),
});

const input = (over: Partial<ConcentrationInput>): ConcentrationInput => ({ delegations: [], contracts: [], ownCorporation: '', threshold: 0.8, ...over });

describe('offices and 法人', () => {
  // Built inside each test: Stryker's per-test coverage sees only code run by a test.
  const result = (): ReturnType<typeof measureConcentration> =>
    measureConcentration(
      input({
        delegations: [d('C', 2), d('B', 3), d('直営', 5), d('A', 1), d('A', 2)],
        contracts: [c('A', 'いろは', '株式会社　トマト'), c('B', 'にほへ', '株式会社トマト'), c('X', 'どこか', '他法人')],
        threshold: 0.7,
      }),
    );

  test('most cases first, ties by 事業所番号; an office with no contract is named by its number; 直営 is left out', () => {
    expect(result().total).toBe(8);
    expect(result().byOffice).toEqual([
      { officeNumber: 'A', name: 'いろは', corporation: '株式会社　トマト', cases: 3, share: 0.375 },
      { officeNumber: 'B', name: 'にほへ', corporation: '株式会社トマト', cases: 3, share: 0.375 },
      { officeNumber: 'C', name: 'C', corporation: '', cases: 2, share: 0.25 },
    ]);
  });

  test('法人 written with or without a space are one; an unknown 法人 is its own', () => {
    expect(result().byCorporation).toEqual([
      { corporation: '株式会社　トマト', cases: 6, share: 0.75 },
      { corporation: '法人名なし（C）', cases: 2, share: 0.25 },
    ]);
    expect(result().ownCorporationShare).toBe(0);
  });

  test('a 法人 over the threshold is a warning; offices at 37.5 % are not', () => {
    expect(result().warnings.map((w) => [w.kind, w.name, w.share])).toEqual([['corporation', '株式会社　トマト', 0.75]]);
  });
});

describe('the center’s own 法人', () => {
  const delegations = [d('A', 3), d('B', 3), d('C', 2)];
  const contracts = [c('A', 'いろは', '株式会社トマト'), c('B', 'にほへ', '株式会社 トマト'), c('C', 'ちりぬ', '他法人')];

  test('its share is measured and warned about as its own kind, not as any 法人', () => {
    const result = measureConcentration(input({ delegations, contracts, ownCorporation: ' 株式会社　トマト ', threshold: 0.7 }));
    expect(result.ownCorporationShare).toBe(0.75);
    expect(result.warnings.map((w) => [w.kind, w.name, w.share])).toEqual([['own', '株式会社　トマト', 0.75]]);
  });

  test('at the threshold exactly it is not over', () => {
    const result = measureConcentration(input({ delegations, contracts, ownCorporation: '株式会社トマト', threshold: 0.75 }));
    expect(result.warnings).toEqual([]);
  });

  test('no 法人 in 設定: no share, and unknown 法人 are not taken for it', () => {
    const result = measureConcentration(input({ delegations, contracts: [], ownCorporation: '', threshold: 0.3 }));
    expect(result.ownCorporationShare).toBe(0);
    expect(result.byCorporation.map((x) => x.corporation)).toEqual(['法人名なし（A）', '法人名なし（B）', '法人名なし（C）']);
    expect(result.warnings.map((w) => [w.kind, w.name])).toEqual([
      ['office', 'A'],
      ['office', 'B'],
      ['corporation', '法人名なし（A）'],
      ['corporation', '法人名なし（B）'],
    ]);
  });
});

describe('which contract names the office', () => {
  test('the one active in the month; else the last one listed; an empty name falls back to the number', () => {
    const result = measureConcentration(
      input({
        delegations: [d('A', 1), d('B', 1), d('C', 1)],
        contracts: [
          c('A', '旧いろは', '旧法人', '2019-04-01', '2025-03-31'),
          c('A', 'いろは', '新法人', '2025-04-01'),
          c('A', '未来のいろは', '未来法人', '2027-04-01'),
          c('B', '一番目', '法人1', '2019-04-01', '2020-03-31'),
          c('B', '二番目', '法人2', '2021-04-01', '2022-03-31'),
          c('C', '', '法人C'),
        ],
      }),
    );
    expect(result.byOffice.map((o) => [o.officeNumber, o.name, o.corporation])).toEqual([
      ['A', 'いろは', '新法人'],
      ['B', '二番目', '法人2'],
      ['C', 'C', '法人C'],
    ]);
  });
});

describe('a month without cases', () => {
  test('no share, no warning', () => {
    const result = measureConcentration(
      input({ delegations: [d('A', 0), d('直営', 4)], contracts: [c('A', 'いろは', '株式会社トマト')], ownCorporation: '株式会社トマト', threshold: 0 }),
    );
    expect(result.total).toBe(0);
    expect(result.byOffice).toEqual([{ officeNumber: 'A', name: 'いろは', corporation: '株式会社トマト', cases: 0, share: 0 }]);
    expect(result.ownCorporationShare).toBe(0);
    expect(result.warnings).toEqual([]);
  });
});

describe('helpers', () => {
  test('corporationKey ignores spaces of either width and letter widths', () => {
    expect(corporationKey(' 株式会社　ＡＢＣ ')).toBe('株式会社ABC');
  });

  test.each([
    [0.9, '90%'],
    [2 / 3, '66.7%'],
    [0.8, '80%'],
    [0, '0%'],
    [1, '100%'],
    [0.0005, '0.1%'],
  ])('formatShare(%d) → %s', (share, text) => {
    expect(formatShare(share)).toBe(text);
  });
});
