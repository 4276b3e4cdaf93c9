import fc from 'fast-check';
import type { CellValue } from '../../src/domain/values/cell';
import { rowReader } from '../../src/domain/values/fields';
import type { Issue } from '../../src/domain/issues/issue';
import {
  checkOfficeNumber,
  makeOfficeNumber,
  OFFICE_NUMBER_EXAMPLE,
  officeNumberCheckDigit,
  readOfficeNumberField,
} from '../../src/domain/values/office-number';
import { type ColumnSpec, toTable } from '../../src/domain/sheets/table';
import { rawSheet } from '../helpers/tables';

describe('officeNumberCheckDigit (モジュラス10 ウェイト2-1分割, letters A=10 … Z=32 without I, O, Q)', () => {
  test.each([
    // 1 1 7 1 3 0 0 0 1, weights from the right 2,1,2,…  → left to right 2 1 2 1 2 1 2 1 2
    // products 2 1 14 1 6 0 0 0 2; 14 counts as 1+4 = 5; sum 2+1+5+1+6+0+0+0+2 = 17; (10 − 7) mod 10 = 3
    ['117130001', 3],
    // the last digit 7: 7×2 = 14 → 5; sum 15 + 5 = 20; (10 − 0) mod 10 = 0
    ['117130007', 0],
    // A = 10: 10×2 = 20 → 2+0 = 2; sum 2+1+2+1+6+0+0+0+2 = 14; 10 − 4 = 6
    ['11A130001', 6],
    // J = 18 (I is skipped): 18×2 = 36 → 3+6 = 9; sum 2+1+9+1+6+0+0+0+2 = 21; 10 − 1 = 9
    ['11J130001', 9],
    // Z = 32: 32×2 = 64 → 6+4 = 10; 1×2=2, 3×1=3, 0, 1×2=2, 0, 0, 0, 5×2 = 10 → 1; sum 2+3+10+0+2+0+0+0+1 = 18; 10 − 8 = 2
    ['13Z010005', 2],
    // a 地域包括支援センター of 北海道 (区分 0): 0×2 1×1 0×2 0×1 1×2 0×1 0×2 0×1 1×2 → 0+1+0+0+2+0+0+0+2 = 5; 10 − 5 = 5
    ['010010001', 5],
    // all nines: 9×2 = 18 → 1+8 = 9 five times, 9×1 four times; sum 45 + 36 = 81; 10 − 1 = 9
    ['999999999', 9],
    // H = 17 (the last letter before the gap at I): 17×2 = 34 → 7; 2×2=4, 7×1=7, 7, 0, 0, 0, 0, 0, 0; sum 18; 10 − 8 = 2
    ['27H000000', 2],
    // P = 23 (O is skipped): 23×2 = 46 → 4+6 = 10; 4×2=8, 0×1=0, 10, 9×1=9, 9×2=18 → 9, 0, 0, 0, 0; sum 8+0+10+9+9 = 36; 10 − 6 = 4
    ['40P990000', 4],
    // digits only, three products of two digits: 4×2=8, 7×1=7, 9×2=18 → 9, 4×1=4, 7×2=14 → 5, 0, 0, 0, 0; sum 33; 10 − 3 = 7
    ['479470000', 7],
  ])('%s → %d', (nine, digit) => {
    expect(officeNumberCheckDigit(nine)).toBe(digit);
  });

  test('is NaN for anything but nine digits or 区分 letters', () => {
    expect(officeNumberCheckDigit('11713000')).toBeNaN();
    expect(officeNumberCheckDigit('11I130001')).toBeNaN();
    expect(officeNumberCheckDigit('11a130001')).toBeNaN();
  });
});

describe('makeOfficeNumber', () => {
  test('pads the parts and appends the check digit', () => {
    expect(makeOfficeNumber(11, '7', 13, 1)).toBe('1171300013');
    // 0 1 A 0 2 0 0 0 3: 0×2 = 0, 1×1 = 1, A = 10, 10×2 = 20 → 2, 0, 2×2 = 4, 0, 0, 0, 3×2 = 6; sum 13; 10 − 3 = 7
    expect(makeOfficeNumber('01', 'A', '02', '0003')).toBe('01A0200037');
    // 0 1 7 0 1 0 0 0 1: 0, 1, 7×2 = 14 → 5, 0, 1×2 = 2, 0, 0, 0, 1×2 = 2; sum 10; (10 − 0) mod 10 = 0
    expect(makeOfficeNumber(1, '7', 1, 1)).toBe('0170100010');
    expect(OFFICE_NUMBER_EXAMPLE).toBe('1171300013');
  });

  test('refuses parts that make no office number', () => {
    expect(() => makeOfficeNumber(48, '7', 13, 1)).toThrow();
    expect(() => makeOfficeNumber(11, 'I', 13, 1)).toThrow();
  });
});

