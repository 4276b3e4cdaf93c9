import fc from 'fast-check';
import { anyText } from '../helpers/arbitraries';
import type { CellValue } from '../../src/domain/values/cell';
import { addDays, compareIso, daysBetween, formatJapaneseDate, isValidIso, readDate, serialOf, toWareki } from '../../src/domain/values/dates';

/** ASCII → full width, as an IME in 全角 mode types it. */
const fullWidth = (s: string): string => s.replace(/[!-~]/g, (c) => String.fromCharCode(c.charCodeAt(0) + 0xfee0));

describe('readDate reads what people type', () => {
  test.each<[CellValue, string, string]>([
    [{ kind: 'date', iso: '2026-10-03' }, '2026-10-03', 'date-value'],
    [{ kind: 'date', iso: '2026-10-03', time: '14:30' }, '2026-10-03', 'date-value'],
    ['2026/10/3', '2026-10-03', 'western'],
    ['2026-10-03', '2026-10-03', 'western'],
    ['2026.10.3', '2026-10-03', 'western'],
    ['2026年10月3日', '2026-10-03', 'western'],
    ['2026年10月3', '2026-10-03', 'western'],
    [' 2026 / 10 / 3 ', '2026-10-03', 'western'],
    ['2026/10/3 14:30', '2026-10-03', 'western'],
    ['2026-10-03T14:30:00', '2026-10-03', 'western'],
    ['2026/10/3(土)', '2026-10-03', 'western'],
    ['2026年10月3日（土曜日）', '2026-10-03', 'western'],
    ['20261003', '2026-10-03', 'compact'],
    [20261003, '2026-10-03', 'compact'],
    ['R8.10.3', '2026-10-03', 'wareki'],
    ['r8.10.3', '2026-10-03', 'wareki'],
    ['R8/10/3', '2026-10-03', 'wareki'],
    ['R08.10.03', '2026-10-03', 'wareki'],
    ['R8-10-3', '2026-10-03', 'wareki'],
    ['R.8.10.3', '2026-10-03', 'wareki'],
    // An era by its first letter, as a narrow column of a form abbreviates it.
    ['令8.10.3', '2026-10-03', 'wareki'],
    ['平31.4.30', '2019-04-30', 'wareki'],
    ['昭64.1.7', '1989-01-07', 'wareki'],
    ['令和8年10月3日', '2026-10-03', 'wareki'],
    ['令和 8年 10月 3日', '2026-10-03', 'wareki'],
    ['令和8.10.3', '2026-10-03', 'wareki'],
    ['㋿8.10.3', '2026-10-03', 'wareki'],
    ['令和元年5月1日', '2019-05-01', 'wareki'],
    ['R元.5.1', '2019-05-01', 'wareki'],
    ['H31.4.30', '2019-04-30', 'wareki'],
    ['平成31年4月30日', '2019-04-30', 'wareki'],
    ['h1.1.8', '1989-01-08', 'wareki'],
    ['S64.1.7', '1989-01-07', 'wareki'],
    ['昭和64年1月7日', '1989-01-07', 'wareki'],
    ['昭和元年12月25日', '1926-12-25', 'wareki'],
    ['T15.12.24', '1926-12-24', 'wareki'],
    ['大正元年7月30日', '1912-07-30', 'wareki'],
    ['M45.7.29', '1912-07-29', 'wareki'],
    ['明治元年1月1日', '1868-01-01', 'wareki'],
    [1, '1899-12-31', 'serial'],
    [61, '1900-03-01', 'serial'],
    [25569, '1970-01-01', 'serial'],
    [46298, '2026-10-03', 'serial'],
    [46298.604, '2026-10-03', 'serial'],
    [2958465, '9999-12-31', 'serial'],
  ])('%j → %s (%s)', (value, expected, notation) => {
    expect(readDate(value)).toEqual({ kind: 'date', iso: expected, notation, fullWidth: false });
  });

  test.each([
    ['２０２６／１０／３', 'western'],
    ['２０２６年１０月３日', 'western'],
    ['２０２６－１０－０３', 'western'],
    ['２０２６．１０．３', 'western'],
    ['２０２６１００３', 'compact'],
    ['Ｒ８．１０．３', 'wareki'],
    ['ｒ８．１０．３', 'wareki'],
    ['令和８年１０月３日', 'wareki'],
    ['\u3000令和\u3000８年\u3000１０月\u3000３日\u3000', 'wareki'],
    ['２０２６／１０／３\u3000１４：３０', 'western'],
  ])('full width %s', (value, notation) => {
    expect(readDate(value)).toEqual({ kind: 'date', iso: '2026-10-03', notation, fullWidth: true });
  });

  test('a space of either width alone does not make a date full width', () => {
    expect(readDate('\u30002026/10/3\u3000')).toEqual({ kind: 'date', iso: '2026-10-03', notation: 'western', fullWidth: false });
  });
});

