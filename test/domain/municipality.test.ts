import { readFileSync } from 'fs';
import { join } from 'path';
import { addressKey, deriveMunicipality, type Place, sameMunicipality } from '../../src/domain/values/municipality';

/** 本庄市 as the issue describes it: 上里町 and 美里町 appear in addresses without their 郡. */
const HONJO: Place = { prefecture: '埼玉県', municipality: '本庄市', outsideTowns: ['上里町', '美里町'] };

function csvRows(file: string): Record<string, string>[] {
  const [header, ...lines] = readFileSync(join(__dirname, '..', 'fixtures', file), 'utf8')
    .trim()
    .split(/\r?\n/);
  const names = (header ?? '').split(',');
  return lines.map((line) => Object.fromEntries(line.split(',').map((cell, i) => [names[i] ?? '', cell])));
}

describe('deriveMunicipality', () => {
  test.each([
    ['児玉町長沖222　108号', '本庄市'],
    ['1216-1', '本庄市'],
    ['上里町大字堤487-1', '上里町'],
    ['美里町甘粕139-7　篠原ビル', '美里町'],
    ['深谷市岡部1010-3', '深谷市'],
    ['伊勢崎市連取町3082-8カーサロイヤル102', '伊勢崎市'],
    ['群馬県藤岡市鬼石139-1', '群馬県藤岡市'],
    ['埼玉県児玉郡上里町七本木420', '上里町'],
    ['埼玉県本庄市けや木2-4-5', '本庄市'],
    ['埼玉県深谷市岡部1010-3', '深谷市'],
    ['西五十子375-7-201→けや木2-4-5', '本庄市'],
    ['本庄市日の出3-1-12', '本庄市'],
  ])('%s → %s', (address, municipality) => {
    expect(deriveMunicipality(address, HONJO)).toBe(municipality);
  });

  test('the 41 addresses of 資料3 give the handout’s 所在', () => {
    const rows = csvRows('itaku-jigyosho-r3-02.csv');
    expect(rows).toHaveLength(41);
    for (const row of rows) expect([row['住所'], deriveMunicipality(row['住所'] ?? '', HONJO)]).toEqual([row['住所'], row['所在']]);
  });

  test('the new delegations of 令和3年1月・2月 give theirs', () => {
    for (const row of csvRows('shinki-itaku-r3.csv')) expect(deriveMunicipality(row['住所'] ?? '', HONJO)).toBe(row['所在']);
  });

  test('全角, 半角, leading spaces and a postcode make no difference', () => {
    expect(deriveMunicipality('　上里町大字堤４８７－１', HONJO)).toBe('上里町');
    expect(deriveMunicipality(' 深谷市 岡部１０１０－３', HONJO)).toBe('深谷市');
    expect(deriveMunicipality('〒367-0000 埼玉県 本庄市 駅南1-13-8', HONJO)).toBe('本庄市');
    expect(deriveMunicipality('〒３７０－２４５２　群馬県藤岡市三波川215-2', HONJO)).toBe('群馬県藤岡市');
    expect(deriveMunicipality('  1216-1', HONJO)).toBe('本庄市');
  });

  test('a town not listed in 市外の町村 is a district of the city, a listed one is itself', () => {
    expect(deriveMunicipality('神川町植竹1', HONJO)).toBe('本庄市');
    expect(deriveMunicipality('神川町植竹1', { ...HONJO, outsideTowns: ['上里町', '美里町', '神川町'] })).toBe('神川町');
    expect(deriveMunicipality('児玉郡神川町植竹1', HONJO)).toBe('神川町');
  });

  test('cities elsewhere keep their prefecture; the first 市 wins; a 政令市’s 区 is dropped', () => {
    expect(deriveMunicipality('埼玉県さいたま市浦和区高砂3-15-1', HONJO)).toBe('さいたま市');
    expect(deriveMunicipality('さいたま市浦和区高砂3-15-1', HONJO)).toBe('さいたま市');
    expect(deriveMunicipality('奈良県大和郡山市北郡山町248-4', HONJO)).toBe('奈良県大和郡山市');
    expect(deriveMunicipality('三重県四日市市諏訪町1-5', HONJO)).toBe('三重県四日市市');
    expect(deriveMunicipality('群馬県多野郡神流町万場90-6', HONJO)).toBe('群馬県神流町');
    expect(deriveMunicipality('群馬県上野村乙2', HONJO)).toBe('群馬県上野村');
    expect(deriveMunicipality('東京都新宿区西新宿2-8-1', HONJO)).toBe('東京都新宿区');
    expect(deriveMunicipality('町田市森野2-2-22', HONJO)).toBe('町田市');
  });

  test('a city in 東京都 reads its own 区', () => {
    expect(deriveMunicipality('西新宿2-8-1', { prefecture: '東京都', municipality: '新宿区', outsideTowns: [] })).toBe('新宿区');
    expect(deriveMunicipality('東京都中野区中野4-8-1', { prefecture: '東京都', municipality: '新宿区', outsideTowns: [] })).toBe('中野区');
  });

  test('without 設定 an address naming no municipality gives ""', () => {
    const none: Place = { prefecture: '', municipality: '', outsideTowns: [] };
    expect(deriveMunicipality('1216-1', none)).toBe('');
    expect(deriveMunicipality('埼玉県本庄市駅南1-13-8', none)).toBe('埼玉県本庄市');
    expect(deriveMunicipality('深谷市岡部1010-3', none)).toBe('深谷市');
  });
});

describe('sameMunicipality', () => {
  test.each([
    ['群馬県藤岡市', '藤岡市', true],
    ['児玉郡上里町', '上里町', true],
    ['埼玉県児玉郡上里町', '上里町', true],
    ['さいたま市浦和区', 'さいたま市', true],
    ['本 庄 市', '本庄市', true],
    ['本庄', '本庄市', false],
    ['上里町', '美里町', false],
    ['深谷市', '本庄市', false],
  ] as const)('%s / %s → %s', (a, b, same) => {
    expect(sameMunicipality(a, b)).toBe(same);
    expect(sameMunicipality(b, a)).toBe(same);
  });
});

describe('addressKey: one place however it is written', () => {
  test.each([
    ['埼玉県本庄市中央一丁目1番1号', '本庄市中央1-1-1'],
    ['本庄市中央１－１－１', '本庄市中央1-1-1'],
    ['〒367-0053 本庄市 中央1丁目1-1', '本庄市中央1-1-1'],
    ['本庄市中央1丁目1番地1', '本庄市中央1-1-1'],
    ['本庄市中央1の1の1', '本庄市中央1-1-1'],
    ['本庄市中央二十三番地', '本庄市中央23'],
    ['本庄市中央十番', '本庄市中央10'],
    ['埼玉県児玉郡上里町大字七本木1000番地', '上里町七本木1000'],
    ['東京都新宿区西新宿2-8-1', '新宿区西新宿2-8-1'],
  ])('%s → %s', (address, key) => {
    expect(addressKey(address)).toBe(key);
  });

  test('another number, another town: another key', () => {
    expect(addressKey('本庄市中央1-1-2')).not.toBe(addressKey('本庄市中央1-1-1'));
    expect(addressKey('本庄市銀座1-1-1')).not.toBe(addressKey('本庄市中央1-1-1'));
  });
});
