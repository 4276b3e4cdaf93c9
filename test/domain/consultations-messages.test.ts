/**
 * The whole messages 相談記録's check writes: the hint of each column (the choices a choice column lists, the
 * example of a date), the parameters of the referral, future-date and abuse-report rules, and where they stay
 * silent. Expected texts are written out by hand from the error catalogue's templates.
 */
import type { CellValue } from '../../src/domain/values/cell';
import { CONSULTATION_COLUMNS, readConsultations } from '../../src/domain/sheets/consultations';
import type { Issue } from '../../src/domain/issues/issue';
import { defaultSettings, type Settings } from '../../src/domain/sheets/settings';
import { toTable } from '../../src/domain/sheets/table';
import { consultationRow } from '../helpers/rows';
import { d, rawSheet } from '../helpers/tables';

const HEADER = CONSULTATION_COLUMNS.map((c) => c.header);
/** A city's own short list of topics, so that the hint listing them is known here. */
const settings: Settings = { ...defaultSettings('テストセンター'), consultationTopics: ['虐待', '認知症', '介護保険サービス'], abuseReportDays: 3 };
const TODAY = '2026-11-23';

const row = consultationRow;

function read(rows: CellValue[][], headers: readonly string[] = HEADER) {
  const table = toTable(rawSheet('相談記録', [headers, ...rows]), CONSULTATION_COLUMNS);
  if (!table) throw new Error('no table');
  return readConsultations(table, settings, TODAY);
}

const seen = (issues: readonly Issue[]) => issues.map((i) => [i.cell, i.code, i.message]);

