import fc from 'fast-check';
import { anyText } from '../helpers/arbitraries';
import type { CellValue } from '../../src/domain/values/cell';
import { serialOf } from '../../src/domain/values/dates';
import {
  addMonths,
  compareMonths,
  firstDay,
  formatMonthJa,
  formatWarekiMonth,
  isValidYearMonth,
  lastDay,
  monthOf,
  monthsBetween,
  previousMonth,
  readMonth,
} from '../../src/domain/values/months';

const fullWidth = (s: string): string => s.replace(/[!-~]/g, (c) => String.fromCharCode(c.charCodeAt(0) + 0xfee0));

describe('readMonth reads what people type', () => {
  test.each<[CellValue, string, string]>([
    ['2026-10', '2026-10', 'western'],
    ['2026/10', '2026-10', 'western'],
    ['2026.10', '2026-10', 'western'],
    ['2021/2', '2021-02', 'western'],
    ['2026年10月', '2026-10', 'western'],
    ['2026年10月分', '2026-10', 'western'],
    [' 2026 年 10 月 ', '2026-10', 'western'],
    ['2026/10/01', '2026-10', 'western'],
    ['2026/10/31', '2026-10', 'western'],
    ['2026年10月1日', '2026-10', 'western'],
    ['202610', '2026-10', 'compact'],
    [202610, '2026-10', 'compact'],
    [20261001, '2026-10', 'compact'],
    ['令和8年10月', '2026-10', 'wareki'],
    ['R8.10', '2026-10', 'wareki'],
    ['r8.10', '2026-10', 'wareki'],
    ['R8/10', '2026-10', 'wareki'],
    ['R08.10', '2026-10', 'wareki'],
    ['R3.2', '2021-02', 'wareki'],
    ['令和3年2月', '2021-02', 'wareki'],
    ['R3年2月分', '2021-02', 'wareki'],
    ['令和元年5月', '2019-05', 'wareki'],
    ['平成31年4月', '2019-04', 'wareki'],
    ['昭和64年1月', '1989-01', 'wareki'],
    ['平成元年1月', '1989-01', 'wareki'],
    ['R8.10.3', '2026-10', 'wareki'],
    [{ kind: 'date', iso: '2026-10-01' }, '2026-10', 'date-value'],
    [{ kind: 'date', iso: '2026-10-15', time: '09:00' }, '2026-10', 'date-value'],
    [46296, '2026-10', 'serial'],
  ])('%j → %s (%s)', (value, ym, notation) => {
    expect(readMonth(value)).toEqual({ kind: 'month', ym, notation, fullWidth: false });
  });

  test.each([
    ['２０２６／１０', 'western'],
    ['２０２６－１０', 'western'],
    ['２０２６年１０月', 'western'],
    ['令和８年１０月', 'wareki'],
    ['Ｒ８．１０', 'wareki'],
    ['２０２６１０', 'compact'],
  ])('full width %s', (value, notation) => {
    expect(readMonth(value)).toEqual({ kind: 'month', ym: '2026-10', notation, fullWidth: true });
  });

  test.each([
    ['R1.4', '2019-04', 'era-before-start', '令和は2019年5月からです。2019年4月（平成31年4月）として読みました'],
    ['H31.5', '2019-05', 'era-overflow', '平成31年5月は存在しません（平成は2019年4月まで）。2019年5月（令和元年5月）として読みました'],
    ['平成32年1月', '2020-01', 'era-overflow', '平成32年は存在しません（平成は2019年4月まで）。2020年1月（令和2年1月）として読みました'],
    ['S64.2', '1989-02', 'era-overflow', '昭和64年2月は存在しません（昭和は1989年1月まで）。1989年2月（平成元年2月）として読みました'],
  ])('%s → %s with a warning', (value, ym, kind, message) => {
    expect(readMonth(value)).toEqual({ kind: 'month', ym, notation: 'wareki', fullWidth: false, trap: { kind, message } });
  });

  test('a trapped date in a month column keeps its warning', () => {
    expect(readMonth('H31.5.1')).toMatchObject({ kind: 'month', ym: '2019-05', trap: { kind: 'era-overflow' } });
  });

  test.each<[CellValue, string]>([
    ['2026/13', '13月はありません'],
    ['2026/0', '0月はありません'],
    [202613, '13月はありません'],
    ['R8.13', '13月はありません'],
    ['令和0年1月', '令和0年はありません（令和元年＝令和1年）'],
    ['令和年1月', '令和何年かが書かれていません'],
    ['10月', '年が書かれていません'],
    ['8年10月', '年「8」が西暦か和暦か分かりません（西暦は4桁、和暦は令和8年・R8のように元号をつけてください）'],
    ['30年4月分', '年「30」が西暦か和暦か分かりません（西暦は4桁、和暦は令和8年・R8のように元号をつけてください）'],
    ['2026/2/30', '2月30日はありません'],
    ['text', '年・月の形になっていません'],
    ['十月', '年・月の形になっていません'],
    [true, 'チェックボックスの値（TRUE/FALSE）で、月ではありません'],
    [0, '0は日付ではありません'],
    [-5, '負の数は日付ではありません'],
    [{ kind: 'date', iso: 'garbage' }, '日付の値が壊れています'],
  ])('%j: %s', (value, reason) => {
    expect(readMonth(value)).toEqual({ kind: 'invalid', reason });
  });

  test.each<CellValue>([null, '', '  ', '\u3000'])('%j is blank', (value) => {
    expect(readMonth(value)).toEqual({ kind: 'blank' });
  });
});