describe('a typed date is read once per text and check date', () => {
  test('the same text gives the same frozen reading, which a caller cannot change for the next cell', () => {
    const first = readDate('R8.10.3');
    expect(readDate('R8.10.3')).toBe(first);
    expect(Object.isFrozen(first)).toBe(true);
    expect(Reflect.set(first, 'iso', '1999-01-01')).toBe(false);
    expect(readDate('R8.10.3')).toMatchObject({ kind: 'date', iso: '2026-10-03' });
  });

  test('a date without a year is read against each check date, not the first one that read it', () => {
    expect(readDate('10/7', { today: '2026-11-01' })).toMatchObject({ kind: 'date', iso: '2026-10-07', noYear: true });
    expect(readDate('10/7', { today: '2026-09-01' })).toMatchObject({ kind: 'date', iso: '2025-10-07', noYear: true });
    expect(readDate('10/7')).toMatchObject({ kind: 'invalid' });
  });
});

describe('era traps are read with a warning', () => {
  test.each([
    ['H32.1.1', '2020-01-01', 'era-overflow', '平成32年は存在しません（平成は2019年4月30日まで）。2020年1月1日（令和2年1月1日）として読みました'],
    ['平成32年1月1日', '2020-01-01', 'era-overflow', '平成32年は存在しません（平成は2019年4月30日まで）。2020年1月1日（令和2年1月1日）として読みました'],
    ['H31.5.1', '2019-05-01', 'era-overflow', '平成31年5月1日は存在しません（平成は2019年4月30日まで）。2019年5月1日（令和元年5月1日）として読みました'],
    ['R1.4.1', '2019-04-01', 'era-before-start', '令和は2019年5月1日からです。2019年4月1日（平成31年4月1日）として読みました'],
    ['令和元年4月30日', '2019-04-30', 'era-before-start', '令和は2019年5月1日からです。2019年4月30日（平成31年4月30日）として読みました'],
    ['S64.1.8', '1989-01-08', 'era-overflow', '昭和64年1月8日は存在しません（昭和は1989年1月7日まで）。1989年1月8日（平成元年1月8日）として読みました'],
    ['H1.1.7', '1989-01-07', 'era-before-start', '平成は1989年1月8日からです。1989年1月7日（昭和64年1月7日）として読みました'],
    ['S65.1.1', '1990-01-01', 'era-overflow', '昭和65年は存在しません（昭和は1989年1月7日まで）。1990年1月1日（平成2年1月1日）として読みました'],
    ['M45.7.30', '1912-07-30', 'era-overflow', '明治45年7月30日は存在しません（明治は1912年7月29日まで）。1912年7月30日（大正元年7月30日）として読みました'],
  ])('%s → %s (%s)', (value, expected, kind, message) => {
    expect(readDate(value)).toEqual({ kind: 'date', iso: expected, notation: 'wareki', fullWidth: false, trap: { kind, message } });
  });

  test('full width traps too', () => {
    expect(readDate('Ｈ３２．１．１')).toMatchObject({ iso: '2020-01-01', fullWidth: true, trap: { kind: 'era-overflow' } });
  });
});

