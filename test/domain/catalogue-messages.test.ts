import { issueMessage } from '../../src/domain/issues/catalogue';

/**
 * Every sentence of the catalogue, written out by hand with made-up values: what the person who typed the
 * cell reads. Each branch of a template (a parameter given or not, a flag on or off) has its own sentence.
 */

describe('sheets, headers and settings', () => {
  test('a missing sheet: the standard sheet, or the sheet 読み替え names for it', () => {
    expect(issueMessage('SHEET_MISSING', { sheet: '相談記録' })).toBe(
      '「相談記録」シートがありません。見出しを並べた「相談記録」シートを作ってください（アドオンではメニュー「包括支援」›「シートを準備」で作れます）。センターの別の名前のシートで付けているなら、「読み替え」シートに登録すると、そのシートを読みます。',
    );
    expect(issueMessage('SHEET_MISSING', { sheet: '相談台帳', standard: '相談記録' })).toBe(
      '「相談記録」として読む「相談台帳」シート（「読み替え」シートの指定）がありません。「読み替え」のシート名を、このスプレッドシートにあるシートの名前にそろえてください。',
    );
  });

  test('a setting that cannot be used names the label, the value and what is expected', () => {
    expect(issueMessage('SETTING_INVALID', { label: '虐待報告の期限日数', value: 'すぐ', expected: '0以上の整数' })).toBe(
      '「虐待報告の期限日数」の値「すぐ」は使えません。0以上の整数を入力してください。今回は既定値で続けます。',
    );
  });

  test('a missing column lists its synonyms when it has some', () => {
    expect(issueMessage('HEADER_MISSING', { sheet: '委託契約', header: '契約開始日', synonyms: ['開始日', '委託開始日'] })).toBe(
      '「委託契約」に「契約開始日」（または「開始日」「委託開始日」）の列がありません。見出し行に列を追加してください（アドオンでは「シートを準備」で追加できます）。別の見出しで付けているなら、「読み替え」シートに登録してください。',
    );
  });

  test('a duplicate header names the column that is used', () => {
    expect(issueMessage('HEADER_DUPLICATE', { header: '受付日', used: 'B3' })).toBe(
      '「受付日」の列が2つあります。左の B3 の列を使い、この列は確認しません。どちらかの見出しを変えてください。',
    );
  });
});

