import {
  foreignSheets,
  isEmailAddress,
  isSubmissionFileSheet,
  mergeStored,
  readRecipients,
  spreadsheetIdOf,
  recipientsProblem,
  refusalOf,
  submissionFileTitle,
  targetRefusalOf,
} from '../../src/domain/reports/submission-file';
import type { StoredSubmission } from '../../src/domain/reports/submission-store';

/**
 * The 提出用ファイル (SPEC §1, §3): what it may hold, why a file is refused (whole messages, as people read them),
 * 提出先メールアドレス, and moving an old `_提出データ` in. Expectations are written out by hand.
 */

describe('the 提出用ファイル and its sheets', () => {
  test('its title is 提出用_ and the center’s name', () => {
    expect(submissionFileTitle('本庄西')).toBe('提出用_本庄西');
  });

  test.each(['_提出データ', '月報_2026-10', '月報_2026年10月', '事業評価_2025', '事業評価_令和7年度'])('it may hold 「%s」', (name) => {
    expect(isSubmissionFileSheet(name)).toBe(true);
  });

  test.each(['相談記録', '設定', '契約', '_受領記録', '月報', '月報_', '事業評価', '事業評価_', '_提出データ2', 'コピー_提出データ', 'シート1', ''])(
    'it may not hold 「%s」',
    (name) => {
      expect(isSubmissionFileSheet(name)).toBe(false);
    },
  );

  test('the foreign sheets are listed in the file’s order', () => {
    expect(foreignSheets(['_提出データ', '設定', '月報_2026-10', '相談記録', '事業評価_2025'])).toEqual(['設定', '相談記録']);
    expect(foreignSheets(['_提出データ', '月報_2026-10'])).toEqual([]);
  });
});

describe('refusing a file the city was given', () => {
  test('a 提出用ファイル (or an empty one) is read', () => {
    expect(refusalOf(['_提出データ', '月報_2026-10', '事業評価_2025'])).toBeUndefined();
    expect(refusalOf([])).toBeUndefined();
  });

  test('a center ledger is refused, naming its sheets and what to ask the center for', () => {
    expect(refusalOf(['設定', '_提出データ', '相談記録'])).toBe(
      '提出用ファイルではありません（「設定」「相談記録」のシートがあります）。センターの台帳そのものは読みません。' +
        'センターに「市へ提出」で作られる「提出用_センター名」のファイルを渡してもらい、その URL（または .xlsx）を使ってください。',
    );
  });

  test('four foreign sheets are all named; from five on, the first four and the count', () => {
    expect(refusalOf(['A', 'B', 'C', 'D'])).toBe(
      '提出用ファイルではありません（「A」「B」「C」「D」のシートがあります）。センターの台帳そのものは読みません。' +
        'センターに「市へ提出」で作られる「提出用_センター名」のファイルを渡してもらい、その URL（または .xlsx）を使ってください。',
    );
    expect(refusalOf(['A', 'B', '_提出データ', 'C', 'D', 'E'])).toBe(
      '提出用ファイルではありません（「A」「B」「C」「D」など 5 枚のシートがあります）。センターの台帳そのものは読みません。' +
        'センターに「市へ提出」で作られる「提出用_センター名」のファイルを渡してもらい、その URL（または .xlsx）を使ってください。',
    );
  });
});

describe('refusing a file the center names as its 提出用ファイル', () => {
  test('a file with only submission sheets, or none, will do', () => {
    expect(targetRefusalOf(['_提出データ', '月報_2026-10'], '「提出用ファイルのURL」のファイル')).toBeUndefined();
    expect(targetRefusalOf([], 'x')).toBeUndefined();
  });

  test('a file with other sheets is refused, saying where and what a 提出用ファイル may hold', () => {
    expect(targetRefusalOf(['シート1', '月報_2026-10'], '「設定」の「提出用ファイルのURL」のファイル')).toBe(
      '「設定」の「提出用ファイルのURL」のファイルには「シート1」のシートがあるため、提出用ファイルとして使えません（市に渡すファイルには、' +
        '「_提出データ」と「月報_…」「事業評価_…」のほかは入れられません）。センターの台帳とは別のファイルを指定してください。',
    );
    expect(targetRefusalOf(['相談記録', '設定', '契約', '委託実績', '事業評価'], 'この台帳')).toBe(
      'この台帳には「相談記録」「設定」「契約」「委託実績」など 5 枚のシートがあるため、提出用ファイルとして使えません（市に渡すファイルには、' +
        '「_提出データ」と「月報_…」「事業評価_…」のほかは入れられません）。センターの台帳とは別のファイルを指定してください。',
    );
  });
});