describe('readDate says what is wrong', () => {
  test.each<[CellValue, string]>([
    ['R8.2.30', '2月30日はありません'],
    ['令和8年2月30日', '2月30日はありません'],
    ['令和0年5月1日', '令和0年はありません（令和元年＝令和1年）'],
    ['R0.5.1', '令和0年はありません（令和元年＝令和1年）'],
    ['令和年5月1日', '令和何年かが書かれていません'],
    ['2026/13/1', '13月はありません'],
    ['2026/0/1', '0月はありません'],
    ['2026/10/32', '10月32日はありません'],
    ['2026/4/31', '4月31日はありません'],
    ['2026/2/29', '2026年はうるう年ではないので、2月29日はありません'],
    ['2100/2/29', '2100年はうるう年ではないので、2月29日はありません'],
    ['20261301', '13月はありません'],
    [20260230, '2月30日はありません'],
    ['10/3', '年が書かれていません'],
    ['10月3日', '年が書かれていません'],
    ['26/10/3', '年「26」が西暦か和暦か分かりません（西暦は4桁、和暦は令和8年・R8のように元号をつけてください）'],
    ['8.10.3', '年「8」が西暦か和暦か分かりません（西暦は4桁、和暦は令和8年・R8のように元号をつけてください）'],
    ['2026/10/3(月)', '2026年10月3日は土曜日です（月曜日ではありません）'],
    ['abc', '年・月・日の形になっていません'],
    ['46298', '年・月・日の形になっていません'],
    ['2026 10 3', '年・月・日の形になっていません'],
    ['X8.10.3', '年・月・日の形になっていません'],
    ['昨日', '年・月・日の形になっていません'],
    [0, '0は日付ではありません'],
    [-1, '負の数は日付ではありません'],
    [-46298, '負の数は日付ではありません'],
    [0.5, '数値「0.5」は日付の値（シリアル値）でも8桁の年月日でもありません'],
    [3000000, '数値「3000000」は日付の値（シリアル値）でも8桁の年月日でもありません'],
    [20261003.5, '数値「20261003.5」は日付の値（シリアル値）でも8桁の年月日でもありません'],
    [Number.NaN, '数値になっていません'],
    [Number.POSITIVE_INFINITY, '数値になっていません'],
    [true, 'チェックボックスの値（TRUE/FALSE）で、日付ではありません'],
    [false, 'チェックボックスの値（TRUE/FALSE）で、日付ではありません'],
    [{ kind: 'date', iso: '2026-02-30' }, '日付の値が壊れています'],
  ])('%j: %s', (value, reason) => {
    expect(readDate(value)).toEqual({ kind: 'invalid', reason });
  });

  test.each<CellValue>([null, '', ' ', '\u3000', ' \u3000\t'])('%j is blank', (value) => {
    expect(readDate(value)).toEqual({ kind: 'blank' });
  });
});

describe('formatting', () => {
  test.each([
    ['2026-10-03', '令和8年10月3日'],
    ['2019-05-01', '令和元年5月1日'],
    ['2019-04-30', '平成31年4月30日'],
    ['1989-01-08', '平成元年1月8日'],
    ['1989-01-07', '昭和64年1月7日'],
    ['1926-12-25', '昭和元年12月25日'],
    ['1926-12-24', '大正15年12月24日'],
    ['1912-07-30', '大正元年7月30日'],
    ['1912-07-29', '明治45年7月29日'],
    ['1868-01-01', '明治元年1月1日'],
    ['1867-12-31', '1867年12月31日'],
    ['not a date', 'not a date'],
  ])('toWareki(%s) → %s', (input, output) => {
    expect(toWareki(input)).toBe(output);
  });

  test('formatJapaneseDate', () => {
    expect(formatJapaneseDate('2026-10-03')).toBe('2026年10月3日');
    expect(formatJapaneseDate('2026-13-03')).toBe('2026-13-03');
  });
});

describe('calendar arithmetic', () => {
  test.each([
    ['2026-10-03', true],
    ['2024-02-29', true],
    ['2000-02-29', true],
    ['1900-02-29', false],
    ['2026-02-29', false],
    ['2026-13-01', false],
    ['2026-1-1', false],
    ['2026-10-03T00:00', false],
    ['', false],
  ])('isValidIso(%s) → %s', (input, valid) => {
    expect(isValidIso(input)).toBe(valid);
  });

  test('addDays crosses months, years and leap days', () => {
    expect(addDays('2026-10-03', 1)).toBe('2026-10-04');
    expect(addDays('2026-12-31', 1)).toBe('2027-01-01');
    expect(addDays('2024-02-28', 1)).toBe('2024-02-29');
    expect(addDays('2024-03-01', -1)).toBe('2024-02-29');
    expect(addDays('2026-03-01', -1)).toBe('2026-02-28');
    expect(addDays('2026-10-03', 0)).toBe('2026-10-03');
    expect(addDays('2026-10-03', 365)).toBe('2027-10-03');
    expect(addDays('bad', 1)).toBe('bad');
  });

  test('daysBetween and compareIso', () => {
    expect(daysBetween('2026-10-03', '2026-10-04')).toBe(1);
    expect(daysBetween('2026-10-04', '2026-10-03')).toBe(-1);
    expect(daysBetween('2019-04-30', '2019-05-01')).toBe(1);
    expect(daysBetween('2024-01-01', '2025-01-01')).toBe(366);
    expect(daysBetween('bad', '2025-01-01')).toBeNaN();
    expect(compareIso('2026-10-03', '2026-10-04')).toBeLessThan(0);
    expect(compareIso('2026-10-04', '2026-10-03')).toBeGreaterThan(0);
    expect(compareIso('2026-10-03', '2026-10-03')).toBe(0);
  });

  test('serialOf matches the spreadsheet epoch', () => {
    expect(serialOf('1899-12-31')).toBe(1);
    expect(serialOf('1970-01-01')).toBe(25569);
    expect(serialOf('2026-10-03')).toBe(46298);
    expect(serialOf('bad')).toBeNaN();
  });

  test('agrees with Date.UTC', () => {
    fc.assert(
      fc.property(fc.integer({ min: -200000, max: 200000 }), (days) => {
        const expected = new Date(Date.UTC(1970, 0, 1 + days)).toISOString().slice(0, 10);
        return addDays('1970-01-01', days) === expected && daysBetween('1970-01-01', expected) === days;
      }),
    );
  });
});

