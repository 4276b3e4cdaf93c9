import { readFileSync } from 'fs';
import { join } from 'path';
import { deriveMunicipality } from '../../src/domain/values/municipality';
import { checkOfficeNumber } from '../../src/domain/values/office-number';
import { HONJO_NEW_CONTRACTS, HONJO_OFFICES, HONJO_PLACE } from '../../src/sample/honjo';

function csvRows(file: string): Record<string, string>[] {
  const [header, ...lines] = readFileSync(join(__dirname, '..', 'fixtures', file), 'utf8')
    .trim()
    .split(/\r?\n/);
  const names = (header ?? '').split(',');
  return lines.map((line) => Object.fromEntries(line.split(',').map((cell, i) => [names[i] ?? '', cell])));
}

describe('the Honjo handout as sample data', () => {
  const offices = csvRows('itaku-jigyosho-r3-02.csv');
  const newContracts = csvRows('shinki-itaku-r3.csv');

  test('the 41 offices of 資料3, in the printed order, with 所在, 事業所名, 住所 and 〇 as printed', () => {
    expect(HONJO_OFFICES.map((o) => [o.municipality, o.name, o.address, String(o.centerCount)])).toEqual(
      offices.map((r) => [r['所在'], r['事業所名'], r['住所'], r['〇の数']]),
    );
    expect(HONJO_OFFICES).toHaveLength(41);
  });

  test('the 〇 add up to the handout’s total, and no office has more than the four centers', () => {
    const total = offices.reduce((sum, r) => sum + Number(r['〇の数']), 0);
    expect(HONJO_OFFICES.reduce((sum, o) => sum + o.centerCount, 0)).toBe(total);
    // counted by hand in the seed text: 73 〇 in the 41 rows
    expect(total).toBe(73);
    expect(Math.max(...HONJO_OFFICES.map((o) => o.centerCount))).toBeLessThanOrEqual(4);
  });

  test('the new delegations of 令和3年1月・2月', () => {
    const month = (wareki: string): string => {
      const m = /^令和(\d+)年(\d+)月$/.exec(wareki);
      return m ? `${2018 + Number(m[1])}-${String(m[2]).padStart(2, '0')}` : wareki;
    };
    expect(HONJO_NEW_CONTRACTS.map((c) => [c.startMonth, c.municipality, c.name, c.address])).toEqual(
      newContracts.map((r) => [month(r['開始月'] ?? ''), r['所在'], r['事業所名'], r['住所']]),
    );
  });

  test('every made-up 事業所番号 is valid, check digit included, and unique', () => {
    const numbers = [...HONJO_OFFICES, ...HONJO_NEW_CONTRACTS].map((o) => o.officeNumber);
    for (const n of numbers) expect([n, checkOfficeNumber(n)]).toEqual([n, expect.objectContaining({ kind: 'valid', checkDigitOk: true })]);
    expect(new Set(numbers).size).toBe(numbers.length);
    // 群馬県 offices carry 群馬's prefecture number, the others 埼玉's
    for (const o of HONJO_OFFICES) expect(o.officeNumber.slice(0, 2)).toBe(o.address.startsWith('群馬県') || o.address.startsWith('伊勢崎市') ? '10' : '11');
  });

  test('every office has a 法人, some share one', () => {
    expect(HONJO_OFFICES.every((o) => o.corporation.trim() !== '')).toBe(true);
    expect(new Set(HONJO_OFFICES.map((o) => o.corporation)).size).toBeLessThan(HONJO_OFFICES.length);
  });

  test('所在 derives from each address with 本庄市’s place', () => {
    for (const o of [...HONJO_OFFICES, ...HONJO_NEW_CONTRACTS])
      expect([o.address, deriveMunicipality(o.address, HONJO_PLACE)]).toEqual([o.address, o.municipality]);
  });

  test('the office that moved keeps the printed address and gives the current one', () => {
    const moved = HONJO_OFFICES.filter((o) => o.currentAddress !== undefined);
    expect(moved.map((o) => [o.name, o.address, o.currentAddress])).toEqual([['本庄ケアプラザ', '西五十子375-7-201→けや木2-4-5', 'けや木2-4-5']]);
    expect(deriveMunicipality(moved[0]?.currentAddress ?? '', HONJO_PLACE)).toBe('本庄市');
  });
});
