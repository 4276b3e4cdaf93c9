import { issueMessage, NOTATION_KINDS, severityOf } from '../../src/domain/issues/catalogue';

/**
 * The catalogue's templates, with sentences written out by hand: the branches the sheet tests do not reach
 * (several overlapping contracts, a 年度 that cannot be read, a required column without synonyms).
 */
describe('issueMessage', () => {
  test('names at most the overlapping contracts it is given and counts the rest', () => {
    const message = issueMessage('CONTRACT_OVERLAP', {
      officeNumber: '1171300013',
      period: '2024-04-01〜',
      overlapping: [
        { row: 3, period: '2023-04-01〜' },
        { row: 7, period: '2024-01-01〜2024-12-31' },
      ],
      total: 5,
    });
    expect(message).toBe(
      '事業所番号 1171300013のこの契約（2024-04-01〜）は、同じ事業所の3行目の契約（2023-04-01〜）・7行目の契約（2024-01-01〜2024-12-31）ほか3件と期間が重なっています。' +
        '同じ事業所との契約は1つの期間に1行とし、前の契約に契約終了日を入れてください。',
    );
  });

  test('says whether an office has no contract at all or none in the month', () => {
    const base = { officeNumber: '1171300013', when: '2026年10月（令和8年10月）', contractsSheet: '委託契約' };
    expect(issueMessage('DELEGATION_NO_CONTRACT', { ...base, periods: [], total: 0 })).toBe(
      '事業所番号 1171300013 の事業所は「委託契約」にありません。2026年10月（令和8年10月）に委託した事業所なら「委託契約」に契約を入力してください（番号の写し間違いも確かめてください）。',
    );
    expect(issueMessage('DELEGATION_NO_CONTRACT', { ...base, name: 'ひまわり', periods: ['2024-04-01〜2025-03-31', '2025-04-01〜2025-09-30'], total: 4 })).toBe(
      'ひまわり（1171300013）との契約（2024-04-01〜2025-03-31、2025-04-01〜2025-09-30 ほか2件）は、2026年10月（令和8年10月）には有効ではありません。対象月か、「委託契約」の契約期間を確かめてください。',
    );
  });

  test('one sentence for an unreadable date, 年度, month or count, with or without a reason', () => {
    expect(issueMessage('DATE_INVALID', { title: '年度', shown: 'xx', fiscalYear: true })).toBe(
      '「年度」の「xx」は年度として読めません。2025 や 令和7年度 の形で入力してください。',
    );
    expect(issueMessage('MONTH_INVALID', { title: '対象月', shown: '13月', reason: '年が書かれていません' })).toBe(
      '「対象月」の「13月」は年月として読めません（年が書かれていません）。2026-10 や 令和8年10月 の形で入力してください。',
    );
    expect(issueMessage('COUNT_INVALID', { title: 'うち新規', shown: '-2', reason: '0以上の整数にしてください' })).toBe(
      '「うち新規」の「-2」は件数として読めません（0以上の整数にしてください）。0以上の整数を半角の数字だけで入力してください（例: 12）。',
    );
  });

  test('a required value: one column, or a group of which one must be filled', () => {
    expect(issueMessage('REQUIRED', { title: '番号', hint: '評価指標の番号' })).toBe('「番号」が空です。評価指標の番号を入力してください。');
    expect(issueMessage('REQUIRED', { group: '件数', titles: ['支援', 'ケアマネジメント'], hint: '件数（なければ 0）' })).toBe(
      '件数が空です。「支援」と「ケアマネジメント」に件数（なければ 0）を入力してください。',
    );
  });

  test('a missing column names its synonyms only when it has some', () => {
    expect(issueMessage('HEADER_MISSING', { sheet: '委託実績', header: '対象月', synonyms: [] })).toBe(
      '「委託実績」に「対象月」の列がありません。見出し行に列を追加してください（アドオンでは「シートを準備」で追加できます）。別の見出しで付けているなら、「読み替え」シートに登録してください。',
    );
    expect(issueMessage('HEADER_MISSING', { sheet: '事業評価', expected: ['年度', '番号', '回答'] })).toBe(
      '「事業評価」の上から10行に見出し行が見つかりません。「年度」「番号」「回答」などの見出しを1行に並べてください。',
    );
  });

  test('a direct row is named as such, not as an office number', () => {
    expect(issueMessage('DELEGATION_DUPLICATE', { when: '2026年10月（令和8年10月）', officeNumber: '直営', direct: true, firstRow: 2 })).toBe(
      '2026年10月（令和8年10月）の直営の行が 2行目にもあります。1つの月と事業所は1行にまとめ、件数を足し合わせてください。',
    );
  });

  test('lengths are written with thousands separators', () => {
    expect(issueMessage('TEXT_TOO_LONG', { title: '内容メモ', length: 123456, maxLength: 20000 })).toBe(
      '「内容メモ」が123,456文字あります。20,000文字以内にしてください。',
    );
  });
});

describe('the catalogue decides', () => {
  test('each code’s severity', () => {
    expect(severityOf('DATE_INVALID')).toBe('error');
    expect(severityOf('DATE_NOTATION')).toBe('warning');
    expect(severityOf('CONTRACT_OVERLAP')).toBe('error');
    expect(severityOf('EVALUATION_REASON_MISSING')).toBe('warning');
  });

  test('which suggestions 「表記を整える」 may apply in bulk: only those that change how a value is written', () => {
    expect(NOTATION_KINDS).toEqual({
      DATE_NOTATION: '和暦・全角の日付 → 西暦',
      DATE_NO_YEAR: '年のない日付 → 年を補った西暦',
      MONTH_NOTATION: '和暦・全角の年月 → 西暦',
      COUNT_NOTATION: '件数 → 半角の数字',
      TEXT_WIDTH: '全角英数字 → 半角',
      TEXT_SPACES: '余分な空白を削除',
      CHOICE_VARIANT: '選択肢の表記ゆれを統一',
      MUNICIPALITY_DERIVED: '空の所在を所在地から補う',
    });
  });
});