describe('dates and months', () => {
  test('an unreadable date (not a 年度) gives the date forms', () => {
    expect(issueMessage('DATE_INVALID', { title: '受付日', shown: 'あした' })).toBe(
      '「受付日」の「あした」は日付として読めません。2026-10-03 や 令和8年10月3日 の形で入力してください。',
    );
    expect(issueMessage('DATE_INVALID', { title: '受付日', shown: 'R8.2.30', reason: '2月30日はありません', fiscalYear: false })).toBe(
      '「受付日」の「R8.2.30」は日付として読めません（2月30日はありません）。2026-10-03 や 令和8年10月3日 の形で入力してください。',
    );
  });

  test('an unreadable 年度 gives the 年度 forms, with its reason', () => {
    expect(issueMessage('DATE_INVALID', { title: '年度', shown: 'R99', reason: '令和99年度はまだありません', fiscalYear: true })).toBe(
      '「年度」の「R99」は年度として読めません（令和99年度はまだありません）。2025 や 令和7年度 の形で入力してください。',
    );
  });

  test('a date written in full-width digits is told to be written half-width', () => {
    expect(issueMessage('DATE_NOTATION', { title: '受付日', shown: '２０２６－１０－０３', written: 'full-width', value: '2026-10-03' })).toBe(
      '「受付日」の「２０２６－１０－０３」は全角の数字です。半角で 2026-10-03 と入力すると、日付として扱われます。',
    );
  });

  test('a date in 和暦, as compact digits or as a serial number says how it was written', () => {
    expect(issueMessage('DATE_NOTATION', { title: '受付日', shown: 'R8.10.3', written: 'wareki', value: '2026-10-03' })).toBe(
      '「受付日」の「R8.10.3」は和暦の日付です。2026-10-03 と入力すると、並べ替えや集計で日付として扱われます。',
    );
    expect(issueMessage('DATE_NOTATION', { title: '受付日', shown: '20261003', written: 'compact', value: '2026-10-03' })).toBe(
      '「受付日」の「20261003」は区切りのない数字の日付です。2026-10-03 と入力すると、並べ替えや集計で日付として扱われます。',
    );
    expect(issueMessage('DATE_NOTATION', { title: '受付日', shown: '46298', written: 'serial', value: '2026-10-03' })).toBe(
      '「受付日」の「46298」はシリアル値の日付です。2026-10-03 と入力すると、並べ替えや集計で日付として扱われます。',
    );
  });

  test('a month is a 年月, in full-width digits or in 和暦', () => {
    expect(issueMessage('MONTH_NOTATION', { title: '対象月', shown: '２０２６－１０', written: 'full-width', value: '2026-10' })).toBe(
      '「対象月」の「２０２６－１０」は全角の数字です。半角で 2026-10 と入力すると、年月として扱われます。',
    );
    expect(issueMessage('MONTH_NOTATION', { title: '対象月', shown: '令和8年10月', written: 'wareki', value: '2026-10' })).toBe(
      '「対象月」の「令和8年10月」は和暦の年月です。2026-10 と入力すると、並べ替えや集計で年月として扱われます。',
    );
  });

  test('a date without a year says which date it was read as', () => {
    expect(issueMessage('DATE_NO_YEAR', { title: '受付日', shown: '12/25', date: '2025年12月25日', value: '2025-12-25' })).toBe(
      '「受付日」の「12/25」は年が書かれていないので、2025年12月25日として読みました。年まで書いてください（例: 2025-12-25）。',
    );
  });

  test('an era trap quotes what was read and the value to type', () => {
    expect(issueMessage('DATE_ERA_TRAP', { title: '受付日', shown: 'R1.4.1', trap: '令和は2019年5月1日からです', value: '2019-04-01' })).toBe(
      '「受付日」の「R1.4.1」: 令和は2019年5月1日からです。正しければ 2019-04-01 と入力し直してください。',
    );
  });

  test('a future date asks for the event, 相談を受けた日 unless another is named', () => {
    expect(issueMessage('DATE_FUTURE', { title: '受付日', date: '2026-12-01', today: '2026-10-05' })).toBe(
      '「受付日」の 2026-12-01 は今日（2026-10-05）より後の日付です。相談を受けた日を入力してください。',
    );
    expect(issueMessage('DATE_FUTURE', { title: '実施日', date: '2026-11-01', today: '2026-10-05', event: '活動を実施した日' })).toBe(
      '「実施日」の 2026-11-01 は今日（2026-10-05）より後の日付です。活動を実施した日を入力してください。',
    );
  });
});

describe('choices and checkboxes', () => {
  test('an unknown choice lists the choices', () => {
    expect(issueMessage('CHOICE_UNKNOWN', { title: '相談方法', shown: 'LINE', choices: ['電話', '来所', '訪問'] })).toBe(
      '「相談方法」の「LINE」は選択肢にありません。「電話」「来所」「訪問」のどれかを選んでください。センターの決まった言い方なら、「読み替え」シートに登録すると、その選択肢として読みます。',
    );
  });

  test('a variant of a choice names the choice it was read as', () => {
    expect(issueMessage('CHOICE_VARIANT', { title: '相談方法', shown: 'ＴＥＬ', value: '電話' })).toBe(
      '「相談方法」の「ＴＥＬ」は「電話」のことと読みました。集計がそろうよう「電話」に統一してください。',
    );
  });

  test('an unreadable checkbox says how to mark it', () => {
    expect(issueMessage('CHECKBOX_INVALID', { title: '認知症関連', shown: '多分' })).toBe(
      '「認知症関連」の「多分」はチェックの有無として読めません。該当するときはチェックを入れる（または ○）、しないときは空にしてください。',
    );
  });
});

