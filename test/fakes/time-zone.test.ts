import { fromZoned, zoned } from './cells';

/**
 * The fake's own time-zone arithmetic (cells.ts), against wall clocks worked out by hand: Japan is UTC+9 all
 * year; New York is UTC−5, and UTC−4 from 2021-03-14 07:00 UTC (02:00 local) on; India is UTC+5:30; Tokyo kept
 * local mean time, UTC+9:18:59, until 1888.
 */
describe('the fake spreadsheet reads and writes wall clocks in its time zone', () => {
  test.each([
    // 15:30 + 9 h = 24:30 → 00:30 of the next day, 2021-03-01, a Monday
    ['2021-02-28T15:30:00Z', 'Asia/Tokyo', [2021, 3, 1, 0, 30, 0, 0], 1, 540],
    // one second before the change: 06:59:59 − 5 h = 01:59:59, a Sunday
    ['2021-03-14T06:59:59Z', 'America/New_York', [2021, 3, 14, 1, 59, 59, 0], 0, -300],
    // at the change the clocks jump to 03:00 (07:00 − 4 h)
    ['2021-03-14T07:00:00Z', 'America/New_York', [2021, 3, 14, 3, 0, 0, 0], 0, -240],
    // 00:00:00.250 + 5 h 30 min = 05:30:00.250 on Friday 2021-01-01
    ['2021-01-01T00:00:00.250Z', 'Asia/Kolkata', [2021, 1, 1, 5, 30, 0, 250], 5, 330],
    // 00:00:00 + 9 h 18 min 59 s; the offset counts as 559 whole minutes (558.98 rounded)
    ['1887-01-01T00:00:00Z', 'Asia/Tokyo', [1887, 1, 1, 9, 18, 59, 0], 6, 559],
    ['2021-01-01T23:59:59Z', 'Etc/GMT', [2021, 1, 1, 23, 59, 59, 0], 5, 0],
  ])('%s in %s', (instant, zone, [year, month, day, hour, minute, second, millisecond], weekday, offsetMinutes) => {
    expect(zoned(new Date(instant), zone)).toEqual({ year, month, day, hour, minute, second, millisecond, weekday, offsetMinutes });
  });

  test.each([
    [{ year: 2021, month: 3, day: 1, hour: 0, minute: 30, second: 0 }, 'Asia/Tokyo', '2021-02-28T15:30:00.000Z'],
    [{ year: 2021, month: 3, day: 14, hour: 1, minute: 30, second: 0 }, 'America/New_York', '2021-03-14T06:30:00.000Z'],
    [{ year: 2021, month: 3, day: 14, hour: 12, minute: 0, second: 0 }, 'America/New_York', '2021-03-14T16:00:00.000Z'],
    [{ year: 2021, month: 1, day: 1, hour: 5, minute: 30, second: 0 }, 'Asia/Kolkata', '2021-01-01T00:00:00.000Z'],
  ])('%j in %s is %s', (wall, zone, instant) => {
    expect(fromZoned(wall, zone).toISOString()).toBe(instant);
  });
});