describe('相談記録: the hint each column gives', () => {
  test('every required column blank names what to enter, the choice columns listing their choices', () => {
    const blank = row({ 受付日: null, 相談者ID: '', '新規/継続': '', 相談方法: '', 相談者: '', 業務区分: '', 相談内容: '', 対応職種: '', 対応内容: '' });
    expect(seen(read([blank]).issues)).toEqual([
      ['A2', 'REQUIRED', '「受付日」が空です。日付（例: 2026-10-03）を入力してください。'],
      ['B2', 'REQUIRED', '「相談者ID」が空です。相談者ID（個人名ではなく番号）を入力してください。'],
      ['C2', 'REQUIRED', '「新規/継続」が空です。「新規」「継続」のどちらかを入力してください。'],
      ['D2', 'REQUIRED', '「相談方法」が空です。「電話」「来所」「訪問」「メール・FAX」「その他」のどれかを入力してください。'],
      [
        'E2',
        'REQUIRED',
        '「相談者」が空です。「本人」「家族・親族」「民生委員」「介護支援専門員」「医療機関」「近隣・知人」「行政」「その他関係機関」「その他」のどれかを入力してください。',
      ],
      [
        'F2',
        'REQUIRED',
        '「業務区分」が空です。「総合相談支援」「権利擁護」「介護予防ケアマネジメント」「包括的・継続的ケアマネジメント支援」のどれかを入力してください。',
      ],
      ['G2', 'REQUIRED', '「相談内容」が空です。「虐待」「認知症」「介護保険サービス」のどれかを入力してください。'],
      [
        'J2',
        'REQUIRED',
        '「対応職種」が空です。「保健師等」「社会福祉士等」「主任介護支援専門員等」「認知症地域支援推進員」「生活支援コーディネーター」「事務・その他」のどれかを入力してください。',
      ],
      [
        'K2',
        'REQUIRED',
        '「対応内容」が空です。「情報提供・助言」「サービス調整」「関係機関へつなぎ」「訪問・実態把握」「継続支援」「その他」のどれかを入力してください。',
      ],
    ]);
  });

  test('error values in the optional columns repeat their hints', () => {
    const { issues } = read([row({ 紹介事業所: '#REF!', 紹介理由: '#REF!', 市への報告日: '#REF!', 担当者: '#REF!', 氏名: '#N/A', 内容メモ: '#NAME?' })]);
    const tail = 'になっています（数式の参照先が消えたなど）。';
    expect(seen(issues)).toEqual([
      ['L2', 'CELL_ERROR', `「紹介事業所」がエラー値「#REF!」${tail}紹介した事業所名を値で入力し直してください。`],
      ['M2', 'CELL_ERROR', `「紹介理由」がエラー値「#REF!」${tail}紹介した理由（複数の事業所から選んだ経緯など）を値で入力し直してください。`],
      ['N2', 'CELL_ERROR', `「市への報告日」がエラー値「#REF!」${tail}日付（例: 2026-10-03）を値で入力し直してください。`],
      ['O2', 'CELL_ERROR', `「担当者」がエラー値「#REF!」${tail}文字を値で入力し直してください。`],
      ['P2', 'CELL_ERROR', `「氏名」がエラー値「#N/A」${tail}文字を値で入力し直してください。`],
      ['Q2', 'CELL_ERROR', `「内容メモ」がエラー値「#NAME?」${tail}文字を値で入力し直してください。`],
    ]);
  });

  test('each text column has its own length limit', () => {
    const { issues } = read([
      row({
        相談者ID: 'A'.repeat(101),
        紹介事業所: 'あ'.repeat(201),
        紹介理由: 'い'.repeat(2001),
        担当者: 'う'.repeat(201),
        氏名: 'え'.repeat(201),
        内容メモ: 'お'.repeat(20001),
      }),
      row({
        相談者ID: 'A'.repeat(100),
        紹介事業所: 'あ'.repeat(200),
        紹介理由: 'い'.repeat(2000),
        担当者: 'う'.repeat(200),
        氏名: 'え'.repeat(200),
        内容メモ: 'お'.repeat(20000),
      }),
    ]);
    expect(seen(issues)).toEqual([
      ['B2', 'TEXT_TOO_LONG', '「相談者ID」が101文字あります。100文字以内にしてください。'],
      ['L2', 'TEXT_TOO_LONG', '「紹介事業所」が201文字あります。200文字以内にしてください。'],
      ['M2', 'TEXT_TOO_LONG', '「紹介理由」が2,001文字あります。2,000文字以内にしてください。'],
      ['O2', 'TEXT_TOO_LONG', '「担当者」が201文字あります。200文字以内にしてください。'],
      ['P2', 'TEXT_TOO_LONG', '「氏名」が201文字あります。200文字以内にしてください。'],
      ['Q2', 'TEXT_TOO_LONG', '「内容メモ」が20,001文字あります。20,000文字以内にしてください。'],
    ]);
  });

  test('相談者ID is compared as typed, so 全角 letters in it are flagged; in 氏名 they are not', () => {
    const { issues } = read([row({ 相談者ID: 'Ａ-0001', 氏名: 'ＡＢＣ' })]);
    expect(issues.map((i) => [i.cell, i.code, i.suggestion])).toEqual([['B2', 'TEXT_WIDTH', 'A-0001']]);
  });

  test('a city topic list is what 相談内容 accepts, with the default variants still understood', () => {
    const { issues, consultations } = read([row({ 相談内容: '成年後見・金銭管理' }), row({ 相談内容: '虐待疑い', 市への報告日: d('2026-10-03') })]);
    expect(seen(issues)).toEqual([
      [
        'G2',
        'CHOICE_UNKNOWN',
        '「相談内容」の「成年後見・金銭管理」は選択肢にありません。「虐待」「認知症」「介護保険サービス」のどれかを選んでください。センターの決まった言い方なら、「読み替え」シートに登録すると、その選択肢として読みます。',
      ],
      ['G3', 'CHOICE_VARIANT', '「相談内容」の「虐待疑い」は「虐待」のことと読みました。集計がそろうよう「虐待」に統一してください。'],
    ]);
    expect(consultations.map((c) => c.topic)).toEqual([undefined, '虐待']);
  });
});