describe('text', () => {
  test('extra spaces quote the tidied value', () => {
    expect(issueMessage('TEXT_SPACES', { title: '紹介事業所', tidy: 'ひまわり 居宅' })).toBe(
      '「紹介事業所」の前後や途中に余分な空白があります。「ひまわり 居宅」にしてください。',
    );
  });

  test('width: full-width alphanumerics, half-width kana, or both', () => {
    expect(issueMessage('TEXT_WIDTH', { title: '相談者ID', shown: 'Ａ１', half: 'A1' })).toBe(
      '「相談者ID」の「Ａ１」に全角の英数字があります。半角の「A1」にしてください。',
    );
    expect(issueMessage('TEXT_WIDTH', { title: '相談者ID', shown: 'Ａ１', half: 'A1', halfKana: false, wideAlnum: true })).toBe(
      '「相談者ID」の「Ａ１」に全角の英数字があります。半角の「A1」にしてください。',
    );
    expect(issueMessage('TEXT_WIDTH', { title: '氏名', shown: 'ﾔﾏﾀﾞ', half: 'ヤマダ', halfKana: true })).toBe(
      '「氏名」の「ﾔﾏﾀﾞ」に半角カナがあります。全角の「ヤマダ」にしてください。',
    );
    expect(issueMessage('TEXT_WIDTH', { title: '氏名', shown: 'ﾔﾏﾀﾞ', half: 'ヤマダ', halfKana: true, wideAlnum: false })).toBe(
      '「氏名」の「ﾔﾏﾀﾞ」に半角カナがあります。全角の「ヤマダ」にしてください。',
    );
    expect(issueMessage('TEXT_WIDTH', { title: '相談者ID', shown: 'Ａｶﾅ', half: 'Aカナ', halfKana: true, wideAlnum: true })).toBe(
      '「相談者ID」の「Ａｶﾅ」に全角の英数字と半角カナがあります。英数字は半角、カナは全角の「Aカナ」にしてください。',
    );
  });

  test('control characters', () => {
    expect(issueMessage('TEXT_CONTROL_CHARS', { title: '内容メモ' })).toBe(
      '「内容メモ」に目に見えない制御文字が入っています（別のシステムからの貼り付けなど）。入力し直してください。',
    );
  });
});

describe('cells', () => {
  test('an error value, a formula and a merged cell', () => {
    expect(issueMessage('CELL_ERROR', { title: '対象月', error: '#N/A', hint: '年月（例: 2026-10）' })).toBe(
      '「対象月」がエラー値「#N/A」になっています（数式の参照先が消えたなど）。年月（例: 2026-10）を値で入力し直してください。',
    );
    expect(issueMessage('CELL_FORMULA', { title: '対象月', formula: '=EDATE(A1,1)', hint: '年月（例: 2026-10）' })).toBe(
      '「対象月」は数式（=EDATE(A1,1)）です。数式の結果は後で変わることがあるため、年月（例: 2026-10）を値で入力してください。',
    );
    expect(issueMessage('CELL_MERGED', { title: '相談方法' })).toBe(
      '「相談方法」のセルが結合されています（値は結合の左上のセルにしかありません）。結合を解除して、1行に1件ずつ入力してください。',
    );
  });
});

describe('consultations, abuse reports, activities and complaints', () => {
  test('a missing referral reason: the column is empty, or missing', () => {
    expect(issueMessage('REFERRAL_REASON_MISSING', { office: 'ひまわり', title: '紹介理由', columnMissing: false, hint: '紹介した理由' })).toBe(
      '紹介事業所「ひまわり」を紹介した理由が書かれていません。公正・中立のため、「紹介理由」に紹介した理由を入力してください。',
    );
    expect(issueMessage('REFERRAL_REASON_MISSING', { office: 'ひまわり', title: '紹介理由', columnMissing: true, hint: '紹介した理由' })).toBe(
      '紹介事業所「ひまわり」を紹介した理由が書かれていません。公正・中立のため、「紹介理由」の列（まだありません）に紹介した理由を入力してください。',
    );
  });

  test('abuse reports: missing, before the receipt, late', () => {
    expect(issueMessage('ABUSE_REPORT_MISSING', { title: '市への報告日', allowedDays: 2, columnMissing: false })).toBe(
      '相談内容が虐待です。市へ報告した日を「市への報告日」に入力してください（受付から2日以内が目安）。',
    );
    // A ledger of the center's own that has no such column yet.
    expect(issueMessage('ABUSE_REPORT_MISSING', { title: '市への報告日', allowedDays: 1, columnMissing: true })).toBe(
      '相談内容が虐待です。市へ報告した日を「市への報告日」の列（まだありません）に入力してください（受付から1日以内が目安）。',
    );
    expect(issueMessage('ABUSE_REPORT_BEFORE_RECEIPT', { title: '市への報告日', reportedOn: '2026-09-30', receivedOn: '2026-10-02' })).toBe(
      '「市への報告日」の 2026-09-30 が受付日 2026-10-02 より前です。市へ報告した日を確かめてください。',
    );
    expect(issueMessage('ABUSE_REPORT_LATE', { days: 5, allowedDays: 2, deadline: '2026-10-04' })).toBe(
      '虐待の市への報告が受付から5日後でした（期限は2日、2026-10-04まで）。遅れた理由を内容メモに残してください。',
    );
  });

  test('the cases of an individual meeting: the column is missing, or empty', () => {
    expect(issueMessage('ACTIVITY_CASES_MISSING', { title: '検討事例数', columnMissing: true })).toBe(
      '地域ケア個別会議の行です。「検討事例数」の列を作り、検討した事例の数を入力してください（月報と事業評価で数えます）。',
    );
    expect(issueMessage('ACTIVITY_CASES_MISSING', { title: '検討事例数', columnMissing: false })).toBe(
      '地域ケア個別会議の「検討事例数」が空です。検討した事例の数を入力してください（月報と事業評価で数えます）。',
    );
  });

  test('complaints: a date before the receipt, and one open too long', () => {
    expect(issueMessage('COMPLAINT_DATE_BEFORE_RECEIPT', { title: '対応完了日', date: '2026-09-01', receivedOn: '2026-09-10' })).toBe(
      '「対応完了日」の 2026-09-01 が受付日 2026-09-10 より前です。どちらかの日付を確かめてください。',
    );
    expect(issueMessage('COMPLAINT_OPEN_LONG', { title: '対応完了日', days: 40, deadlineDays: 30, deadline: '2026-10-10' })).toBe(
      '受付から40日たっても「対応完了日」が空です（期限は30日、2026-10-10まで）。対応が済んでいれば完了日を、続いていれば経過を記録してください。',
    );
  });
});

