import type { YearMonth } from '../domain/values/months';
import type { Place } from '../domain/values/municipality';

/**
 * The offices of the Honjo handout (本庄市地域包括支援センター運営協議会, 資料3: 介護予防支援等業務委託事業所一覧
 * R3年2月分) and its new delegations of 令和3年1月・2月. 所在, 事業所名 and 住所 are as printed (public business
 * data); 事業所番号 and 法人名 are not in the handout and are made up: the numbers are valid (check digit
 * included) but belong to no real office, and every 法人 is fictional (見本 = sample).
 */
export interface HonjoOffice {
  /** The handout's grouping. */
  readonly municipality: string;
  readonly name: string;
  /** 住所 as printed. */
  readonly address: string;
  /** How many of the four centers (本庄西, 本庄東, 本庄南, 児玉) delegated to it in 令和3年2月 (the 〇 of the row). */
  readonly centerCount: number;
  /** Made up. */
  readonly officeNumber: string;
  /** Made up. */
  readonly corporation: string;
  /** Where an office has moved, the address after the move (the handout prints `旧→新`). */
  readonly currentAddress?: string;
}

export interface HonjoNewContract {
  readonly startMonth: YearMonth;
  readonly municipality: string;
  readonly name: string;
  readonly address: string;
  /** Made up. */
  readonly officeNumber: string;
  /** Made up, except where the handout names the 法人. */
  readonly corporation: string;
}

/** The month of 資料3. */
export const HONJO_HANDOUT_MONTH: YearMonth = '2021-02';

/** 本庄市's place for 所在: the towns of 児玉郡 appear in addresses without their 郡. */
export const HONJO_PLACE: Place = { prefecture: '埼玉県', municipality: '本庄市', outsideTowns: ['上里町', '美里町', '神川町'] };

/** The four centers that are the handout's columns. */
/** The order of 所在 groups after the city itself, as the handout prints them. */
export const HONJO_MUNICIPALITY_ORDER = ['上里町', '美里町', '深谷市', '伊勢崎市', '群馬県藤岡市'] as const;

export const HONJO_CENTER_NAMES = ['本庄西', '本庄東', '本庄南', '児玉'] as const;

