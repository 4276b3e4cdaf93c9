import type { CellValue } from '../../src/domain/values/cell';
import { checkOfficeNumber, makeOfficeNumber, officeLabel, officeNumberCheckDigit } from '../../src/domain/values/office-number';
import { CONTRACT_COLUMNS, readContracts } from '../../src/domain/sheets/contracts';
import { toTable } from '../../src/domain/sheets/table';
import { defaultSettings } from '../../src/domain/sheets/settings';
import { checkSheet } from '../../src/domain/sheets/workbook-check';
import { d, rawSheet } from '../helpers/tables';

/**
 * 事業所番号 at its edges. Check digits are worked by hand with the rule in office-number.ts (weights 2,1,2,…
 * from the right, digits of a product summed, A=10 … Z=32 skipping I, O, Q): e.g. 11A130001 →
 * 1·2 + 1 + (10·2 → 2) + 1 + 3·2 + 0 + 0 + 0 + 1·2 = 14 → check 6.
 */

describe('check digits worked by hand', () => {
  test.each([
    ['117130001', 3],
    ['11A130001', 6],
    ['11H130001', 1],
    ['11J130001', 9],
    ['11N130001', 0],
    ['11P130001', 8],
    ['11R130001', 6],
    ['11Z130001', 8],
    ['119130001', 9],
    ['477130001', 1],
    ['11AA30001', 6],
    ['000000000', 0],
    ['999999999', 9],
  ])('%s → %d', (nine, digit) => {
    expect(officeNumberCheckDigit(nine)).toBe(digit);
  });

  test.each(['11713000', '1171300013', '11I130001', '11O130001', '11Q130001', '11a130001', '11-130001'])('%s has no check digit', (nine) => {
    expect(officeNumberCheckDigit(nine)).toBeNaN();
  });
});

describe('structure', () => {
  test('the first and last 都道府県 numbers', () => {
    expect(checkOfficeNumber('0171300014')).toMatchObject({ kind: 'valid', value: '0171300014', prefecture: '北海道' });
    expect(checkOfficeNumber('4771300011')).toMatchObject({ kind: 'valid', prefecture: '沖縄県', expectedCheckDigit: 1, checkDigitOk: true });
    expect(checkOfficeNumber('0071300013').kind).toBe('invalid');
    expect(checkOfficeNumber('4871300013').kind).toBe('invalid');
  });

  test('a wrong check digit is still a number, flagged', () => {
    expect(checkOfficeNumber('1171300014')).toMatchObject({ kind: 'valid', value: '1171300014', expectedCheckDigit: 3, checkDigitOk: false });
    expect(checkOfficeNumber('11A1300016')).toMatchObject({ kind: 'valid', value: '11A1300016', expectedCheckDigit: 6, checkDigitOk: true });
  });

  test('a 区分 letter of no assigned meaning has no officeKind', () => {
    const z = checkOfficeNumber('11Z1300018');
    expect(z).toMatchObject({ kind: 'valid', checkDigitOk: true });
    expect(z).not.toHaveProperty('officeKind');
    expect(checkOfficeNumber('1171300013')).toHaveProperty('officeKind');
  });

  test.each(['11I1300013', '11O1300013', '11Q1300013', '11-1300013', '11７13000１', '1171A00013', '11713000A3', '117130001X', '117130001', '11713000133', ''])(
    '%s is invalid',
    (text) => {
      expect(checkOfficeNumber(text).kind).toBe('invalid');
    },
  );
});

describe('makeOfficeNumber', () => {
  test('adds the check digit, and refuses parts that make no number', () => {
    expect(makeOfficeNumber(11, '7', 13, 1)).toBe('1171300013');
    expect(makeOfficeNumber('47', '7', '13', '0001')).toBe('4771300011');
    expect(() => makeOfficeNumber(48, '7', 13, 1)).toThrow(/487130001/);
  });
});

