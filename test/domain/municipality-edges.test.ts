import { deriveMunicipality, type Place, sameMunicipality } from '../../src/domain/values/municipality';

/**
 * The edges of the 所在 rules: a 市/区/町 only counts at the start of what is left of the address, a foreign
 * 都道府県 is kept even when no municipality follows it, and 東京都's 区 are municipalities.
 */

const HONJO: Place = { prefecture: '埼玉県', municipality: '本庄市', outsideTowns: ['上里町', '美里町'] };
const SHINJUKU: Place = { prefecture: '東京都', municipality: '新宿区', outsideTowns: [] };

describe('市, 区, 町 after the start of the address are part of a street or a building', () => {
  test.each([
    ['児玉町八幡山1-2 本町市場', '本庄市'],
    ['1-2 本町市場', '本庄市'],
    ['あいうえおかき市1-1', '本庄市'],
    ['あいうえおか市1-1', 'あいうえおか市'],
    ['けや木2-4-5 中央区民館', '本庄市'],
    ['児玉1-2 上里町方面', '本庄市'],
    ['1216-1 児玉郡上里町', '本庄市'],
  ])('%s → %s', (address, municipality) => {
    expect(deriveMunicipality(address, HONJO)).toBe(municipality);
  });
});

describe('a foreign 都道府県', () => {
  test.each([
    ['群馬県1-2-3', '群馬県'],
    ['群馬県', '群馬県'],
    ['群馬県1番地の町内会館', '群馬県'],
    ['群馬県甘楽町小幡1', '群馬県甘楽町'],
    ['群馬県多野郡神流町万場1', '群馬県神流町'],
    ['群馬県高崎市箕郷町1', '群馬県高崎市'],
    ['三重県四日市市諏訪町1-5', '三重県四日市市'],
    ['広島県廿日市市下平良1-11-1', '広島県廿日市市'],
    ['東京都新宿区西新宿2-8-1', '東京都新宿区'],
    ['東京都八王子市元本郷町3-24-1', '東京都八王子市'],
    ['東京都1-2 中央区民館', '東京都'],
    ['〒370-0001 群馬県高崎市1', '群馬県高崎市'],
    ['370-0001 群馬県高崎市1', '群馬県高崎市'],
    ['3700001群馬県高崎市1', '群馬県高崎市'],
  ])('%s → %s', (address, municipality) => {
    expect(deriveMunicipality(address, HONJO)).toBe(municipality);
  });

  test('its towns are not the center’s towns', () => {
    expect(deriveMunicipality('群馬県上里町1', HONJO)).toBe('群馬県上里町');
    expect(deriveMunicipality('群馬県本庄市1', HONJO)).toBe('群馬県本庄市');
  });
});

describe('the center’s own prefecture', () => {
  test('a 区 outside 東京都 is part of a place name, so the address is in the center’s municipality', () => {
    expect(deriveMunicipality('西区1-1', HONJO)).toBe('本庄市');
  });

  test('in 東京都 a leading 区 of up to four characters is the municipality', () => {
    expect(deriveMunicipality('渋谷区道玄坂1-1', SHINJUKU)).toBe('渋谷区');
    expect(deriveMunicipality('東京都渋谷区道玄坂1-1', SHINJUKU)).toBe('渋谷区');
    expect(deriveMunicipality('あいうえ区1', SHINJUKU)).toBe('あいうえ区');
    expect(deriveMunicipality('あいうえお区1', SHINJUKU)).toBe('新宿区');
    expect(deriveMunicipality('西新宿2-8-1', SHINJUKU)).toBe('新宿区');
    expect(deriveMunicipality('西新宿2-8-1 区役所前', SHINJUKU)).toBe('新宿区');
  });

  test('a town of the prefecture not listed in 設定 is the center’s own district', () => {
    expect(deriveMunicipality('児玉町長沖1', HONJO)).toBe('本庄市');
    expect(deriveMunicipality('埼玉県児玉町長沖1', HONJO)).toBe('本庄市');
  });

  test('a listed town written with spaces or in full width is still that town', () => {
    expect(deriveMunicipality('上 里 町 七本木1', HONJO)).toBe('上里町');
    expect(deriveMunicipality('七本木1', { ...HONJO, outsideTowns: [' ', '上里町'] })).toBe('本庄市');
  });

  test('no municipality in 設定 and none in the address: empty', () => {
    expect(deriveMunicipality('1216-1', { prefecture: '埼玉県', municipality: '', outsideTowns: [] })).toBe('');
    expect(deriveMunicipality('深谷市1', { prefecture: '埼玉県', municipality: '', outsideTowns: [] })).toBe('深谷市');
  });
});

describe('sameMunicipality', () => {
  test.each([
    ['群馬県藤岡市', '藤岡市', true],
    ['児玉郡上里町', '上里町', true],
    ['埼玉県児玉郡上里町', '上里町', true],
    ['さいたま市浦和区', 'さいたま市', true],
    ['埼玉県さいたま市浦和区', 'さいたま市', true],
    ['本庄', '本庄市', false],
    ['藤岡市', '富岡市', false],
    ['埼玉県', '埼玉県', true],
    ['埼玉県', '', false],
    ['東京都新宿区', '新宿区', true],
    ['上里町', '美里町', false],
    [' 本庄市 ', '本庄市', true],
    ['児玉郡上里町七本木', '上里町', false],
    ['さいたま市浦和区高砂', 'さいたま市', false],
  ])('%s ~ %s: %s', (a, b, same) => {
    expect(sameMunicipality(a, b)).toBe(same);
  });
});