/** 資料3 in the order printed: 本庄市, then 上里町, 美里町, 深谷市, 伊勢崎市, 群馬県藤岡市. */
export const HONJO_OFFICES: readonly HonjoOffice[] = [
  {
    municipality: '本庄市',
    name: 'アクシスケアプラン',
    address: '小島3-16-26',
    centerCount: 1,
    officeNumber: '1171300773',
    corporation: '社会福祉法人 本庄福祉会',
  },
  { municipality: '本庄市', name: 'あずみ苑本庄', address: '西富田739-1', centerCount: 3, officeNumber: '1171300849', corporation: '株式会社 サンプルケア' },
  {
    municipality: '本庄市',
    name: 'ウェルサポートふじた',
    address: '牧西1044',
    centerCount: 3,
    officeNumber: '1171300914',
    corporation: '合同会社 サンプルプラン',
  },
  {
    municipality: '本庄市',
    name: '居宅介護支援事業所　彩',
    address: '駅南1-13-8',
    centerCount: 2,
    officeNumber: '1171300989',
    corporation: '医療法人社団 サンプル会',
  },
  {
    municipality: '本庄市',
    name: '居宅介護支援事業所　翔',
    address: '前原1-3-7-Ｂ102',
    centerCount: 2,
    officeNumber: '1171301052',
    corporation: '一般社団法人 見本ケア協会',
  },
  {
    municipality: '本庄市',
    name: '居宅介護支援事業所ふくしまライフサポート',
    address: '寿2-4-10',
    centerCount: 1,
    officeNumber: '1171301128',
    corporation: '医療法人 見本会',
  },
  {
    municipality: '本庄市',
    name: 'ケアサポート陽寄りの丘',
    address: '児玉町長沖222　108号',
    centerCount: 2,
    officeNumber: '1171301193',
    corporation: '特定非営利活動法人 見本ネット',
  },
  {
    municipality: '本庄市',
    name: 'けあビジョン本庄',
    address: '駅南2-10-4-101',
    centerCount: 0,
    officeNumber: '1171301268',
    corporation: '社会福祉法人 見本の里',
  },
  { municipality: '本庄市', name: 'ケアプラン四季', address: '四季の里2-15-9', centerCount: 2, officeNumber: '1171301334', corporation: '有限会社 見本ライフ' },
  {
    municipality: '本庄市',
    name: 'ケアプランセンタージャム',
    address: '西五十子446-15',
    centerCount: 3,
    officeNumber: '1171301409',
    corporation: '社会福祉法人 本庄福祉会',
  },
  {
    municipality: '本庄市',
    name: 'ケアプランゆう',
    address: '児玉町長沖202-1',
    centerCount: 2,
    officeNumber: '1171301474',
    corporation: '株式会社 サンプルケア',
  },
  {
    municipality: '本庄市',
    name: 'ことりケアプラン',
    address: '下野堂1-21-12-Ⅱ104',
    centerCount: 2,
    officeNumber: '1171301540',
    corporation: '合同会社 サンプルプラン',
  },
  {
    municipality: '本庄市',
    name: '児玉居宅介護支援センター',
    address: '児玉町金屋1302-1',
    centerCount: 1,
    officeNumber: '1171301615',
    corporation: '医療法人社団 サンプル会',
  },
  {
    municipality: '本庄市',
    name: '在宅介護支援センター安誠園',
    address: '小和瀬1666',
    centerCount: 3,
    officeNumber: '1171301680',
    corporation: '一般社団法人 見本ケア協会',
  },
  { municipality: '本庄市', name: '在宅介護本庄', address: '北堀1472-5', centerCount: 3, officeNumber: '1171301755', corporation: '医療法人 見本会' },
  {
    municipality: '本庄市',
    name: 'しゃくなげケアプラン',
    address: '前原2-2-3',
    centerCount: 3,
    officeNumber: '1171301821',
    corporation: '特定非営利活動法人 見本ネット',
  },
  {
    municipality: '本庄市',
    name: 'シャローム居宅介護支援センター',
    address: '今井1251-1',
    centerCount: 1,
    officeNumber: '1171301896',
    corporation: '社会福祉法人 見本の里',
  },
  { municipality: '本庄市', name: 'トマト村', address: '早稲田の杜5-14-8', centerCount: 3, officeNumber: '1171301961', corporation: '有限会社 見本ライフ' },
  {
    municipality: '本庄市',
    name: '長岡居宅介護支援事業所',
    address: '児玉町児玉1489-5',
    centerCount: 1,
    officeNumber: '1171302035',
    corporation: '社会福祉法人 本庄福祉会',
  },
  {
    municipality: '本庄市',
    name: 'ひまわり児玉',
    address: '児玉町入浅見838-3',
    centerCount: 1,
    officeNumber: '1171302100',
    corporation: '株式会社 サンプルケア',
  },
  {
    municipality: '本庄市',
    name: '本庄ケアプラザ',
    address: '西五十子375-7-201→けや木2-4-5',
    centerCount: 3,
    officeNumber: '1171302175',
    corporation: '合同会社 サンプルプラン',
    currentAddress: 'けや木2-4-5',
  },
  {
    municipality: '本庄市',
    name: 'ノエル居宅介護支援事業所',
    address: '児玉町上真下326-1',
    centerCount: 1,
    officeNumber: '1171302241',
    corporation: '医療法人社団 サンプル会',
  },
  {
    municipality: '本庄市',
    name: '居宅介護支援事業所　青い風',
    address: '日の出3-6-50',
    centerCount: 1,
    officeNumber: '1171302316',
    corporation: '一般社団法人 見本ケア協会',
  },
  {
    municipality: '本庄市',
    name: '本庄市社会福祉協議会ケアプランセンター',
    address: '久々宇318-1',
    centerCount: 1,
    officeNumber: '1171302381',
    corporation: '社会福祉法人 見本社会福祉協議会',
  },
  {
    municipality: '本庄市',
    name: 'むさしの居宅介護支援センター',
    address: '児玉町飯倉166',
    centerCount: 1,
    officeNumber: '1171302456',
    corporation: '特定非営利活動法人 見本ネット',
  },
  {
    municipality: '本庄市',
    name: '吉沢病院指定介護支援センター',
    address: '1216-1',
    centerCount: 1,
    officeNumber: '1171302522',
    corporation: '医療法人 見本会',
  },
  {
    municipality: '上里町',
    name: 'かみさと居宅介護支援事業所',
    address: '上里町大字堤487-1',
    centerCount: 3,
    officeNumber: '1178100770',
    corporation: '有限会社 見本ライフ',
  },
  {
    municipality: '上里町',
    name: '生協介護センター　こだま',
    address: '上里町七本木2948-2',
    centerCount: 4,
    officeNumber: '1178100846',
    corporation: '見本生活協同組合',
  },
  {
    municipality: '上里町',
    name: 'ケアプランさわやか',
    address: '上里町七本木2109-9',
    centerCount: 1,
    officeNumber: '1178100911',
    corporation: '株式会社 サンプルケア',
  },
  {
    municipality: '上里町',
    name: 'ハピネスケアセンター',
    address: '上里町七本木3684-2',
    centerCount: 3,
    officeNumber: '1178100986',
    corporation: '合同会社 サンプルプラン',
  },
  {
    municipality: '上里町',
    name: 'ケアプラン心の里',
    address: '上里町七本木420',
    centerCount: 3,
    officeNumber: '1178101059',
    corporation: '医療法人社団 サンプル会',
  },
  {
    municipality: '美里町',
    name: '居宅介護支援センター「けいあい」',
    address: '美里町小茂田749',
    centerCount: 3,
    officeNumber: '1178101125',
    corporation: '一般社団法人 見本ケア協会',
  },
  {
    municipality: '美里町',
    name: '居宅介護支援事業所　陽寄りの丘',
    address: '美里町甘粕139-7　篠原ビル',
    centerCount: 1,
    officeNumber: '1178101190',
    corporation: '医療法人 見本会',
  },
  {
    municipality: '美里町',
    name: 'ももよの丘',
    address: '美里町白石2323-1',
    centerCount: 1,
    officeNumber: '1178101265',
    corporation: '特定非営利活動法人 見本ネット',
  },
  {
    municipality: '美里町',
    name: '居宅介護支援センターチューリップ',
    address: '美里町阿那志775',
    centerCount: 1,
    officeNumber: '1178101331',
    corporation: '社会福祉法人 見本の里',
  },
  {
    municipality: '深谷市',
    name: '居宅介護支援せんたーこのみ',
    address: '深谷市岡部1010-3',
    centerCount: 1,
    officeNumber: '1171400771',
    corporation: '有限会社 見本ライフ',
  },
  {
    municipality: '伊勢崎市',
    name: '居宅介護支援ハハコグサ',
    address: '伊勢崎市連取町3082-8カーサロイヤル102',
    centerCount: 1,
    officeNumber: '1070400773',
    corporation: '株式会社 見本ぐんま',
  },
  {
    municipality: '伊勢崎市',
    name: '居宅介護支援事業所　優',
    address: '伊勢崎市八斗島町1622-28',
    centerCount: 1,
    officeNumber: '1070400849',
    corporation: '株式会社 見本ぐんま',
  },
  {
    municipality: '群馬県藤岡市',
    name: '居宅介護支援事業所　ふく',
    address: '群馬県藤岡市鬼王氏735-2',
    centerCount: 1,
    officeNumber: '1070700776',
    corporation: '株式会社 見本ぐんま',
  },
  {
    municipality: '群馬県藤岡市',
    name: '介護老人保健施設　鬼石',
    address: '群馬県藤岡市鬼石139-1',
    centerCount: 1,
    officeNumber: '1070700842',
    corporation: '医療法人 見本上州会',
  },
  {
    municipality: '群馬県藤岡市',
    name: 'ケアプランセンターオアシス',
    address: '群馬県藤岡市三波川215-2',
    centerCount: 1,
    officeNumber: '1070700917',
    corporation: '医療法人 見本上州会',
  },
];

/** 新規に委託した指定介護予防支援等業務を行う居宅介護支援事業者 (開始月 令和3年1月・2月). */
export const HONJO_NEW_CONTRACTS: readonly HonjoNewContract[] = [
  {
    startMonth: '2021-01',
    municipality: '上里町',
    name: '社会福祉法人ルピナス会（かみさとナーシングホーム）',
    address: '上里町大字堤439',
    officeNumber: '1178101406',
    corporation: '社会福祉法人ルピナス会',
  },
  {
    startMonth: '2021-02',
    municipality: '本庄市',
    name: 'のんびり森',
    address: '日の出3-1-12',
    officeNumber: '1171302597',
    corporation: '株式会社 サンプルケア',
  },
];
