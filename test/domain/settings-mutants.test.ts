import type { CellValue } from '../../src/domain/values/cell';
import { settingLabel } from '../../src/domain/sheets/city-settings';
import { DEFAULT_CONSULTATION_TOPICS, defaultSettings, readSettings, readShare, type Settings } from '../../src/domain/sheets/settings';
import { rawSheet } from '../helpers/tables';

/** 設定, value by value: the defaults, how each kind of value is read, and what a bad one says. Expectations are written by hand. */

const read = (rows: CellValue[][]) => readSettings(rawSheet('設定', rows), 'センター');

describe('the default settings', () => {
  test('are these, with the spreadsheet’s name as センター名', () => {
    expect(defaultSettings('本庄西包括')).toStrictEqual({
      centerName: '本庄西包括',
      centerCode: '',
      prefecture: '',
      municipality: '',
      outsideTowns: [],
      corporation: '',
      concentrationThreshold: 0.8,
      abuseReportDays: 1,
      complaintDeadlineDays: 30,
      consultationTopics: [...DEFAULT_CONSULTATION_TOPICS],
      cityWorkbookUrl: '',
      municipalityOrder: [],
      submissionRecipients: [],
      submissionFileUrl: '',
    });
  });

  test('the name is trimmed; a blank name is 地域包括支援センター', () => {
    expect(defaultSettings('  本庄西包括　').centerName).toBe('本庄西包括');
    expect(defaultSettings('').centerName).toBe('地域包括支援センター');
    expect(defaultSettings(' 　 ').centerName).toBe('地域包括支援センター');
  });
});

describe('a share (集中の警告しきい値, 全国平均)', () => {
  test.each([
    ['80%', 0.8],
    ['80', 0.8],
    ['0.8', 0.8],
    ['８０％', 0.8],
    ['80 %', 0.8],
    [' 7 5 ', 0.75],
    ['100', 1],
    ['2', 0.02],
  ])('「%s」 is %p', (text, share) => {
    expect(readShare(text)).toBeCloseTo(share);
  });

  test('1 is the whole (100%), not 1%; 1% is 1%', () => {
    expect(readShare('1')).toBe(1);
    expect(readShare('1%')).toBe(0.01);
  });

  test.each(['多め', 'a80', '80x', '80%%', '約80%', '-80', ''])('「%s」 is no share', (text) => {
    expect(readShare(text)).toBeNaN();
  });
});

describe('the number of days (虐待報告の期限日数, 苦情の対応期限日数)', () => {
  test.each([
    ['3', 3],
    ['３日', 3],
    ['14 日', 14],
  ])('「%s」 is %p days', (text, days) => {
    const { settings, issues } = read([['虐待報告の期限日数', text]]);
    expect(issues).toEqual([]);
    expect(settings.abuseReportDays).toBe(days);
  });

  test.each(['+3', '3.0', 'a3', '3x', '三日'])('「%s」 is no whole number of days: reported, and the default kept', (text) => {
    const { settings, issues } = read([['苦情の対応期限日数', text]]);
    expect(settings.complaintDeadlineDays).toBe(30);
    expect(issues.map((i) => i.message)).toEqual([
      `「苦情の対応期限日数」の値「${text}」は使えません。0〜365の整数（例: 30）を入力してください。今回は既定値で続けます。`,
    ]);
  });
});

describe('a list (市外の町村, 相談内容, 所在の順)', () => {
  test('is split on 、 , ， and line breaks, each name tidied, empty ones dropped', () => {
    const { settings, issues } = read([
      ['市外の町村', ' 上里町 、、美里町,，神川町\n\n 深谷市 、'],
      ['所在の順', '上里町、\n美里町'],
    ]);
    expect(issues).toEqual([]);
    expect(settings.outsideTowns).toEqual(['上里町', '美里町', '神川町', '深谷市']);
    expect(settings.municipalityOrder).toEqual(['上里町', '美里町']);
  });
});

describe('提出先メールアドレス', () => {
  test('several addresses are read, lower case', () => {
    const { settings, issues } = read([['提出先メールアドレス', 'Kaigo@City.example.jp、chiiki@city.example.jp']]);
    expect(issues).toEqual([]);
    expect(settings.submissionRecipients).toEqual(['kaigo@city.example.jp', 'chiiki@city.example.jp']);
  });

  test('one that is no address makes the setting invalid, and none is used', () => {
    const { settings, issues } = read([['提出先メールアドレス', 'kaigo@city.example.jp、市の担当者']]);
    expect(settings.submissionRecipients).toEqual([]);
    expect(issues.map((i) => [i.cell, i.code])).toEqual([['B1', 'SETTING_INVALID']]);
  });
});

describe('rows of 設定 that say nothing', () => {
  test('a known 項目 with a blank value keeps the default without an issue', () => {
    const { settings, issues } = read([
      ['項目', '値'],
      ['センター名', '　 '],
      ['集中の警告しきい値', ''],
      ['虐待報告の期限日数', null],
    ]);
    expect(issues).toEqual([]);
    expect(settings).toMatchObject({ centerName: 'センター', concentrationThreshold: 0.8, abuseReportDays: 1 });
  });

  test('an unknown 項目 is ignored, whatever its value', () => {
    const { settings, issues } = read([
      ['メモ', '多め'],
      ['', '80%'],
    ]);
    expect(issues).toEqual([]);
    expect(settings).toStrictEqual(defaultSettings('センター'));
  });
});

describe('a bad value', () => {
  test('is reported on the 値 column of its row, the value shown trimmed', () => {
    const { issues } = read([
      ['項目', '値'],
      ['センター名', '本庄西'],
      ['集中の警告しきい値', ' 多め '],
    ]);
    expect(issues).toEqual([
      {
        sheet: '設定',
        row: 3,
        column: '値',
        cell: 'B3',
        code: 'SETTING_INVALID',
        severity: 'error',
        message: '「集中の警告しきい値」の値「多め」は使えません。1%〜100%の割合（例: 80%）を入力してください。今回は既定値で続けます。',
      },
    ]);
  });
});

describe('the 項目 a setting is named by', () => {
  test.each<[keyof Settings, string]>([
    ['centerName', 'センター名'],
    ['prefecture', '都道府県名'],
    ['municipality', '市区町村名'],
    ['outsideTowns', '市外の町村'],
    ['municipalityOrder', '所在の順'],
    ['concentrationThreshold', '集中の警告しきい値'],
  ])('%s is 「%s」', (key, label) => {
    expect(settingLabel(key)).toBe(label);
  });

  test('a key 設定 has no 項目 for is shown as the key', () => {
    expect(settingLabel('notASetting' as keyof Settings)).toBe('notASetting');
  });
});