describe('formatting', () => {
  test.each([
    ['2026-10', '令和8年10月', '2026年10月（令和8年10月）'],
    ['2021-02', '令和3年2月', '2021年2月（令和3年2月）'],
    ['2019-05', '令和元年5月', '2019年5月（令和元年5月）'],
    ['2019-04', '平成31年4月', '2019年4月（平成31年4月）'],
    ['1989-01', '昭和64年1月', '1989年1月（昭和64年1月）'],
    ['1989-02', '平成元年2月', '1989年2月（平成元年2月）'],
    ['1850-01', '1850年1月', '1850年1月'],
    ['nonsense', 'nonsense', 'nonsense'],
  ])('%s → %s, %s', (ym, wareki, ja) => {
    expect(formatWarekiMonth(ym)).toBe(wareki);
    expect(formatMonthJa(ym)).toBe(ja);
  });
});

describe('month arithmetic', () => {
  test('addMonths and previousMonth', () => {
    expect(addMonths('2026-10', 1)).toBe('2026-11');
    expect(addMonths('2026-12', 1)).toBe('2027-01');
    expect(addMonths('2026-01', -1)).toBe('2025-12');
    expect(addMonths('2026-10', -22)).toBe('2024-12');
    expect(addMonths('2026-10', 24)).toBe('2028-10');
    expect(addMonths('bad', 1)).toBe('bad');
    expect(previousMonth('2026-01')).toBe('2025-12');
  });

  test('days of a month', () => {
    expect(monthOf('2026-10-03')).toBe('2026-10');
    expect(firstDay('2026-10')).toBe('2026-10-01');
    expect(lastDay('2026-10')).toBe('2026-10-31');
    expect(lastDay('2026-02')).toBe('2026-02-28');
    expect(lastDay('2024-02')).toBe('2024-02-29');
    expect(lastDay('2026-04')).toBe('2026-04-30');
  });

  test('compareMonths and monthsBetween', () => {
    expect(compareMonths('2026-09', '2026-10')).toBeLessThan(0);
    expect(compareMonths('2026-10', '2026-10')).toBe(0);
    expect(compareMonths('2027-01', '2026-12')).toBeGreaterThan(0);
    expect(monthsBetween('2026-11', '2027-02')).toEqual(['2026-11', '2026-12', '2027-01', '2027-02']);
    expect(monthsBetween('2026-10', '2026-10')).toEqual(['2026-10']);
    expect(monthsBetween('2026-10', '2026-09')).toEqual([]);
    expect(monthsBetween('bad', '2026-09')).toEqual([]);
  });

  test('isValidYearMonth', () => {
    expect(isValidYearMonth('2026-10')).toBe(true);
    expect(isValidYearMonth('2026-13')).toBe(false);
    expect(isValidYearMonth('2026-1')).toBe(false);
    expect(isValidYearMonth('2026/10')).toBe(false);
  });
});

describe('properties', () => {
  const anyYm = fc
    .record({ y: fc.integer({ min: 1869, max: 2100 }), m: fc.integer({ min: 1, max: 12 }) })
    .map(({ y, m }) => `${y}-${String(m).padStart(2, '0')}`);

  test('ym → formatWarekiMonth → readMonth, half and full width, without a trap', () => {
    fc.assert(
      fc.property(anyYm, (ym) => {
        const wareki = formatWarekiMonth(ym);
        expect(readMonth(wareki)).toEqual({ kind: 'month', ym, notation: 'wareki', fullWidth: false });
        expect(readMonth(fullWidth(wareki))).toEqual({ kind: 'month', ym, notation: 'wareki', fullWidth: true });
      }),
    );
  });

  test('western, ISO and serial round trips', () => {
    fc.assert(
      fc.property(anyYm, fc.integer({ min: 0, max: 27 }), (ym, day) => {
        const [y, m] = ym.split('-').map(Number);
        expect(readMonth(ym)).toMatchObject({ kind: 'month', ym });
        expect(readMonth(`${y}/${m}`)).toMatchObject({ kind: 'month', ym });
        expect(readMonth(`${y}年${m}月`)).toMatchObject({ kind: 'month', ym });
        if (ym >= '1900-03') expect(readMonth(serialOf(firstDay(ym)) + day)).toEqual({ kind: 'month', ym, notation: 'serial', fullWidth: false });
      }),
    );
  });

  test('addMonths inverts and monthsBetween counts', () => {
    fc.assert(
      fc.property(anyYm, fc.integer({ min: -300, max: 300 }), (ym, n) => {
        const later = addMonths(ym, n);
        expect(addMonths(later, -n)).toBe(ym);
        expect(isValidYearMonth(later)).toBe(true);
        if (n >= 0) expect(monthsBetween(ym, later)).toHaveLength(n + 1);
      }),
    );
  });

  test('no input throws', () => {
    fc.assert(
      fc.property(
        fc.oneof(
          anyText(),
          fc.double(),
          fc.integer(),
          fc.boolean(),
          fc.constant(null),
          fc.record({ kind: fc.constant('date'), iso: fc.anything() }),
          fc.anything(),
        ),
        (value) => {
          const reading = readMonth(value as CellValue);
          if (reading.kind === 'month') expect(isValidYearMonth(reading.ym)).toBe(true);
        },
      ),
      { numRuns: 1000 },
    );
  });

  test('a 50,000-character cell is read quickly', () => {
    const start = Date.now();
    for (const s of ['R' + ' '.repeat(49998) + '1', '1' + ' '.repeat(49998) + '1']) expect(readMonth(s).kind).toBe('invalid');
    expect(Date.now() - start).toBeLessThan(2000);
  });
});