describe('counts', () => {
  test('a count with a unit, or in full-width digits', () => {
    expect(issueMessage('COUNT_NOTATION', { title: '介護予防支援件数', shown: '7件', written: 'with-unit', value: 7 })).toBe(
      '「介護予防支援件数」の「7件」に単位がついています。数字だけの 7 にすると、数値として合計できます。',
    );
    expect(issueMessage('COUNT_NOTATION', { title: '介護予防支援件数', shown: '１２', written: 'full-width', value: 12 })).toBe(
      '「介護予防支援件数」の「１２」は全角の数字です。半角の 12 にすると、数値として合計できます。',
    );
  });
});

describe('office numbers and municipalities', () => {
  test('an office number of the wrong form, and one whose check digit does not match', () => {
    expect(issueMessage('OFFICE_NUMBER_INVALID', { title: '事業所番号', shown: '99', reason: '2桁しかありません', example: '1171300013' })).toBe(
      '「事業所番号」の「99」は事業所番号になっていません（2桁しかありません）。事業所番号は、都道府県2桁・区分1文字・郡市区2桁・番号4桁・検証番号1桁の10文字です（例: 1171300013）。',
    );
    expect(issueMessage('OFFICE_NUMBER_CHECK_DIGIT', { title: '事業所番号', shown: '1171300019', written: '9', expected: 3 })).toBe(
      '「事業所番号」の「1171300019」は、最後の検証番号が 9 ですが、前の9文字から計算すると 3 になります。写し間違いがないか、指定の通知書などで番号を確かめてください。',
    );
  });

  test('a municipality read from the address, and one that differs from it', () => {
    expect(issueMessage('MUNICIPALITY_DERIVED', { title: '所在', address: '埼玉県深谷市仲町11-1', derived: '深谷市' })).toBe(
      '「所在」が空なので、所在地「埼玉県深谷市仲町11-1」から「深谷市」と読みました。よければ「深谷市」と入力してください。',
    );
    expect(issueMessage('MUNICIPALITY_MISMATCH', { title: '所在', given: '本庄市', address: '埼玉県深谷市仲町11-1', derived: '深谷市' })).toBe(
      '「所在」の「本庄市」は、所在地「埼玉県深谷市仲町11-1」から読める「深谷市」と違います。所在地と所在のどちらが正しいか確かめてください。',
    );
  });
});

