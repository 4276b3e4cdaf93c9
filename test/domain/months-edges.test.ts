import type { CellValue } from '../../src/domain/values/cell';
import {
  addMonths,
  formatMonthJa,
  formatWarekiMonth,
  isValidYearMonth,
  lastDay,
  monthsBetween,
  readMonth,
  readMonthInput,
} from '../../src/domain/values/months';

/** The edges of the month rules, with hand-written expectations. */

const month = (ym: string, notation: string, fullWidth = false): object => ({ kind: 'month', ym, notation, fullWidth });
const kindOf = (value: CellValue): string => readMonth(value).kind;

describe('months as typed', () => {
  test.each<[CellValue, object]>([
    ['2026/10', month('2026-10', 'western')],
    ['2026-1', month('2026-01', 'western')],
    ['0001/10', month('0001-10', 'western')],
    ['2026年10月', month('2026-10', 'western')],
    ['2026年10', month('2026-10', 'western')],
    ['2026年10月分', month('2026-10', 'western')],
    ['2026年10月度', month('2026-10', 'western')],
    ['令和8年10月度', month('2026-10', 'wareki')],
    ['令8年10月', month('2026-10', 'wareki')],
    ['202610', month('2026-10', 'compact')],
    ['令和8年10月分', month('2026-10', 'wareki')],
    ['R8.10', month('2026-10', 'wareki')],
    ['R元.5', month('2019-05', 'wareki')],
    ['２０２６／１０', month('2026-10', 'western', true)],
    ['2026/10/3', month('2026-10', 'western')],
    ['R8.10.3', month('2026-10', 'wareki')],
    [{ kind: 'date', iso: '2026-10-03' }, month('2026-10', 'date-value')],
    [46298, month('2026-10', 'serial')],
    [202610, month('2026-10', 'compact')],
    [100001, month('1000-01', 'compact')],
    [999912, month('9999-12', 'compact')],
    [100000, month('2173-10', 'serial')],
  ])('%j → %j', (value, expected) => {
    expect(readMonth(value)).toEqual(expected);
  });

  test.each<CellValue>([
    '2026/13',
    '2026/0',
    '0000/10',
    '202613',
    '202600',
    '10月',
    'R8.13',
    'R8.0',
    'R0.10',
    '2026/10まで',
    'まで2026/10',
    '2026年10月頃',
    '約2026年10月',
    'R8.10まで',
    '分2026/10',
    '2026年度',
    '2026/10度',
    '2026/10/0',
    202613,
    202600,
    true,
    2958466,
  ])('%j is invalid', (value) => {
    expect(kindOf(value)).toBe('invalid');
  });

  test('blank is blank', () => {
    expect(kindOf('　 ')).toBe('blank');
    expect(kindOf(null)).toBe('blank');
  });
});

describe('era traps on months', () => {
  test.each([
    ['H31.4', undefined],
    ['H31.5', 'era-overflow'],
    ['H32.1', 'era-overflow'],
    ['R1.5', undefined],
    ['R1.4', 'era-before-start'],
    ['S64.1', undefined],
    ['H1.1', undefined],
    ['H1.1.7', 'era-before-start'],
  ])('%s: %s', (text, trap) => {
    const reading = readMonth(text);
    expect(reading.kind).toBe('month');
    expect(reading.kind === 'month' ? reading.trap?.kind : 'no month').toBe(trap);
  });
});

describe('month arithmetic', () => {
  test('last days, leap years included', () => {
    expect(['2026-02', '2024-02', '2000-02', '1900-02', '2026-04', '2026-12'].map(lastDay)).toEqual([
      '2026-02-28',
      '2024-02-29',
      '2000-02-29',
      '1900-02-28',
      '2026-04-30',
      '2026-12-31',
    ]);
  });

  test('across years, both ways', () => {
    expect(addMonths('2026-12', 1)).toBe('2027-01');
    expect(addMonths('2026-01', -1)).toBe('2025-12');
    expect(addMonths('2026-10', -22)).toBe('2024-12');
    expect(addMonths('2026-10', 15)).toBe('2028-01');
    expect(addMonths('2026-10', 0)).toBe('2026-10');
    expect(addMonths('2026-13', 1)).toBe('2026-13');
    expect(addMonths('2026-10', Number.NaN)).toBe('2026-10');
  });

  test('monthsBetween includes both ends', () => {
    expect(monthsBetween('2026-11', '2027-02')).toEqual(['2026-11', '2026-12', '2027-01', '2027-02']);
    expect(monthsBetween('2026-10', '2026-10')).toEqual(['2026-10']);
    expect(monthsBetween('2026-11', '2026-10')).toEqual([]);
    expect(monthsBetween('2026-00', '2026-10')).toEqual([]);
  });

  test('valid months', () => {
    expect(['2026-01', '2026-12', '0001-01', '2026-00', '2026-13', '0000-01', '2026-1', '2026/10', 'x2026-10', '2026-10x'].map(isValidYearMonth)).toEqual([
      true,
      true,
      true,
      false,
      false,
      false,
      false,
      false,
      false,
      false,
    ]);
  });
});

describe('names of months', () => {
  test.each([
    ['2026-10', '令和8年10月'],
    ['2019-05', '令和元年5月'],
    ['2019-04', '平成31年4月'],
    ['1989-01', '昭和64年1月'],
    ['1868-01', '明治元年1月'],
    ['1867-12', '1867年12月'],
  ])('formatWarekiMonth(%s) → %s', (ym, text) => {
    expect(formatWarekiMonth(ym)).toBe(text);
  });

  test('formatMonthJa gives both calendars, or one when they are the same', () => {
    expect(formatMonthJa('2026-10')).toBe('2026年10月（令和8年10月）');
    expect(formatMonthJa('1867-12')).toBe('1867年12月');
    expect(formatMonthJa('2026-13')).toBe('2026-13');
  });
});

describe('readMonthInput', () => {
  test('empty is the fallback; a month is read; anything else is a problem', () => {
    expect(readMonthInput('  ', '2026-09')).toEqual({ month: '2026-09' });
    expect(readMonthInput(' R8.10 ', '2026-09')).toEqual({ month: '2026-10' });
    expect(readMonthInput('来月', '2026-09')).toHaveProperty('problem');
    expect(readMonthInput('2026/13', '2026-09')).toHaveProperty('problem');
  });
});