describe('相談記録: a right word in the wrong column', () => {
  test('権利擁護 under 相談内容 is a 業務区分; 来所 under 相談者 is a 相談方法: the message says so, and what 相談内容 takes', () => {
    const { issues } = read([row({ 相談内容: '権利擁護' }), row({ 相談者: '来所' }), row({ 相談内容: 'でんしょばと' })]);
    expect(seen(issues)).toEqual([
      [
        'G2',
        'CHOICE_UNKNOWN',
        '「相談内容」の「権利擁護」は選択肢にありません。「権利擁護」は「業務区分」の選択肢です。「相談内容」には「虐待」「認知症」「介護保険サービス」のどれかを選んでください。センターの決まった言い方なら、「読み替え」シートに登録すると、その選択肢として読みます。',
      ],
      [
        'E3',
        'CHOICE_UNKNOWN',
        '「相談者」の「来所」は選択肢にありません。「来所」は「相談方法」の選択肢です。「相談者」には「本人」「家族・親族」「民生委員」「介護支援専門員」「医療機関」「近隣・知人」「行政」「その他関係機関」「その他」のどれかを選んでください。センターの決まった言い方なら、「読み替え」シートに登録すると、その選択肢として読みます。',
      ],
      // A word of no column: the message as before.
      [
        'G4',
        'CHOICE_UNKNOWN',
        '「相談内容」の「でんしょばと」は選択肢にありません。「虐待」「認知症」「介護保険サービス」のどれかを選んでください。センターの決まった言い方なら、「読み替え」シートに登録すると、その選択肢として読みます。',
      ],
    ]);
  });
});

describe('相談記録: 受付日 in the future', () => {
  test('a date after today names it and today; today itself is fine', () => {
    const { issues } = read([row({ 受付日: d('2026-11-24') }), row({ 受付日: d('2026-11-23') })]);
    expect(seen(issues)).toEqual([['A2', 'DATE_FUTURE', '「受付日」の 2026-11-24 は今日（2026-11-23）より後の日付です。相談を受けた日を入力してください。']]);
  });
});

describe('相談記録: 紹介理由', () => {
  test('an office without a reason names the office and asks for the reason', () => {
    const { issues } = read([row({ 紹介事業所: 'ケアプランセンターほんじょう' })]);
    expect(seen(issues)).toEqual([
      [
        'M2',
        'REFERRAL_REASON_MISSING',
        '紹介事業所「ケアプランセンターほんじょう」を紹介した理由が書かれていません。公正・中立のため、「紹介理由」に紹介した理由（複数の事業所から選んだ経緯など）を入力してください。',
      ],
    ]);
  });

  test('without a 紹介理由 column the message says the column is missing', () => {
    const headers = HEADER.filter((h) => h !== '紹介理由');
    const { issues } = read([row({ 紹介事業所: 'ケアプランセンターほんじょう' }, headers)], headers);
    expect(issues.map((i) => [i.column, i.message])).toEqual([
      [
        '紹介理由',
        '紹介事業所「ケアプランセンターほんじょう」を紹介した理由が書かれていません。公正・中立のため、「紹介理由」の列（まだありません）に紹介した理由（複数の事業所から選んだ経緯など）を入力してください。',
      ],
    ]);
  });

  test('a reason given, or one that is an error value, is no missing reason', () => {
    const { issues } = read([row({ 紹介事業所: 'ジャム', 紹介理由: '本人の希望' }), row({ 紹介事業所: 'ジャム', 紹介理由: '#REF!' })]);
    expect(issues.map((i) => [i.cell, i.code])).toEqual([['M3', 'CELL_ERROR']]);
  });
});