describe('contracts and delegations', () => {
  test('a contract that ends before it starts', () => {
    expect(issueMessage('CONTRACT_END_BEFORE_START', { title: '契約終了日', end: '2025-03-31', start: '2025-04-01' })).toBe(
      '「契約終了日」の 2025-03-31 が契約開始日 2025-04-01 より前です。契約の期間を確かめてください。',
    );
  });

  test('overlapping contracts: when every one is named, no 「ほか」 count follows', () => {
    expect(
      issueMessage('CONTRACT_OVERLAP', {
        officeNumber: '1171300013',
        period: '2026-04-01〜',
        overlapping: [
          { row: 3, period: '2025-04-01〜' },
          { row: 5, period: '2025-10-01〜' },
        ],
        total: 2,
      }),
    ).toBe(
      '事業所番号 1171300013のこの契約（2026-04-01〜）は、同じ事業所の3行目の契約（2025-04-01〜）・5行目の契約（2025-10-01〜）と期間が重なっています。' +
        '同じ事業所との契約は1つの期間に1行とし、前の契約に契約終了日を入れてください。',
    );
  });

  test('overlapping contracts: one more than named is counted as ほか1件', () => {
    expect(
      issueMessage('CONTRACT_OVERLAP', { officeNumber: '1171300013', period: '2026-04-01〜', overlapping: [{ row: 3, period: '2025-04-01〜' }], total: 2 }),
    ).toBe(
      '事業所番号 1171300013のこの契約（2026-04-01〜）は、同じ事業所の3行目の契約（2025-04-01〜）ほか1件と期間が重なっています。' +
        '同じ事業所との契約は1つの期間に1行とし、前の契約に契約終了日を入れてください。',
    );
  });

  test('no contract in the month, for an office without a name, every period named', () => {
    expect(
      issueMessage('DELEGATION_NO_CONTRACT', {
        officeNumber: '1171300013',
        when: '2026年10月（令和8年10月）',
        contractsSheet: '委託契約',
        periods: ['2025-04-01〜2026-03-31'],
        total: 1,
      }),
    ).toBe(
      '事業所番号 1171300013との契約（2025-04-01〜2026-03-31）は、2026年10月（令和8年10月）には有効ではありません。対象月か、「委託契約」の契約期間を確かめてください。',
    );
    expect(
      issueMessage('DELEGATION_NO_CONTRACT', {
        officeNumber: '1171300013',
        when: '2026年10月（令和8年10月）',
        contractsSheet: '委託契約',
        name: '',
        periods: ['2025-04-01〜2026-03-31'],
        total: 1,
      }),
    ).toBe(
      '事業所番号 1171300013との契約（2025-04-01〜2026-03-31）は、2026年10月（令和8年10月）には有効ではありません。対象月か、「委託契約」の契約期間を確かめてください。',
    );
  });

  test('a duplicate row of an office is named by its office number', () => {
    expect(issueMessage('DELEGATION_DUPLICATE', { when: '2026年9月（令和8年9月）', officeNumber: '1171300013', direct: false, firstRow: 6 })).toBe(
      '2026年9月（令和8年9月）の事業所番号 1171300013の行が 6行目にもあります。1つの月と事業所は1行にまとめ、件数を足し合わせてください。',
    );
  });

  test('new cases above the total', () => {
    expect(issueMessage('DELEGATION_NEW_EXCEEDS', { title: 'うち新規', newCases: 9, cases: 4 })).toBe(
      '「うち新規」の 9 件が、介護予防支援と介護予防ケアマネジメントの合計 4 件より多くなっています。うち新規は合計以下の件数にしてください。',
    );
  });

  test('a contract without a selection reason, without an approval, or approved after it starts', () => {
    expect(issueMessage('SELECTION_REASON_MISSING', { title: '選定理由', hint: '選んだ理由' })).toBe(
      '「選定理由」が空です。公正・中立のため、この事業所を選んだ理由を入力してください。',
    );
    expect(issueMessage('APPROVAL_MISSING', { title: '承認日' })).toBe(
      '「承認日」が空です。委託先は運営協議会の承認を得て決めるものです。承認を得た日を入力してください（まだなら、次の運営協議会に諮ってください）。',
    );
    expect(issueMessage('APPROVAL_AFTER_START', { approvedOn: '2026-06-01', start: '2026-04-01' })).toBe(
      '運営協議会の承認（2026-06-01）が契約開始日 2026-04-01 より後です。承認の前に委託を始めていないか確かめ、経緯を選定理由などに残してください。',
    );
  });
});