describe('properties', () => {
  const FIRST = serialOf('1900-03-01');
  const LAST = serialOf('2100-12-31');
  const anyIso = fc.integer({ min: FIRST, max: LAST }).map((serial) => addDays('1899-12-30', serial));
  const parts = (isoDate: string) => isoDate.split('-').map(Number) as [number, number, number];

  test('western round trip, half and full width', () => {
    fc.assert(
      fc.property(anyIso, fc.constantFrom('/', '-', '.'), (isoDate, sep) => {
        const [y, m, d] = parts(isoDate);
        const text = `${y}${sep}${m}${sep}${d}`;
        expect(readDate(text)).toEqual({ kind: 'date', iso: isoDate, notation: 'western', fullWidth: false });
        expect(readDate(fullWidth(text))).toEqual({ kind: 'date', iso: isoDate, notation: 'western', fullWidth: true });
        expect(readDate(formatJapaneseDate(isoDate))).toEqual({ kind: 'date', iso: isoDate, notation: 'western', fullWidth: false });
        expect(readDate(isoDate)).toEqual({ kind: 'date', iso: isoDate, notation: 'western', fullWidth: false });
      }),
    );
  });

  test('compact round trip', () => {
    fc.assert(
      fc.property(anyIso, (isoDate) => {
        const compact = isoDate.replace(/-/g, '');
        expect(readDate(Number(compact))).toEqual({ kind: 'date', iso: isoDate, notation: 'compact', fullWidth: false });
        expect(readDate(fullWidth(compact))).toEqual({ kind: 'date', iso: isoDate, notation: 'compact', fullWidth: true });
      }),
    );
  });

  test('wareki round trip, without a trap', () => {
    fc.assert(
      fc.property(anyIso, (isoDate) => {
        const wareki = toWareki(isoDate);
        expect(readDate(wareki)).toEqual({ kind: 'date', iso: isoDate, notation: 'wareki', fullWidth: false });
        expect(readDate(fullWidth(wareki))).toEqual({ kind: 'date', iso: isoDate, notation: 'wareki', fullWidth: true });
      }),
    );
  });

  test('serial round trip', () => {
    fc.assert(
      fc.property(anyIso, (isoDate) => {
        expect(readDate(serialOf(isoDate))).toEqual({ kind: 'date', iso: isoDate, notation: 'serial', fullWidth: false });
      }),
    );
  });

  test('no input throws, and every reading is well formed', () => {
    const dateish = fc
      .array(
        fc.constantFrom(
          'R',
          'h',
          '令和',
          '平成',
          '元',
          '年',
          '月',
          '日',
          '/',
          '-',
          '.',
          '１',
          '2',
          '0',
          '9',
          '31',
          '13',
          '2019',
          ' ',
          '\u3000',
          '（',
          '土',
          ')',
          ':',
          'T',
          '14:30',
          '分',
        ),
        { maxLength: 12 },
      )
      .map((tokens) => tokens.join(''));
    const anyValue = fc.oneof(
      anyText(),
      dateish,
      fc.double(),
      fc.integer(),
      fc.boolean(),
      fc.constant(null),
      fc.record({ kind: fc.constant('date'), iso: fc.oneof(fc.string(), dateish, anyIso, fc.anything()) }),
      fc.anything(),
    );
    fc.assert(
      fc.property(anyValue, (value) => {
        const reading = readDate(value as CellValue);
        if (reading.kind === 'date') expect(isValidIso(reading.iso)).toBe(true);
        if (reading.kind === 'invalid') expect(reading.reason).not.toBe('');
      }),
      { numRuns: 2000 },
    );
  });

  test('a 50,000-character cell is read quickly', () => {
    const start = Date.now();
    for (const s of ['R' + ' '.repeat(49998) + '1', '1' + ' '.repeat(49998) + '1', '2026/10/3' + ' '.repeat(49990) + 'x']) {
      expect(readDate(s)).toEqual({ kind: 'invalid', reason: '年・月・日の形になっていません' });
    }
    expect(Date.now() - start).toBeLessThan(2000);
  });
});