describe('checkOfficeNumber', () => {
  test('a valid number, with what its parts mean', () => {
    expect(checkOfficeNumber('1171300013')).toEqual({
      kind: 'valid',
      value: '1171300013',
      prefecture: '埼玉県',
      officeKind: '指定事業所',
      expectedCheckDigit: 3,
      checkDigitOk: true,
    });
    expect(checkOfficeNumber('11A1300016')).toMatchObject({ kind: 'valid', officeKind: '総合事業の事業所', checkDigitOk: true });
  });

  test('全角 is read as 半角, surrounding spaces are ignored', () => {
    expect(checkOfficeNumber('　１１７１３０００１３ ')).toMatchObject({ kind: 'valid', value: '1171300013', checkDigitOk: true });
  });

  test('a check digit that does not add up is still a valid structure, flagged', () => {
    expect(checkOfficeNumber('1171300014')).toMatchObject({ kind: 'valid', checkDigitOk: false, expectedCheckDigit: 3 });
  });

  test.each([
    ['117130001', /9文字あります/],
    ['11713000133', /11文字/],
    ['0071300013', /都道府県番号「00」/],
    ['4871300013', /都道府県番号「48」/],
    ['X171300013', /都道府県番号「X1」/],
    ['11I1300013', /区分「I」.*I・O・Q/],
    ['11O1300013', /区分「O」/],
    ['11Q1300013', /区分「Q」/],
    ['11#1300013', /区分「#」/],
    ['117A300013', /郡市区番号「A3」/],
    ['1171300B13', /6〜9文字目の番号「00B1」/],
    ['117130001X', /検証番号「X」/],
    ['', /空/],
  ])('%j is invalid: %s', (text, reason) => {
    const check = checkOfficeNumber(text);
    expect(check.kind).toBe('invalid');
    if (check.kind === 'invalid') expect(check.reason).toMatch(reason);
  });

  test('near misses come with the right form as suggestion', () => {
    expect(checkOfficeNumber('11-7-13-0001-3')).toMatchObject({ kind: 'invalid', reason: expect.stringMatching(/区切り/), suggestion: '1171300013' });
    expect(checkOfficeNumber('117 1300013')).toMatchObject({ kind: 'invalid', suggestion: '1171300013' });
    expect(checkOfficeNumber('11a1300016')).toMatchObject({ kind: 'invalid', reason: expect.stringMatching(/小文字/), suggestion: '11A1300016' });
    // 北海道 (01) typed into a number cell loses its leading 0: 0170100010 (check digit worked out above) reads 170100010
    expect(checkOfficeNumber('170100010', true)).toMatchObject({ kind: 'invalid', reason: expect.stringMatching(/先頭の0/), suggestion: '0170100010' });
    // Typed as text, nine digits lack one somewhere: a 0 in front would be a guess.
    expect(checkOfficeNumber('170100010')).toEqual({ kind: 'invalid', reason: '9文字あります（10文字です）' });
  });

  const made = fc
    .record({
      prefecture: fc.integer({ min: 1, max: 47 }),
      kind: fc.constantFrom(...'013456789ABCDEFGHJKLMNPRSTUVWXYZ'.split('')),
      district: fc.integer({ min: 0, max: 99 }),
      serial: fc.integer({ min: 0, max: 9999 }),
    })
    .map((p) => makeOfficeNumber(p.prefecture, p.kind, p.district, p.serial));

  /**
   * The published rule checked from the other side, as a reader of the number would (not by computing the
   * digit again): over all ten characters, weights 1, 2, 1, 2, … from the right (the check digit weighs 1),
   * each product counted as the sum of its digits, the total is a multiple of 10. Letters take the values
   * of MHLW's table, A = 10 … Z = 32 without I, O and Q.
   */
  function addsUpToTen(number: string): boolean {
    const letters = 'ABCDEFGHJKLMNPRSTUVWXYZ';
    let total = 0;
    [...number].reverse().forEach((ch, fromRight) => {
      const value = /\d/.test(ch) ? Number(ch) : 10 + letters.indexOf(ch);
      const product = String(value * (fromRight % 2 === 0 ? 1 : 2));
      for (const digit of product) total += Number(digit);
    });
    return total % 10 === 0;
  }

  test('the weighted sum of a made number, check digit included, is a multiple of 10', () => {
    expect(['1171300013', '01A0200037', '0170100010'].every(addsUpToTen)).toBe(true);
    expect(addsUpToTen('1171300014')).toBe(false);
    fc.assert(fc.property(made, (n) => addsUpToTen(n)));
  });

  test('every number makeOfficeNumber makes is valid', () => {
    fc.assert(fc.property(made, (n) => checkOfficeNumber(n).kind === 'valid' && (checkOfficeNumber(n) as { checkDigitOk: boolean }).checkDigitOk));
  });

  test('one mistyped digit is always caught', () => {
    const digitPositions = [0, 1, 3, 4, 5, 6, 7, 8];
    fc.assert(
      fc.property(made, fc.constantFrom(...digitPositions), fc.integer({ min: 1, max: 9 }), (n, at, shift) => {
        const typo = n.slice(0, at) + String((Number(n.charAt(at)) + shift) % 10) + n.slice(at + 1);
        const check = checkOfficeNumber(typo);
        return check.kind === 'invalid' || !check.checkDigitOk;
      }),
    );
  });

  test('never throws', () => {
    fc.assert(fc.property(fc.string(), (s) => ['valid', 'invalid'].includes(checkOfficeNumber(s).kind)));
  });
});

describe('readOfficeNumberField', () => {
  // メモ is a column the sheet reads, so that a row with a blank 事業所番号 is still a record (a row with nothing in
  // the columns read is none).
  const COLUMNS: readonly ColumnSpec<'office' | 'memo'>[] = [
    { key: 'office', header: '事業所番号', required: true },
    { key: 'memo', header: 'メモ' },
  ];

  function read(value: CellValue): { value: string | undefined; issues: Issue[] } {
    const table = toTable(
      rawSheet('委託契約', [
        ['事業所番号', 'メモ'],
        [value, '本庄'],
      ]),
      COLUMNS,
    );
    const row = table?.rows[0];
    if (!table || !row) throw new Error('no table');
    const issues: Issue[] = [];
    const r = rowReader(table, COLUMNS, row, issues);
    return { value: readOfficeNumberField(r, 'office', { required: true, hint: '事業所番号' }), issues };
  }

  test('a valid number says nothing; a number cell is read as its digits', () => {
    expect(read('1171300013')).toEqual({ value: '1171300013', issues: [] });
    expect(read(1171300013)).toEqual({ value: '1171300013', issues: [] });
  });

  test('全角 is a width warning with the 半角 number as suggestion', () => {
    const { value, issues } = read('１１７１３０００１３');
    expect(value).toBe('1171300013');
    expect(issues.map((i) => [i.code, i.severity, i.suggestion])).toEqual([['TEXT_WIDTH', 'warning', '1171300013']]);
  });

  test('a broken number is an error naming the defect and the right shape', () => {
    const { issues } = read('11I1300013');
    expect(issues).toHaveLength(1);
    expect(issues[0]).toMatchObject({ code: 'OFFICE_NUMBER_INVALID', severity: 'error', cell: 'A2', column: '事業所番号' });
    expect(issues[0]?.message).toMatch(/3文字目の事業所区分「I」/);
    expect(issues[0]?.message).toContain('10文字');
  });

  test('a check digit mismatch is a warning without a suggestion (the typo may be anywhere)', () => {
    const { value, issues } = read('1171300014');
    expect(value).toBe('1171300014');
    expect(issues.map((i) => [i.code, i.severity, i.suggestion])).toEqual([['OFFICE_NUMBER_CHECK_DIGIT', 'warning', undefined]]);
    expect(issues[0]?.message).toMatch(/検証番号が 4 ですが.*計算すると 3/);
  });

  test('blank is REQUIRED', () => {
    expect(read('').issues.map((i) => i.code)).toEqual(['REQUIRED']);
  });
});