describe('evaluation', () => {
  test('unanswered, and 「いいえ」 without a reason', () => {
    expect(issueMessage('EVALUATION_UNANSWERED', { number: '3-2' })).toBe('指標 3-2 に回答がありません。「はい」か「いいえ」を入力してください。');
    expect(issueMessage('EVALUATION_REASON_MISSING', { number: '3-2', title: '備考' })).toBe(
      '指標 3-2 が「いいえ」です。運営協議会に説明できるよう、理由を「備考」に書いてください（例: 保健師ではなく看護師を配置）。',
    );
  });

  test('a missing indicator quotes at most the first 40 characters of its wording', () => {
    const indicator = '一二三四五六七八九十'.repeat(4) + 'ここから先は切れる';
    expect(issueMessage('EVALUATION_INDICATOR_MISSING', { year: '2025', number: '2-1', category: '組織', indicator })).toBe(
      '2025年度の指標 2-1（組織: 一二三四五六七八九十一二三四五六七八九十一二三四五六七八九十一二三四五六七八九十）の行がありません。「事業評価の指標を取り込む」で追加して回答してください。',
    );
  });

  test('an indicator not in the list, and a 「はい」 without a record', () => {
    expect(issueMessage('EVALUATION_INDICATOR_UNKNOWN', { number: '8-8', year: '2026', listSheet: '指標一覧' })).toBe(
      '番号「8-8」は2026年度の評価指標の一覧にありません。番号を確かめるか、市から届いた一覧を「指標一覧」に入れてください。',
    );
    expect(issueMessage('EVALUATION_YES_WITHOUT_RECORD', { number: '12', year: '2025', what: '介護予防教室', count: 0 })).toBe(
      '指標 12 は「はい」ですが、2025年度の活動記録に介護予防教室が 0 回です。記録を確かめるか、回答を見直してください。',
    );
  });
});

describe('読み替え (mapping)', () => {
  test('an unknown sheet, header, column or choice lists what may be written', () => {
    expect(issueMessage('MAPPING_SHEET_UNKNOWN', { title: '標準', shown: '台帳', sheets: ['相談記録', '委託契約'] })).toBe(
      '「標準」の「台帳」は、包括支援シートが読むシートではありません。「相談記録」「委託契約」のどちらかを書いてください。',
    );
    expect(issueMessage('MAPPING_HEADER_UNKNOWN', { sheet: '相談記録', shown: '来談日', headers: ['受付日', '相談方法'] })).toBe(
      '「相談記録」には「来談日」という標準の見出しはありません。「受付日」「相談方法」のどちらかを「標準」に書いてください。',
    );
    expect(issueMessage('MAPPING_COLUMN_UNKNOWN', { title: '対象', shown: '受付日', columns: ['相談方法', '相談内容'] })).toBe(
      '「対象」の「受付日」は、選択肢から選ぶ列ではありません。値の読み替えは「相談方法」「相談内容」の列に使えます。',
    );
    expect(issueMessage('MAPPING_CHOICE_UNKNOWN', { column: '相談方法', shown: '来談', choices: ['電話', '来所'] })).toBe(
      '「相談方法」に「来談」という選択肢はありません。「標準」には「電話」「来所」のどちらかを書いてください。',
    );
  });

  test('a word that is already a choice, and a mapping made twice', () => {
    expect(issueMessage('MAPPING_CHOICE_ITSELF', { column: '相談方法', shown: '電話' })).toBe(
      '「電話」はもともと「相談方法」の選択肢です。別の選択肢として読むと集計の意味が変わるので、読み替えられません。この行を消してください。',
    );
    expect(issueMessage('MAPPING_TWICE', { what: '「相談記録」の「受付日」', firstRow: 7 })).toBe(
      '「相談記録」の「受付日」は 7 行目でも読み替えています。どちらか一方にしてください（この行は使いません）。',
    );
  });

  test('not found: lists the forms the table has, and nothing when it has none', () => {
    expect(issueMessage('MAPPING_NOT_FOUND', { what: '「相談台帳」の見出し行に「来談日」', found: ['来所日', 'ケースNo'] })).toBe(
      '「相談台帳」の見出し行に「来談日」が見つかりません。「この表での書き方」を、表にある書き方にそろえてください（ある書き方: 「来所日」「ケースNo」）。',
    );
    expect(issueMessage('MAPPING_NOT_FOUND', { what: 'シート「相談台帳」', found: [] })).toBe(
      'シート「相談台帳」が見つかりません。「この表での書き方」を、表にある書き方にそろえてください。',
    );
  });
});
