import { DEFAULT_CONSULTATION_TOPICS, readSettings } from '../../src/domain/sheets/settings';
import { rawSheet } from '../helpers/tables';

describe('readSettings', () => {
  test('a missing sheet means every default, with the spreadsheet’s name as センター名', () => {
    const { settings, issues } = readSettings(undefined, '本庄西包括');
    expect(issues).toEqual([]);
    expect(settings).toMatchObject({ centerName: '本庄西包括', concentrationThreshold: 0.8, abuseReportDays: 1, outsideTowns: [] });
    expect(settings.consultationTopics).toEqual([...DEFAULT_CONSULTATION_TOPICS]);
  });

  test('values are read by 項目, lists split on 、 or ,', () => {
    const sheet = rawSheet('設定', [
      ['項目', '値'],
      ['センター名', ' 本庄西地域包括支援センター '],
      ['都道府県名', '埼玉県'],
      ['市区町村名', '本庄市'],
      ['市外の町村', '上里町、美里町,神川町'],
      ['集中の警告しきい値', '７５％'],
      ['虐待報告の期限日数', 2],
      ['相談内容', '虐待、認知症、その他'],
      ['知らない項目', 'x'],
    ]);
    const { settings, issues } = readSettings(sheet, 'file');
    expect(issues).toEqual([]);
    expect(settings).toMatchObject({
      centerName: '本庄西地域包括支援センター',
      prefecture: '埼玉県',
      municipality: '本庄市',
      outsideTowns: ['上里町', '美里町', '神川町'],
      concentrationThreshold: 0.75,
      abuseReportDays: 2,
      consultationTopics: ['虐待', '認知症', 'その他'],
    });
  });

  test('a list of municipalities parts at ・ too, a list of 相談内容 does not (医療・入退院 is one); 埼玉 is 埼玉県', () => {
    const sheet = rawSheet('設定', [
      ['項目', '値'],
      ['都道府県名', '埼玉'],
      ['市外の町村', '上里町・美里町'],
      ['所在の順', '本庄市・上里町、深谷市'],
      ['相談内容', '医療・入退院、認知症'],
    ]);
    const { settings, issues } = readSettings(sheet, 'file');
    expect(issues).toEqual([]);
    expect(settings).toMatchObject({
      prefecture: '埼玉県',
      outsideTowns: ['上里町', '美里町'],
      municipalityOrder: ['本庄市', '上里町', '深谷市'],
      consultationTopics: ['医療・入退院', '認知症'],
    });
    const name = (text: string): string =>
      readSettings(
        rawSheet('設定', [
          ['項目', '値'],
          ['都道府県名', text],
        ]),
        'file',
      ).settings.prefecture;
    expect(['東京', '京都', '大阪', '北海道', '埼玉県', 'さいたま'].map(name)).toEqual(['東京都', '京都府', '大阪府', '北海道', '埼玉県', 'さいたま']);
  });

  test('a bad value is reported in Japanese with the cell, and the default is used', () => {
    const sheet = rawSheet('設定', [
      ['項目', '値'],
      ['集中の警告しきい値', '多め'],
      ['虐待報告の期限日数', '-3'],
    ]);
    const { settings, issues } = readSettings(sheet, 'file');
    expect(settings.concentrationThreshold).toBe(0.8);
    expect(settings.abuseReportDays).toBe(1);
    expect(issues.map((i) => [i.cell, i.code, i.severity])).toEqual([
      ['B2', 'SETTING_INVALID', 'error'],
      ['B3', 'SETTING_INVALID', 'error'],
    ]);
    expect(issues[0]?.message).toBe('「集中の警告しきい値」の値「多め」は使えません。1%〜100%の割合（例: 80%）を入力してください。今回は既定値で続けます。');
  });

  test('0.8, 80 and 80% all mean 80%', () => {
    for (const v of ['0.8', '80', '80%', 80]) {
      expect(readSettings(rawSheet('設定', [['集中の警告しきい値', v]]), 'f').settings.concentrationThreshold).toBeCloseTo(0.8);
    }
  });
});