describe('提出先メールアドレス', () => {
  test.each(['tanaka@city.example.jp', 'a.b+c@x.jp', 'T@X.JP'])('「%s」 is an address', (text) => {
    expect(isEmailAddress(text)).toBe(true);
  });

  test.each(['tanaka', 'tanaka@city', '@city.example.jp', 'tanaka@', 'a@@b.jp', 'ta naka@city.jp', 'a@b.jp、c@d.jp', ''])('「%s」 is not', (text) => {
    expect(isEmailAddress(text)).toBe(false);
  });

  test('several, separated by 、 , ; or spaces, full-width forms tolerated; lower-cased, each once; the rest is invalid', () => {
    expect(readRecipients('Tanaka@City.Example.JP、ｓａｔｏ＠city.example.jp，tanaka@city.example.jp；suzuki＠city　なまえ')).toEqual({
      addresses: ['tanaka@city.example.jp', 'sato@city.example.jp'],
      invalid: ['suzuki@city', 'なまえ'],
    });
  });

  test('as a mail program copies them: a name before <the address>, a mailto: link; brackets left alone are no address', () => {
    expect(readRecipients('本庄市 介護保険課 <Kaigo@city.example.jp>、佐藤 花子 <sato@city.example.jp>')).toEqual({
      addresses: ['kaigo@city.example.jp', 'sato@city.example.jp'],
      invalid: [],
    });
    expect(readRecipients('mailto:kaigo@city.example.jp')).toEqual({ addresses: ['kaigo@city.example.jp'], invalid: [] });
    expect(readRecipients('(kaigo@city.example.jp)')).toEqual({ addresses: [], invalid: ['(kaigo@city.example.jp)'] });
  });

  test('separators at either end or doubled make no empty entries', () => {
    expect(readRecipients('、 a@b.jp ,, 、c@d.jp ; ')).toEqual({ addresses: ['a@b.jp', 'c@d.jp'], invalid: [] });
    expect(readRecipients('')).toEqual({ addresses: [], invalid: [] });
    expect(readRecipients('　、 ')).toEqual({ addresses: [], invalid: [] });
  });

  test('what is wrong: entries that are not addresses (all of them, named), or none at all', () => {
    expect(recipientsProblem({ addresses: ['a@b.jp'], invalid: ['たなか', 'x@y'] })).toBe(
      '「設定」の「提出先メールアドレス」の「たなか」「x@y」はメールアドレスとして読めません。' +
        '市の担当者のアドレスを name@city.example.jp の形で、複数なら「、」か「,」で区切って入力してください。',
    );
    expect(recipientsProblem({ addresses: [], invalid: [] })).toBe(
      '「設定」の「提出先メールアドレス」が空です。提出用ファイルを共有する市の担当者のメールアドレスを入力してから、' +
        'もう一度「市へ提出」を実行してください（複数なら「、」で区切ります）。',
    );
    expect(recipientsProblem({ addresses: [], invalid: ['たなか'] })).toBe(
      '「設定」の「提出先メールアドレス」の「たなか」はメールアドレスとして読めません。' +
        '市の担当者のアドレスを name@city.example.jp の形で、複数なら「、」か「,」で区切って入力してください。',
    );
    expect(recipientsProblem({ addresses: ['a@b.jp', 'c@d.jp'], invalid: [] })).toBeUndefined();
  });
});

