import { ERAS, eraYear } from '../../src/domain/values/dates';

const era = (name: string) => ERAS.find((e) => e.name === name)!;

/** The one era table gives the number after the era's name; 元年 is 1. Expectations written by hand. */
describe('eraYear', () => {
  test.each([
    ['令和', 2019, 1],
    ['令和', 2021, 3],
    ['令和', 2026, 8],
    ['平成', 1989, 1],
    ['平成', 2019, 31],
    ['昭和', 1926, 1],
    ['昭和', 1989, 64],
    ['大正', 1912, 1],
    ['明治', 1868, 1],
    ['明治', 1912, 45],
  ])('%s of %i is %i', (name, year, expected) => {
    expect(eraYear(era(name), year)).toBe(expected);
  });
});