describe('readSettings: the spreadsheet’s name, asked for only when 設定 names no center', () => {
  const asked: string[] = [];
  const nameOf = (name: string) => (): string => {
    asked.push(name);
    return name;
  };

  test('a センター名 in 設定 is used, and the name is not asked', () => {
    asked.length = 0;
    const sheet = rawSheet('設定', [['センター名', '本庄西地域包括支援センター']]);
    expect(readSettings(sheet, nameOf('台帳')).settings.centerName).toBe('本庄西地域包括支援センター');
    expect(asked).toEqual([]);
  });

  test('no センター名 or a blank one: the name is asked once, and a blank name gives the plain word', () => {
    asked.length = 0;
    expect(readSettings(undefined, nameOf('台帳')).settings.centerName).toBe('台帳');
    expect(readSettings(rawSheet('設定', [['センター名', '  ']]), nameOf('本庄東')).settings.centerName).toBe('本庄東');
    expect(readSettings(rawSheet('設定', []), nameOf(' ')).settings.centerName).toBe('地域包括支援センター');
    expect(asked).toEqual(['台帳', '本庄東', ' ']);
    expect(readSettings(undefined, '書いた名前').settings.centerName).toBe('書いた名前');
  });
});

describe('a 設定 item under a name a little off', () => {
  const read = (rows: unknown[][]) => readSettings(rawSheet('設定', [['項目', '値'], ['センター名', '本庄西'], ...(rows as never[][])]), 'file');

  test('is told, with the item it is like as the candidate, and the default stays (its value is not guessed into it)', () => {
    const { settings, issues } = read([['虐待の報告期限', 3]]);
    expect(issues.map((i) => [i.cell, i.code, i.severity, i.message, i.suggestion])).toEqual([
      [
        'A3',
        'SETTING_UNKNOWN',
        'warning',
        '「虐待の報告期限」は設定の項目にないので、読んでいません。「虐待報告の期限日数」のことなら、項目名をそう書き換えてください（値は0〜365の整数（例: 1））。',
        '虐待報告の期限日数',
      ],
    ]);
    expect(settings.abuseReportDays).toBe(1);
  });

  test('a note of the center’s own is left alone: one like an item that is there (センター長 by センター名), one like none, one without a value', () => {
    expect(
      read([
        ['センター長', '本庄 太郎'],
        ['電話番号', '0495-00-0000'],
        ['虐待の報告期限', ''],
      ]).issues,
    ).toEqual([]);
  });

  test('like two items, it is taken for the one it is most like', () => {
    // 苦情の報告期限日数: like 苦情の対応期限日数 (5 pairs of 8 shared: 0.63) more than 虐待報告の期限日数 (4: 0.5).
    expect(read([['苦情の報告期限日数', 20]]).issues.map((i) => i.suggestion)).toEqual(['苦情の対応期限日数']);
  });

  test('an item already there under its own name makes a near name a note, not a second try at it', () => {
    expect(
      read([
        ['虐待報告の期限日数', 2],
        ['虐待の報告期限', 3],
      ]).issues,
    ).toEqual([]);
  });
});

describe('設定 kept across: the items in a row, their values in the row below', () => {
  const ACROSS = rawSheet('設定', [
    ['センター名', 'センターコード', '都道府県名', '市区町村名', '集中の警告しきい値'],
    ['本庄西', 'H01', '埼玉県', '本庄市', '120%'],
    [],
    ['虐待報告の期限日数', 2],
  ]);

  test('each value is read under its item, never the next item as the first one’s value; an item down beside them is read too', () => {
    const { settings, issues } = readSettings(ACROSS, '台帳');
    expect([settings.centerName, settings.centerCode, settings.prefecture, settings.municipality, settings.abuseReportDays]).toEqual([
      '本庄西',
      'H01',
      '埼玉県',
      '本庄市',
      2,
    ]);
    // A bad value is said at its own cell, under its item.
    expect(issues.map((i) => [i.cell, i.code])).toEqual([['E2', 'SETTING_INVALID']]);
    expect(settings.concentrationThreshold).toBe(0.8);
  });

  test('a row with one item is read down as before (項目 | 値), whatever follows it', () => {
    const down = readSettings(
      rawSheet('設定', [
        ['項目', '値'],
        ['センター名', '本庄東'],
        ['センターコード', 'H02'],
      ]),
      '台帳',
    );
    expect([down.settings.centerName, down.settings.centerCode, down.issues]).toEqual(['本庄東', 'H02', []]);
  });
});