describe('moving an old _提出データ into the 提出用ファイル', () => {
  const s = (over: Partial<StoredSubmission>): StoredSubmission => ({
    kind: 'monthly-report',
    period: '2026-10',
    status: '最新',
    submittedAt: '2026-11-02T09:00',
    fingerprint: 'f1',
    schemaVersion: 1,
    json: '{"n":1}',
    ...over,
  });
  const brief = (list: readonly StoredSubmission[]): string[][] => list.map((x) => [x.kind, x.period, x.submittedAt, x.fingerprint, x.json, x.status]);

  test('nothing is lost and nothing is doubled: the file’s rows first, then the old rows it lacks', () => {
    const into = [s({ submittedAt: 't2' }), s({ period: '2026-09', submittedAt: 't1' })];
    const legacy = [
      s({ submittedAt: 't2', status: '履歴', schemaVersion: 2 }), // the same payload (状態 and スキーマ版 aside)
      s({ submittedAt: 't1', fingerprint: 'f0', json: '{"n":0}' }),
      s({ period: '2026-08', submittedAt: 't0' }),
    ];
    expect(mergeStored(into, legacy)).toEqual([
      s({ submittedAt: 't2' }),
      s({ period: '2026-09', submittedAt: 't1' }),
      s({ submittedAt: 't1', fingerprint: 'f0', json: '{"n":0}', status: '履歴' }),
      s({ period: '2026-08', submittedAt: 't0' }),
    ]);
    expect(mergeStored([], [])).toEqual([]);
    expect(mergeStored(into, [])).toEqual(into);
  });

  test('a row that differs in any one of 種類, 対象, 提出日時, 指紋 or 本文 is another submission and is kept', () => {
    const base = s({});
    const legacy = [
      s({ kind: 'evaluation' }),
      s({ period: '2026-09' }),
      s({ submittedAt: '2026-11-01T09:00' }),
      s({ fingerprint: 'f2', status: '履歴' }),
      s({ json: '{"n":2}', status: '履歴' }),
    ];
    expect(brief(mergeStored([base], legacy))).toEqual([
      ['monthly-report', '2026-10', '2026-11-02T09:00', 'f1', '{"n":1}', '最新'],
      ['evaluation', '2026-10', '2026-11-02T09:00', 'f1', '{"n":1}', '最新'],
      ['monthly-report', '2026-09', '2026-11-02T09:00', 'f1', '{"n":1}', '最新'],
      ['monthly-report', '2026-10', '2026-11-01T09:00', 'f1', '{"n":1}', '履歴'],
      ['monthly-report', '2026-10', '2026-11-02T09:00', 'f2', '{"n":1}', '履歴'],
      ['monthly-report', '2026-10', '2026-11-02T09:00', 'f1', '{"n":2}', '履歴'],
    ]);
  });

  test('the latest 提出日時 of each (種類, 対象) is 最新, whatever status it had and whichever file it came from', () => {
    const into = [s({ submittedAt: '2026-11-01', fingerprint: 'old', status: '最新' })];
    const legacy = [s({ submittedAt: '2026-11-05', fingerprint: 'new', status: '履歴' })];
    expect(mergeStored(into, legacy).map((x) => [x.fingerprint, x.status])).toEqual([
      ['old', '履歴'],
      ['new', '最新'],
    ]);
    const newerFirst = [s({ submittedAt: '2026-11-05', fingerprint: 'new', status: '履歴' })];
    const olderLater = [s({ submittedAt: '2026-11-01', fingerprint: 'old', status: '最新' })];
    expect(mergeStored(newerFirst, olderLater).map((x) => [x.fingerprint, x.status])).toEqual([
      ['new', '最新'],
      ['old', '履歴'],
    ]);
  });

  test('on the same 提出日時 the row already 最新 stays 最新; between equals the first met (the file’s) wins', () => {
    const pick = (first: StoredSubmission['status'], second: StoredSubmission['status']): string[][] =>
      mergeStored([s({ fingerprint: 'first', status: first })], [s({ fingerprint: 'second', status: second })]).map((x) => [x.fingerprint, x.status]);
    expect(pick('履歴', '最新')).toEqual([
      ['first', '履歴'],
      ['second', '最新'],
    ]);
    expect(pick('最新', '履歴')).toEqual([
      ['first', '最新'],
      ['second', '履歴'],
    ]);
    expect(pick('最新', '最新')).toEqual([
      ['first', '最新'],
      ['second', '履歴'],
    ]);
    expect(pick('履歴', '履歴')).toEqual([
      ['first', '最新'],
      ['second', '履歴'],
    ]);
  });

  test('each (種類, 対象) has its own 最新', () => {
    const into = [s({ period: '2026-10', submittedAt: 'b' }), s({ period: '2026-09', submittedAt: 'a', status: '履歴' })];
    const legacy = [s({ kind: 'evaluation', period: '2025', submittedAt: 'c', status: '履歴' }), s({ period: '2026-10', submittedAt: 'a', fingerprint: 'x' })];
    expect(brief(mergeStored(into, legacy)).map((r) => [r[0], r[1], r[2], r[5]])).toEqual([
      ['monthly-report', '2026-10', 'b', '最新'],
      ['monthly-report', '2026-09', 'a', '最新'],
      ['evaluation', '2025', 'c', '最新'],
      ['monthly-report', '2026-10', 'a', '履歴'],
    ]);
  });
});

describe('spreadsheetIdOf: the file a センター一覧 row or 設定 names', () => {
  const ID = '1AbC_dEf-123456789xyz';
  test.each([
    [`https://docs.google.com/spreadsheets/d/${ID}/edit#gid=0`],
    [`https://docs.google.com/spreadsheets/d/${ID}/edit?usp=sharing`],
    [`https://docs.google.com/spreadsheets/u/1/d/${ID}/edit`],
    [`https://drive.google.com/open?id=${ID}`],
    [`https://drive.google.com/open?authuser=0&id=${ID}`],
    [`https://drive.google.com/file/d/${ID}/view`],
    [` ${ID} `],
  ])('%s', (source) => {
    expect(spreadsheetIdOf(source)).toBe(ID);
  });

  test('neither a URL with an id nor an id: a name, a folder link, a short code', () => {
    expect(spreadsheetIdOf('提出用_本庄西')).toBeUndefined();
    expect(spreadsheetIdOf('https://drive.google.com/drive/folders/')).toBeUndefined();
    expect(spreadsheetIdOf('abc')).toBeUndefined();
    expect(spreadsheetIdOf('')).toBeUndefined();
  });
});
