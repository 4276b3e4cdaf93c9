import fc from 'fast-check';
import { sheetDateOf, todayIn } from '../../src/workbook/cell-values';
import { japanTimeText } from '../../src/domain/values/times';

describe('sheetDateOf: the wall clock an instant shows in a zone', () => {
  test('Japan time, hand-computed: +9:00, midnight has no time, the day and year turn at 15:00 UTC', () => {
    expect(sheetDateOf(new Date(Date.UTC(2026, 9, 2, 15, 0)), 'Asia/Tokyo')).toEqual({ kind: 'date', iso: '2026-10-03' });
    expect(sheetDateOf(new Date(Date.UTC(2026, 9, 2, 14, 59, 59)), 'Asia/Tokyo')).toEqual({ kind: 'date', iso: '2026-10-02', time: '23:59' });
    expect(sheetDateOf(new Date(Date.UTC(2025, 11, 31, 15, 5)), 'Asia/Tokyo')).toEqual({ kind: 'date', iso: '2026-01-01', time: '00:05' });
    expect(sheetDateOf(new Date(Date.UTC(2024, 1, 28, 16)), 'Asia/Tokyo')).toEqual({ kind: 'date', iso: '2024-02-29', time: '01:00' });
    expect(todayIn('Asia/Tokyo', new Date(Date.UTC(2021, 2, 4, 16, 0)))).toBe('2021-03-05');
    expect(japanTimeText(new Date(Date.UTC(2021, 2, 5, 1, 0)))).toBe('2021/03/05 10:00');
  });

  test('UTC (how exceljs hands over dates): the UTC fields as they are, from year 1000 to 9999', () => {
    expect(sheetDateOf(new Date(Date.UTC(2026, 9, 3)), 'UTC')).toEqual({ kind: 'date', iso: '2026-10-03' });
    expect(sheetDateOf(new Date(Date.UTC(1900, 0, 1, 9, 30)), 'UTC')).toEqual({ kind: 'date', iso: '1900-01-01', time: '09:30' });
    expect(sheetDateOf(new Date(Date.UTC(9999, 11, 31, 23, 59, 59, 999)), 'UTC')).toEqual({ kind: 'date', iso: '9999-12-31', time: '23:59' });
    expect(sheetDateOf(new Date(Number.NaN), 'UTC')).toBeNull();
  });

  test("Japan's summer time of 1948–1951 still comes from the time-zone data (+10:00 in July 1950)", () => {
    expect(sheetDateOf(new Date(Date.UTC(1950, 6, 1, 0, 0)), 'Asia/Tokyo')).toEqual({ kind: 'date', iso: '1950-07-01', time: '10:00' });
  });

  test('without ICU time-zone data (Apps Script does not document it), Japan time and UTC still work; another zone says it needs it', () => {
    const spy = jest.spyOn(Intl, 'DateTimeFormat').mockImplementation(() => {
      throw new RangeError('no time-zone data');
    });
    try {
      // A fresh copy of the module: no formatter cached by an earlier test.
      let fresh: typeof sheetDateOf = sheetDateOf;
      jest.isolateModules(() => {
        // eslint-disable-next-line @typescript-eslint/no-require-imports -- jest.isolateModules needs a synchronous require
        fresh = (require('../../src/workbook/cell-values') as { sheetDateOf: typeof sheetDateOf }).sheetDateOf;
      });
      expect(fresh).not.toBe(sheetDateOf);
      expect(fresh(new Date(Date.UTC(2026, 9, 2, 15, 0)), 'Asia/Tokyo')).toEqual({ kind: 'date', iso: '2026-10-03' });
      expect(fresh(new Date(Date.UTC(2026, 9, 2, 15, 0)), 'UTC')).toEqual({ kind: 'date', iso: '2026-10-02', time: '15:00' });
      expect(() => fresh(new Date(Date.UTC(2026, 9, 2, 15, 0)), 'America/Denver')).toThrow(RangeError);
    } finally {
      spy.mockRestore();
    }
  });

  test('the arithmetic agrees with ICU for any instant from 1952 on (Japan) and from year 1000 on (UTC); another zone goes through ICU', () => {
    const icu = (zone: string) =>
      new Intl.DateTimeFormat('en-US', {
        timeZone: zone,
        year: 'numeric',
        month: '2-digit',
        day: '2-digit',
        hour: '2-digit',
        minute: '2-digit',
        hourCycle: 'h23',
      });
    const expected = (date: Date, zone: string): { kind: 'date'; iso: string; time?: string } => {
      const p = Object.fromEntries(
        icu(zone)
          .formatToParts(date)
          .map((x) => [x.type, x.value]),
      );
      const time = `${p.hour}:${p.minute}`;
      return time === '00:00' ? { kind: 'date', iso: `${p.year}-${p.month}-${p.day}` } : { kind: 'date', iso: `${p.year}-${p.month}-${p.day}`, time };
    };
    fc.assert(
      fc.property(fc.integer({ min: Date.UTC(1952, 0, 1), max: Date.UTC(2200, 0, 1) }), (t) => {
        expect(sheetDateOf(new Date(t), 'Asia/Tokyo')).toEqual(expected(new Date(t), 'Asia/Tokyo'));
        expect(sheetDateOf(new Date(t), 'America/Denver')).toEqual(expected(new Date(t), 'America/Denver'));
      }),
      { numRuns: 300 },
    );
    fc.assert(
      fc.property(fc.integer({ min: Date.UTC(1000, 0, 1), max: Date.UTC(9999, 11, 31, 23, 59) }), (t) => {
        expect(sheetDateOf(new Date(t), 'UTC')).toEqual(expected(new Date(t), 'UTC'));
      }),
      { numRuns: 300 },
    );
  });
});