describe('相談記録: the abuse report', () => {
  const abuse = (over: Record<string, CellValue>) => row({ 相談内容: '虐待', 受付日: d('2026-10-03'), ...over });

  test('a missing report date names the column and the days allowed', () => {
    expect(seen(read([abuse({ 市への報告日: null })]).issues)).toEqual([
      ['N2', 'ABUSE_REPORT_MISSING', '相談内容が虐待です。市へ報告した日を「市への報告日」に入力してください（受付から3日以内が目安）。'],
    ]);
  });

  test('a ledger of the center’s own without the column: the message says the column is still to be added', () => {
    const headers = HEADER.filter((h) => h !== '市への報告日');
    const { issues } = read([row({ 相談内容: '虐待', 受付日: d('2026-10-03') }, headers)], headers);
    expect(issues.map((i) => [i.code, i.message])).toEqual([
      ['ABUSE_REPORT_MISSING', '相談内容が虐待です。市へ報告した日を「市への報告日」の列（まだありません）に入力してください（受付から3日以内が目安）。'],
    ]);
  });

  test('a report date before the receipt names both dates', () => {
    expect(seen(read([abuse({ 市への報告日: d('2026-10-02') })]).issues)).toEqual([
      ['N2', 'ABUSE_REPORT_BEFORE_RECEIPT', '「市への報告日」の 2026-10-02 が受付日 2026-10-03 より前です。市へ報告した日を確かめてください。'],
    ]);
  });

  test('a late report gives the days taken, the days allowed and the deadline; on the deadline it is in time', () => {
    const { issues } = read([abuse({ 市への報告日: d('2026-10-07') }), abuse({ 市への報告日: d('2026-10-06') }), abuse({ 市への報告日: d('2026-10-03') })]);
    expect(seen(issues)).toEqual([
      ['N2', 'ABUSE_REPORT_LATE', '虐待の市への報告が受付から4日後でした（期限は3日、2026-10-06まで）。遅れた理由を内容メモに残してください。'],
    ]);
  });

  test('an unreadable report date, or a missing 受付日, leaves the report rule silent', () => {
    const { issues } = read([abuse({ 市への報告日: '#REF!' }), abuse({ 受付日: null, 市への報告日: d('2020-01-01') })]);
    expect(issues.map((i) => [i.cell, i.code])).toEqual([
      ['N2', 'CELL_ERROR'],
      ['A3', 'REQUIRED'],
    ]);
  });

  test('other topics need no report date', () => {
    expect(read([row({ 相談内容: '認知症', 市への報告日: null })]).issues).toEqual([]);
  });
});

describe('two choices in a cell that takes one', () => {
  test('認知症、介護保険サービス and 電話/来所: an error naming both, no guess; 家族・親族 (one choice with ・) and a variant each are not this', () => {
    const { issues, consultations } = read([
      row({ 相談内容: '認知症、介護保険サービス' }),
      row({ 相談方法: '電話/来所' }),
      row({ 相談方法: 'TEL 来所' }),
      row({ 相談者: '家族・親族' }),
      row({ 相談方法: '電話、電話' }),
    ]);
    expect(issues.map((i) => [i.cell, i.code, i.suggestion])).toEqual([
      ['G2', 'CHOICE_SEVERAL', undefined],
      ['D3', 'CHOICE_SEVERAL', undefined],
      ['D4', 'CHOICE_SEVERAL', undefined],
      // The same choice twice is one choice, but no word of the list: unknown as before.
      ['D6', 'CHOICE_UNKNOWN', undefined],
    ]);
    expect(issues[0]?.message).toBe(
      '「相談内容」の「認知症、介護保険サービス」には「認知症」「介護保険サービス」の2つが書かれています。1件には主なものを1つ選んでください（月報はこの列の1つで数えます）。',
    );
    expect(issues[2]?.message).toContain('「電話」「来所」の2つ');
    // Counted under no 相談内容 or 相談方法 until one is chosen.
    expect(consultations.filter((c) => c.row <= 4).map((c) => [c.topic, c.method])).toEqual([
      [undefined, '電話'],
      ['介護保険サービス', undefined],
      ['介護保険サービス', undefined],
    ]);
  });
});
