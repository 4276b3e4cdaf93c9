import type { Settings } from '../sheets/settings';
import { tidySpaces, toHalfWidthAlnum } from './text';

/** 都道府県 in the order of their codes (01 北海道 … 47 沖縄県). */
export const PREFECTURES = [
  '北海道',
  '青森県',
  '岩手県',
  '宮城県',
  '秋田県',
  '山形県',
  '福島県',
  '茨城県',
  '栃木県',
  '群馬県',
  '埼玉県',
  '千葉県',
  '東京都',
  '神奈川県',
  '新潟県',
  '富山県',
  '石川県',
  '福井県',
  '山梨県',
  '長野県',
  '岐阜県',
  '静岡県',
  '愛知県',
  '三重県',
  '滋賀県',
  '京都府',
  '大阪府',
  '兵庫県',
  '奈良県',
  '和歌山県',
  '鳥取県',
  '島根県',
  '岡山県',
  '広島県',
  '山口県',
  '徳島県',
  '香川県',
  '愛媛県',
  '高知県',
  '福岡県',
  '佐賀県',
  '長崎県',
  '熊本県',
  '大分県',
  '宮崎県',
  '鹿児島県',
  '沖縄県',
] as const;

/** Where the center is: what an address without a municipality belongs to, and the towns named without a 郡. */
export type Place = Pick<Settings, 'prefecture' | 'municipality' | 'outsideTowns'>;

/** An address or a name prepared for reading: 半角 digits, 全角 katakana, no spaces, no leading postcode. */
function prepare(text: string): string {
  return toHalfWidthAlnum(text)
    .replace(/\s/g, '')
    .replace(/^〒?\d{3}-?\d{4}/, '');
}

function leadingPrefecture(text: string): string | undefined {
  return PREFECTURES.find((p) => text.startsWith(p));
}

// A municipality's name has no digits. A 郡's towns and the 市 rule exclude 市 so that 大和郡山市 is a city.
const DISTRICT_TOWN = /^[^\d市]{1,6}?郡([^\d市郡]{1,6}?[町村])/;
const CITY = /^[^\d]{1,6}?市/;
/** Cities whose name itself ends in 市, which the shortest match above would cut short. */
const CITIES_ENDING_IN_SHI = ['四日市市', '廿日市市', '野々市市'];
const TOKYO_WARD = /^[^\d]{1,4}?区/;
const TOWN = /^[^\d]{1,6}?[町村]/;

/**
 * The office's 所在 from its address (SPEC §2.2), with the center's place from 設定:
 * - a leading 都道府県 stays with the municipality after it (`群馬県藤岡市…` → 群馬県藤岡市) unless it is the
 *   center's own, which is dropped (`埼玉県深谷市…` → 深谷市);
 * - the center's own municipality, or a town listed in 市外の町村 (`上里町大字堤…` → 上里町), at the start;
 * - `…郡…町/村` → that town (`児玉郡上里町…` → 上里町);
 * - a leading `…市` → that city; the first 市 wins, so `伊勢崎市連取町…` is 伊勢崎市 and a 政令市's 区 is dropped;
 * - in 東京都, a leading `…区`;
 * - anything else is in the center's own municipality: `児玉町長沖…` is 本庄市, 児玉町 being a district of it,
 *   and so is an address with no municipality at all (`1216-1`).
 * Returns '' when the address names no municipality and 設定 has no 市区町村名.
 */
export function deriveMunicipality(address: string, place: Place): string {
  let rest = prepare(address);
  const own = tidySpaces(place.municipality);
  const ownPrefecture = prepare(place.prefecture);
  const prefecture = leadingPrefecture(rest);
  let foreign = '';
  if (prefecture !== undefined) {
    rest = rest.slice(prefecture.length);
    if (prefecture !== ownPrefecture) foreign = prefecture;
  }
  if (foreign === '') {
    if (own !== '' && rest.startsWith(prepare(own))) return own;
    const town = place.outsideTowns.find((t) => prepare(t) !== '' && rest.startsWith(prepare(t)));
    if (town !== undefined) return tidySpaces(town);
  }
  const districtTown = DISTRICT_TOWN.exec(rest);
  if (districtTown?.[1] !== undefined) return foreign + districtTown[1];
  const shi = CITIES_ENDING_IN_SHI.find((c) => rest.startsWith(c)) ?? CITY.exec(rest)?.[0];
  if (shi !== undefined) return foreign + shi;
  if ((foreign || ownPrefecture) === '東京都') {
    const ward = TOKYO_WARD.exec(rest)?.[0];
    if (ward !== undefined) return foreign + ward;
  }
  if (foreign !== '') return foreign + (TOWN.exec(rest)?.[0] ?? '');
  return own;
}

/** A municipality's name reduced for comparison: no 都道府県, no 郡, no 政令市's 区. */
function municipalityKey(name: string): string {
  let key = prepare(name);
  const prefecture = leadingPrefecture(key);
  if (prefecture !== undefined && key.length > prefecture.length) key = key.slice(prefecture.length);
  const districtTown = /^[^\d市]+?郡([^\d市郡]+[町村])$/.exec(key);
  if (districtTown?.[1] !== undefined) return districtTown[1];
  const cityWard = /^([^\d]+?市)[^\d]+区$/.exec(key);
  return cityWard?.[1] ?? key;
}

/**
 * Whether two 所在 name the same municipality as people write it: `群馬県藤岡市` and `藤岡市`, `児玉郡上里町` and
 * `上里町`, `さいたま市浦和区` and `さいたま市` do; `本庄` and `本庄市` do not (a name cut short is worth a look).
 */
export function sameMunicipality(a: string, b: string): boolean {
  return municipalityKey(a) === municipalityKey(b);
}

const KANJI_DIGITS: Readonly<Record<string, number>> = { 〇: 0, 一: 1, 二: 2, 三: 3, 四: 4, 五: 5, 六: 6, 七: 7, 八: 8, 九: 9 };

/** 一 to 九十九 in kanji, as an address writes a 丁目 or a 番 (中央一丁目, 二十三番地). */
function kanjiNumber(text: string): number {
  const [tens, ones] = text.includes('十') ? text.split('十') : ['', text];
  const digit = (t: string | undefined): number => (t ? (KANJI_DIGITS[t] ?? 0) : 0);
  return (text.includes('十') ? (tens === '' ? 1 : digit(tens)) * 10 : 0) + digit(ones);
}

/**
 * An address as it is compared between two writings of it: 「埼玉県本庄市中央一丁目1番1号」, 「本庄市中央1-1-1」 and
 * 「本庄市中央１－１－１」 are one place. 半角 digits, no spaces or postcode, no leading 都道府県 or 郡, no 大字, kanji numbers before 丁目・番・号
 * in digits, 丁目・番(地)・号 and の between numbers as hyphens, every dash one hyphen. Only for comparing: never shown.
 */
export function addressKey(address: string): string {
  const text = prepare(address);
  const prefecture = leadingPrefecture(text);
  return (prefecture ? text.slice(prefecture.length) : text)
    .replace(/^[^\d]{1,6}?郡(?=[^\d]{1,6}?[町村])/, '')
    .replace(/大字/g, '')
    .replace(/[〇一二三四五六七八九十]+(?=丁目|番|号)/g, (kanji) => String(kanjiNumber(kanji)))
    .replace(/[‐‑‒–—―−ーｰ－]/g, '-')
    .replace(/(\d)(?:丁目|番地?|の)(?=\d)/g, '$1-')
    .replace(/(\d)(?:番地?|号)$/, '$1');
}