describe('a suggestion only when the corrected number is a number', () => {
  test.each([
    ['11-7130-0013', '1171300013'],
    ['11 7130 0013', '1171300013'],
    ['11ー7130ー0013', '1171300013'],
    ['11a1300016', '11A1300016'],
    ['１１－７１３０－００１３', '1171300013'],
  ])('%s → %s', (text, suggestion) => {
    expect(checkOfficeNumber(text)).toMatchObject({ kind: 'invalid', suggestion });
  });

  test('nine digits: the lost leading 0 of a number cell; from text, no suggestion', () => {
    expect(checkOfficeNumber('117130001', true)).toMatchObject({ kind: 'invalid', suggestion: '0117130001' });
    expect(checkOfficeNumber('117130001')).not.toHaveProperty('suggestion');
  });

  test.each(['99-7130-0013', '11-I130-0013', '11i1300013', '11-a130-0013', '007130001', '11-7130-001', '1171300013-1'])('%s: no suggestion', (text) => {
    const check = checkOfficeNumber(text);
    expect(check.kind).toBe('invalid');
    expect(check).not.toHaveProperty('suggestion');
  });

  test('a valid number needs no correction', () => {
    expect(checkOfficeNumber(' 1171300013 ')).toMatchObject({ kind: 'valid', value: '1171300013' });
  });
});

describe('in the 委託契約 sheet', () => {
  const HEADER = ['事業所番号', '事業所名', '法人名', '所在地', '所在', '委託区分', '契約開始日', '契約終了日', '運営協議会承認日', '選定理由'];
  const context = { settings: defaultSettings('テスト'), today: '2026-11-23' };
  const sheet = (number: CellValue) =>
    checkSheet(
      '委託契約',
      rawSheet('委託契約', [HEADER, [number, 'いろは', '法人', '本庄市1', '本庄市', '両方', d('2026-04-01'), null, d('2026-03-20'), '利用者の希望']]),
      context,
    );
  const issues = (number: CellValue) => sheet(number).issues.map((i) => ({ code: i.code, cell: i.cell, suggestion: i.suggestion }));

  test('the right form is offered when it is certain', () => {
    expect(issues('11-7130-0013')).toEqual([{ code: 'OFFICE_NUMBER_INVALID', cell: 'A2', suggestion: '1171300013' }]);
    expect(issues(117130001)).toEqual([{ code: 'OFFICE_NUMBER_INVALID', cell: 'A2', suggestion: '0117130001' }]);
    // The same digits typed as text: one is missing, and which one is not certain.
    expect(issues('117130001')).toEqual([{ code: 'OFFICE_NUMBER_INVALID', cell: 'A2', suggestion: undefined }]);
  });

  test('the contract goes on with the suggested number, or with the text as typed when there is none', () => {
    const officeNumberOf = (number: CellValue): string | undefined => {
      const table = toTable(
        rawSheet('委託契約', [HEADER, [number, 'いろは', '法人', '本庄市1', '本庄市', '両方', d('2026-04-01'), null, d('2026-03-20'), '希望']]),
        CONTRACT_COLUMNS,
      );
      if (!table) throw new Error('no table');
      return readContracts(table, context).contracts[0]?.officeNumber;
    };
    expect(officeNumberOf('11-7130-0013')).toBe('1171300013');
    expect(officeNumberOf('99-7130-0013')).toBe('99-7130-0013');
    expect(officeNumberOf('１１７１３０００１３')).toBe('1171300013');
  });

  test('no suggestion for a number that would still be wrong', () => {
    expect(issues('99-7130-0013')).toEqual([{ code: 'OFFICE_NUMBER_INVALID', cell: 'A2', suggestion: undefined }]);
  });

  test('a check digit that does not add up is a warning of its own, with nothing to suggest', () => {
    expect(issues('1171300014')).toEqual([{ code: 'OFFICE_NUMBER_CHECK_DIGIT', cell: 'A2', suggestion: undefined }]);
    expect(sheet('1171300014').issues[0]?.severity).toBe('warning');
    expect(issues('1171300013')).toEqual([]);
  });
});

describe('officeLabel: an office as people know it', () => {
  test('its name, then its number in brackets; the number alone when no name is known', () => {
    expect(officeLabel('1170100029', 'あずみ苑本庄')).toBe('あずみ苑本庄（1170100029）');
    expect(officeLabel('1170100029', ' トマト村 ')).toBe('トマト村（1170100029）');
    expect(officeLabel('1170100029', '')).toBe('事業所番号 1170100029');
    expect(officeLabel('1170100029', '  ')).toBe('事業所番号 1170100029');
    expect(officeLabel('1170100029')).toBe('事業所番号 1170100029');
  });
});
