/**
 * The error catalogue: every issue code with its title, severity, message, description and suggestion rule,
 * in one table (as Frictionless' errors table). Every reporting site makes its message here from named
 * parameters, so two codes that say nearly the same thing sit side by side, and docs/CHECKS.md is generated
 * from this table (`npm run docs`; a test keeps the page current).
 *
 * Codes are stable: other tools match on them, so add new ones rather than rename.
 */
import { HEADER_ZONE_ROWS } from '../sheets/table';
import { officeLabel } from '../values/office-number';
import { oneOf, valueList } from '../values/choices';
import { namedAlike } from '../values/text';

export type Severity = 'error' | 'warning';

interface CodeEntry<P> {
  /** 見出し: the rule in a few words. */
  readonly title: string;
  readonly severity: Severity;
  /** The sentence for the person who typed the cell: what is wrong and what would be right. */
  readonly message: (params: P) => string;
  /** 説明: what the rule is and why, in one or two plain sentences. */
  readonly description: string;
  /** 候補の出し方: when the issue carries a suggestion and what it is; absent when it never does. */
  readonly suggestion?: string;
  /**
   * The label 「表記を整える」 lists the change under, for codes whose suggestion only changes how a value is
   * written (never what it means), so it may be applied in bulk. Absent: a judgement, applied one at a time.
   */
  readonly tidy?: string;
  /** Parameters for the example message of docs/CHECKS.md (type-checked against the template). */
  readonly example: NoInfer<P>;
}

function entry<P>(e: CodeEntry<P>): CodeEntry<P> {
  return e;
}

/** A value already shortened for a message (`shown()` in values/fields). */
type Shown = string;

interface CellParams {
  /** The column's header as it stands in the sheet. */
  readonly title: string;
  readonly shown: Shown;
}

/** Dates, months and counts share the sentence for a value that cannot be read; only the noun and the advice differ. */
const unreadable =
  (noun: string, advice: string) =>
  (p: CellParams & { readonly reason?: string }): string =>
    `「${p.title}」の「${p.shown}」は${noun}として読めません${p.reason === undefined ? '' : `（${p.reason}）`}。${advice}`;

const DATE_FORMS = '2026-10-03 や 令和8年10月3日 の形で入力してください。';
const FISCAL_YEAR_FORMS = '2025 や 令和7年度 の形で入力してください。';
const MONTH_FORMS = '2026-10 や 令和8年10月 の形で入力してください。';
const COUNT_FORMS = '0以上の整数を半角の数字だけで入力してください（例: 12）。';

/** How a date or month was written when it was read but not as 西暦: 和暦, 20261003, a serial number, 全角 digits. */
export type CalendarNotation = 'wareki' | 'compact' | 'serial' | 'full-width';

const WRITTEN_AS: Readonly<Record<Exclude<CalendarNotation, 'full-width'>, string>> = { wareki: '和暦', compact: '区切りのない数字', serial: 'シリアル値' };

type NotationParams = CellParams & { readonly written: CalendarNotation; readonly value: string };

/** DATE_NOTATION and MONTH_NOTATION are one rule for two kinds of value. */
const calendarNotation =
  (noun: '日付' | '年月') =>
  (p: NotationParams): string =>
    p.written === 'full-width'
      ? `「${p.title}」の「${p.shown}」は全角の数字です。半角で ${p.value} と入力すると、${noun}として扱われます。`
      : `「${p.title}」の「${p.shown}」は${WRITTEN_AS[p.written]}の${noun}です。${p.value} と入力すると、並べ替えや集計で${noun}として扱われます。`;

/** A few named items and how many more: a message never lists hundreds of rows. */
function fewAndMore(named: readonly string[], total: number, separator: string, more: (n: number) => string): string {
  return named.join(separator) + (total > named.length ? more(total - named.length) : '');
}

/** Where a value is to be typed: the column, or, in a ledger that lacks it (a center's own layout), the column to add. */
const columnToFill = (title: string, missing: boolean): string => (missing ? `「${title}」の列（まだありません）` : `「${title}」`);

type RequiredParams =
  | { readonly title: string; readonly hint: string }
  /** Several columns of which one must be filled (委託実績's 件数). */
  | { readonly group: string; readonly titles: readonly string[]; readonly hint: string };

/**
 * The sheets nothing reads that look like a missing one (look-alike.ts): one, with the 読み替え row that reads it, or
 * several that fit alike (a ledger kept a sheet a month), which 読み替え cannot read as one.
 */
type LikeSheets =
  | { readonly sheet: string; readonly headers: readonly string[]; readonly row: string }
  | { readonly sheets: readonly string[]; readonly headers: readonly string[] };

type SheetMissingParams = {
  readonly sheet: string;
  /** The standard name, when 読み替え names a sheet that is not there. */
  readonly standard?: string;
  readonly likely?: LikeSheets;
};

/** At most five sheet names, and how many there are when there are more: 「4月」「5月」…など12枚のシート. */
function sheetNames(sheets: readonly string[]): string {
  return `${valueList(sheets.slice(0, 5))}${sheets.length > 5 ? `など${sheets.length}枚の` : ''}シート`;
}

/** What a standard sheet kept as several alike sheets needs: one sheet, which 読み替え can then name. */
const splitAdvice = (standard: string, after: string): string =>
  `${standard}を月ごとなどに分けて付けているなら、1枚のシートに行を続けてまとめてから、そのシートを「読み替え」シートに登録すると、${after}（「${standard}」として読めるのは1枚のシートです）。`;

const renameAdvice = (sheet: string, standard: string, after: string): string =>
  `「${sheet}」シートの名前は、空白か全角・半角だけが「${standard}」と違います（見た目が同じでも別の名前です）。シート名を「${standard}」に直すと、${after}。`;

type HeaderMissingParams =
  /** No header row at all in the rows searched; `across`, a row with the months across its columns (monthsAcross). */
  | { readonly sheet: string; readonly expected: readonly string[]; readonly across?: { readonly row: number; readonly months: readonly string[] } }
  /** A header row without a column the check needs. */
  | { readonly sheet: string; readonly header: string; readonly synonyms: readonly string[] };

export const ISSUE_CATALOGUE = {
  SHEET_MISSING: entry({
    title: 'シートがない',
    severity: 'error',
    message: (p: SheetMissingParams) =>
      p.standard !== undefined
        ? `「${p.standard}」として読む「${p.sheet}」シート（「読み替え」シートの指定）がありません。「読み替え」のシート名を、このスプレッドシートにあるシートの名前にそろえてください。`
        : p.likely !== undefined
          ? 'row' in p.likely
            ? namedAlike(p.likely.sheet, p.sheet)
              ? `「${p.sheet}」シートがありません。${renameAdvice(p.likely.sheet, p.sheet, 'このシートを読みます')}`
              : `「${p.sheet}」シートがありません。「${p.likely.sheet}」シートに${valueList(p.likely.headers)}の列があります。${p.sheet}をこのシートで付けているなら、「読み替え」シートに${p.likely.row}の行を加えると、このシートを「${p.sheet}」として読みます。`
            : `「${p.sheet}」シートがありません。${sheetNames(p.likely.sheets)}に、どれも${valueList(p.likely.headers)}の列があります。${splitAdvice(p.sheet, 'そのシートを読みます')}`
          : `「${p.sheet}」シートがありません。見出しを並べた「${p.sheet}」シートを作ってください（アドオンではメニュー「包括支援」›「シートを準備」で作れます）。センターの別の名前のシートで付けているなら、「読み替え」シートに登録すると、そのシートを読みます。`,
    description: '相談記録がありません（委託契約などはなくても問題にしません）。見出しが似ているシートがあれば名指しします。',
    example: { sheet: '相談記録' },
  }),
  SHEET_UNREAD: entry({
    title: '読まれていないシート',
    severity: 'warning',
    message: (p: { standard: string } & LikeSheets) =>
      'row' in p
        ? namedAlike(p.sheet, p.standard)
          ? `「${p.sheet}」シートは読んでいません。${renameAdvice(p.sheet, p.standard, `「${p.standard}」としてチェックし、月報に数えます`)}`
          : `「${p.sheet}」シートは読んでいませんが、${valueList(p.headers)}の列は「${p.standard}」のものです。${p.standard}をこのシートで付けているなら、「読み替え」シートに${p.row}の行を加えると、「${p.standard}」としてチェックし、月報に数えます。`
        : `${sheetNames(p.sheets)}は読んでいませんが、どれも${valueList(p.headers)}の列が「${p.standard}」のものです。${splitAdvice(p.standard, 'チェックし、月報に数えます')}`,
    description: '「委託契約」などがなく、見出しがよく似た、読まれていないシートがあります。読み替えるまで月報に数えません。',
    example: {
      sheet: '委託状況',
      standard: '委託契約',
      headers: ['事業所番号', '事業所名', '契約開始日'],
      row: '種類「シート」・この表での書き方「委託状況」・標準「委託契約」',
    },
  }),
  SETTING_UNKNOWN: entry({
    title: '設定にない項目',
    severity: 'warning',
    message: (p: { label: string; known: string; expected: string }) =>
      `「${p.label}」は設定の項目にないので、読んでいません。「${p.known}」のことなら、項目名をそう書き換えてください（値は${p.expected}）。`,
    description: '「設定」の項目名が決まった名前と少し違い、既定値のままになります。いちばん似た項目を示します（その項目があれば、メモとして何も言いません）。',
    suggestion: '名前がいちばん似ている項目（似ている度合いが 0.4 以上で、まだ「設定」にないもの）。',
    example: { label: '虐待の報告期限', known: '虐待報告の期限日数', expected: '0〜365の整数（例: 1）' },
  }),
  SETTING_INVALID: entry({
    title: '設定の値が使えない',
    severity: 'error',
    message: (p: { label: string; value: string; expected: string }) =>
      `「${p.label}」の値「${p.value}」は使えません。${p.expected}を入力してください。今回は既定値で続けます。`,
    description: '「設定」シートの値が決まった形になっていません。1 つの書き間違いでチェック全体が止まらないよう、その項目だけ既定値で続けます。',
    example: { label: '集中の警告しきい値', value: '八割', expected: '1%〜100%の割合（例: 80%）' },
  }),
  HEADER_MISSING: entry({
    title: '見出しがない',
    severity: 'error',
    message: (p: HeaderMissingParams) =>
      'expected' in p
        ? p.across
          ? `「${p.sheet}」の上から${HEADER_ZONE_ROWS}行に見出し行が見つかりません。${p.across.row}行目は${valueList(p.across.months.slice(0, 3))}…と月を列に並べた表のようですが、このシートは1行に1か月分を書く表として読みます。${valueList(p.expected)}などの見出しを1行に並べ、月ごとの数を行にしてください。`
          : `「${p.sheet}」の上から${HEADER_ZONE_ROWS}行に見出し行が見つかりません。${valueList(p.expected)}などの見出しを1行に並べてください。`
        : `「${p.sheet}」に「${p.header}」${p.synonyms.length > 0 ? `（または${valueList(p.synonyms)}）` : ''}の列がありません。見出し行に列を追加してください（アドオンでは「シートを準備」で追加できます）。別の見出しで付けているなら、「読み替え」シートに登録してください。`,
    description: `見出し行（上から${HEADER_ZONE_ROWS}行のうち、見出しの並ぶ行）が見つからないか、チェックに要る列がありません。列は見出しの名前（と決まった別名）で探すので、列の順番は自由です。`,
    example: { sheet: '委託契約', header: '契約開始日', synonyms: ['開始日', '委託開始日'] },
  }),
  HEADER_DUPLICATE: entry({
    title: '同じ見出しが2つある',
    severity: 'warning',
    message: (p: { header: string; used: string }) =>
      `「${p.header}」の列が2つあります。左の ${p.used} の列を使い、この列は確認しません。どちらかの見出しを変えてください。`,
    description: '同じ意味の見出し（別名を含む）の列が2つあります。左の列だけを読み、右の列は確かめないので、どちらを使うかはっきりさせます。',
    example: { header: '相談方法', used: 'D1' },
  }),
  TOTAL_ROW: entry({
    title: '合計の行',
    severity: 'warning',
    message: (p: { label: string }) =>
      `「${p.label}」の行は1件の記録ではないので、チェックも集計もしません。合計は月報が数えるので、台帳には1件を1行に書き、この行は消すか表の外に移してください。`,
    description: '上の行を足し合わせた行（合計・計・小計など）です。数えれば二重になるので、読まずに知らせます。',
    example: { label: '合計' },
  }),
  CONTINUATION_ROW: entry({
    title: '記録にならない行',
    severity: 'warning',
    message: (p: { written: readonly string[]; required: readonly string[] }) =>
      `この行は${valueList(p.written)}だけが書かれていて、${valueList(p.required.slice(0, 3))}などが空なので、1件の記録として数えません。上の行の続きなら上の行のセルに書き足し（セルの中の改行は Alt+Enter）、新しい記録なら空の列を書いてください。`,
    description: '必須の列がどれも空で、メモなどだけの行（メモの続き、書きかけ）。数えず、行に1つだけ知らせます。',
    example: { written: ['内容メモ'], required: ['受付日', '相談者ID', '新規/継続'] },
  }),
  REQUIRED: entry({
    title: '必須の値が空',
    severity: 'error',
    message: (p: RequiredParams) =>
      'group' in p
        ? `${p.group}が空です。${p.titles.map((t) => `「${t}」`).join('と')}に${p.hint}を入力してください。`
        : `「${p.title}」が空です。${p.hint}を入力してください。`,
    description: '必ず入力する列が空です。委託実績の件数のように、いくつかの列のどれかに入っていればよいものは、全部が空のときだけ知らせます。',
    example: { title: '受付日', hint: '日付（例: 2026-10-03）' },
  }),
  DATE_INVALID: entry({
    title: '日付として読めない',
    severity: 'error',
    message: (p: CellParams & { reason?: string; fiscalYear?: boolean }) =>
      p.fiscalYear === true ? unreadable('年度', FISCAL_YEAR_FORMS)(p) : unreadable('日付', DATE_FORMS)(p),
    description: '西暦・和暦・8桁の数字・日付の値のどれとしても読めないか、ない日（2月30日、令和0年など）です。事業評価の年度が読めないときもこのコードです。',
    example: { title: '受付日', shown: 'R8.2.30', reason: '2月30日はありません' },
  }),
  DATE_NOTATION: entry({
    title: '西暦でない日付',
    severity: 'warning',
    message: calendarNotation('日付'),
    description:
      '日付として読めますが、和暦・区切りのない数字・シリアル値・全角の数字で書かれています。西暦の日付にすると、並べ替えや集計で日付として扱われます。',
    suggestion: '読み取った日付を西暦の YYYY-MM-DD で。',
    tidy: '和暦・全角の日付 → 西暦',
    example: { title: '受付日', shown: 'R8.10.3', written: 'wareki', value: '2026-10-03' },
  }),
  DATE_NO_YEAR: entry({
    title: '年のない日付',
    severity: 'warning',
    message: (p: CellParams & { date: string; value: string }) =>
      `「${p.title}」の「${p.shown}」は年が書かれていないので、${p.date}として読みました。年まで書いてください（例: ${p.value}）。`,
    description: '日付が月と日だけ（10/7）です。今日より後にならない、いちばん近いその日として読み、その月に数えます。年まで書きます。',
    suggestion: '読み取った日付を西暦の YYYY-MM-DD で（今日が 2026-11-23 なら 10/7 は 2026-10-07、12/25 は 2025-12-25）。',
    tidy: '年のない日付 → 年を補った西暦',
    example: { title: '受付日', shown: '10/7', date: '2026年10月7日', value: '2026-10-07' },
  }),
  DATE_ERA_TRAP: entry({
    title: '元号の範囲外',
    severity: 'warning',
    message: (p: CellParams & { trap: string; value: string }) => `「${p.title}」の「${p.shown}」: ${p.trap}。正しければ ${p.value} と入力し直してください。`,
    description:
      '和暦の日付・年月が、その元号の期間の外です（平成32年、令和元年4月など）。古い書式や元号の改まりをまたいだ入力によくある誤りなので、読み取った西暦を示して確かめてもらいます。',
    suggestion: '読み取った西暦の日付（年月の列では年月）。元号の書き間違いか、西暦への読み替えが正しいかは人が決めます。',
    example: {
      title: '受付日',
      shown: 'H32.1.1',
      trap: '平成32年は存在しません（平成は2019年4月30日まで）。2020年1月1日（令和2年1月1日）として読みました',
      value: '2020-01-01',
    },
  }),
  DATE_FUTURE: entry({
    title: '未来の日付',
    severity: 'error',
    message: (p: { title: string; date: string; today: string; event?: string }) =>
      `「${p.title}」の ${p.date} は今日（${p.today}）より後の日付です。${p.event ?? '相談を受けた日'}を入力してください。`,
    description:
      '相談・苦情の受付日や活動の実施日が今日（日本時間）より後です。起きたことを記録する日付なので、未来にはなりません（予定は実施してから記録します）。',
    example: { title: '受付日', date: '2026-12-01', today: '2026-10-05' },
  }),
  CHOICE_UNKNOWN: entry({
    title: '選択肢にない値',
    severity: 'error',
    message: (p: CellParams & { choices: readonly string[]; elsewhere?: string }) =>
      `「${p.title}」の「${p.shown}」は選択肢にありません。${p.elsewhere !== undefined ? `「${p.shown}」は「${p.elsewhere}」の選択肢です。「${p.title}」には` : ''}${oneOf(p.choices)}を選んでください。センターの決まった言い方なら、「読み替え」シートに登録すると、その選択肢として読みます。`,
    description: '選択肢にもその表記ゆれにも当たらない値です。月報は選択肢ごとに数えます。ほかの列の選択肢なら（相談内容に「権利擁護」など）、そう書きます。',
    example: { title: '相談方法', shown: 'ＳＮＳ', choices: ['電話', '来所', '訪問', 'メール・FAX', 'その他'] },
  }),
  CHOICE_SEVERAL: entry({
    title: '選択肢が2つ以上',
    severity: 'error',
    message: (p: CellParams & { values: readonly string[] }) =>
      `「${p.title}」の「${p.shown}」には${valueList(p.values)}の${p.values.length}つが書かれています。1件には主なものを1つ選んでください（月報はこの列の1つで数えます）。`,
    description: '1つを選ぶ列に選択肢が2つ以上あります。どれかは記録した人にしか分からないので、候補は出しません。',
    example: { title: '相談内容', shown: '認知症、介護保険サービス', values: ['認知症', '介護保険サービス'] },
  }),
  CHOICE_VARIANT: entry({
    title: '選択肢の表記ゆれ',
    severity: 'warning',
    message: (p: CellParams & { value: string }) =>
      `「${p.title}」の「${p.shown}」は「${p.value}」のことと読みました。集計がそろうよう「${p.value}」に統一してください。`,
    description:
      '選択肢の言い換えや全角・半角の違い（TEL と 電話）、「・」でつないだ選択肢の片方（医療・入退院 の 医療）です。数えますが、表記をそろえると集計がそろいます。',
    suggestion: '読み取った選択肢の正式な表記。',
    tidy: '選択肢の表記ゆれを統一',
    example: { title: '相談方法', shown: 'TEL', value: '電話' },
  }),
  CHECKBOX_INVALID: entry({
    title: 'チェックの有無が読めない',
    severity: 'warning',
    message: (p: CellParams) =>
      `「${p.title}」の「${p.shown}」はチェックの有無として読めません。該当するときはチェックを入れる（または ○）、しないときは空にしてください。`,
    description:
      'チェックボックスの列に、有無として読めない値があります（○・1・はい などは「あり」、×・0・なし などは「なし」と読みます）。読めない値は「なし」として数えます。',
    example: { title: '認知症関連', shown: 'たぶん' },
  }),
  TEXT_SPACES: entry({
    title: '余分な空白',
    severity: 'warning',
    message: (p: { title: string; tidy: Shown }) => `「${p.title}」の前後や途中に余分な空白があります。「${p.tidy}」にしてください。`,
    description: '前後の空白、続いた空白、全角の空白が入っています。同じ事業所名などが別のものとして数えられないよう、空白を整えます。',
    suggestion: '空白を整えた値。',
    tidy: '余分な空白を削除',
    example: { title: '紹介事業所', tidy: 'ケアプランセンターほんじょう' },
  }),
  TEXT_WIDTH: entry({
    title: '全角の英数字・半角カナ',
    severity: 'warning',
    message: (p: CellParams & { half: Shown; halfKana?: boolean; wideAlnum?: boolean }) =>
      p.halfKana !== true
        ? `「${p.title}」の「${p.shown}」に全角の英数字があります。半角の「${p.half}」にしてください。`
        : p.wideAlnum === true
          ? `「${p.title}」の「${p.shown}」に全角の英数字と半角カナがあります。英数字は半角、カナは全角の「${p.half}」にしてください。`
          : `「${p.title}」の「${p.shown}」に半角カナがあります。全角の「${p.half}」にしてください。`,
    description: '書いたとおりに照らし合わせる列（相談者ID・事業所番号）に全角の英数字か半角カナがあります。そろえないと同じ番号が別のものになります。',
    suggestion: '英数字を半角に、半角カナを全角にした値。',
    tidy: '全角英数字 → 半角',
    example: { title: '相談者ID', shown: 'Ａ００１２', half: 'A0012' },
  }),
  TEXT_TOO_LONG: entry({
    title: '長すぎる文字',
    severity: 'warning',
    message: (p: { title: string; length: number; maxLength: number }) =>
      `「${p.title}」が${p.length.toLocaleString('ja-JP')}文字あります。${p.maxLength.toLocaleString('ja-JP')}文字以内にしてください。`,
    description: '列ごとの上限より長い文字が入っています。貼り付けの誤りのことが多く、長すぎる値は月報や提出で扱いにくくなります。',
    example: { title: '内容メモ', length: 25000, maxLength: 20000 },
  }),
  TEXT_CONTROL_CHARS: entry({
    title: '制御文字',
    severity: 'warning',
    message: (p: { title: string }) => `「${p.title}」に目に見えない制御文字が入っています（別のシステムからの貼り付けなど）。入力し直してください。`,
    description: '画面に見えない制御文字が入っています。別のシステムからの貼り付けで入ることが多く、検索や照合を狂わせます。',
    example: { title: '氏名' },
  }),
  CELL_ERROR: entry({
    title: 'エラー値のセル',
    severity: 'error',
    message: (p: { title: string; error: string; hint: string }) =>
      `「${p.title}」がエラー値「${p.error}」になっています（数式の参照先が消えたなど）。${p.hint}を値で入力し直してください。`,
    description: 'セルが #REF! や #N/A などのエラー値です。値がないのと同じなので、値で入力し直します。',
    example: { title: '受付日', error: '#REF!', hint: '日付（例: 2026-10-03）' },
  }),
  CELL_FORMULA: entry({
    title: '数式のセル',
    severity: 'warning',
    message: (p: { title: string; formula: Shown; hint: string }) =>
      `「${p.title}」は数式（${p.formula}）です。数式の結果は後で変わることがあるため、${p.hint}を値で入力してください。`,
    description: '記録の列が数式です。参照先が変わると記録も変わってしまうので、値で入力します（数式の結果はそのまま読んで確かめます）。',
    example: { title: '受付日', formula: '=TODAY()', hint: '日付（例: 2026-10-03）' },
  }),
  CELL_MERGED: entry({
    title: '結合されたセル',
    severity: 'error',
    message: (p: { title: string }) =>
      `「${p.title}」のセルが結合されています（値は結合の左上のセルにしかありません）。結合を解除して、1行に1件ずつ入力してください。`,
    description: '記録の行のセルが結合されています。値は結合の左上のセルにしかないので、ほかの行は空と同じになります。',
    example: { title: '受付日' },
  }),
  REFERRAL_REASON_MISSING: entry({
    title: '紹介理由がない',
    severity: 'error',
    message: (p: { office: Shown; title: string; columnMissing: boolean; hint: string }) =>
      `紹介事業所「${p.office}」を紹介した理由が書かれていません。公正・中立のため、${columnToFill(p.title, p.columnMissing)}に${p.hint}を入力してください。`,
    description: '事業所を紹介した行に、紹介した理由がありません。センターは公正・中立に紹介する務めがあり、理由を残すことで説明できるようにします。',
    example: { office: 'ケアプランセンターほんじょう', title: '紹介理由', columnMissing: false, hint: '紹介した理由（複数の事業所から選んだ経緯など）' },
  }),
  ABUSE_REPORT_MISSING: entry({
    title: '虐待の市への報告日がない',
    severity: 'error',
    message: (p: { title: string; allowedDays: number; columnMissing: boolean }) =>
      `相談内容が虐待です。市へ報告した日を${columnToFill(p.title, p.columnMissing)}に入力してください（受付から${p.allowedDays}日以内が目安）。`,
    description: '相談内容が虐待の行に、市へ報告した日がありません。虐待の相談は市へ速やかに報告するもので、報告したことを記録に残します。',
    example: { title: '市への報告日', allowedDays: 1, columnMissing: false },
  }),
  ABUSE_REPORT_BEFORE_RECEIPT: entry({
    title: '報告日が受付日より前',
    severity: 'error',
    message: (p: { title: string; reportedOn: string; receivedOn: string }) =>
      `「${p.title}」の ${p.reportedOn} が受付日 ${p.receivedOn} より前です。市へ報告した日を確かめてください。`,
    description: '市へ報告した日が、相談を受けた日より前です。どちらかの日付の誤りです。',
    example: { title: '市への報告日', reportedOn: '2026-10-01', receivedOn: '2026-10-03' },
  }),
  ABUSE_REPORT_LATE: entry({
    title: '虐待の報告が期限より後',
    severity: 'warning',
    message: (p: { days: number; allowedDays: number; deadline: string }) =>
      `虐待の市への報告が受付から${p.days}日後でした（期限は${p.allowedDays}日、${p.deadline}まで）。遅れた理由を内容メモに残してください。`,
    description: '虐待の市への報告が、設定の「虐待報告の期限日数」より後です。日付は正しいこともあるので注意にとどめ、遅れた理由を残してもらいます。',
    example: { days: 3, allowedDays: 1, deadline: '2026-10-04' },
  }),
  ACTIVITY_CASES_MISSING: entry({
    title: '個別会議の検討事例数がない',
    severity: 'warning',
    message: (p: { title: string; columnMissing: boolean }) =>
      p.columnMissing
        ? `地域ケア個別会議の行です。「${p.title}」の列を作り、検討した事例の数を入力してください（月報と事業評価で数えます）。`
        : `地域ケア個別会議の「${p.title}」が空です。検討した事例の数を入力してください（月報と事業評価で数えます）。`,
    description: '地域ケア個別会議は、何件の事例を検討したかを月報と事業評価で数えます。空なら 0 件と区別できないので知らせます。',
    example: { title: '検討事例数', columnMissing: false },
  }),
  COMPLAINT_DATE_BEFORE_RECEIPT: entry({
    title: '苦情の日付が受付日より前',
    severity: 'error',
    message: (p: { title: string; date: string; receivedOn: string }) =>
      `「${p.title}」の ${p.date} が受付日 ${p.receivedOn} より前です。どちらかの日付を確かめてください。`,
    description: '苦情の対応完了日か市への報告日が、苦情を受けた日より前です。どちらかの日付の誤りです。',
    example: { title: '市への報告日', date: '2026-10-01', receivedOn: '2026-10-03' },
  }),
  COMPLAINT_OPEN_LONG: entry({
    title: '苦情の対応が期限を過ぎている',
    severity: 'warning',
    message: (p: { title: string; days: number; deadlineDays: number; deadline: string; shown?: string }) =>
      `受付から${p.days}日たっても「${p.title}」が${p.shown === undefined ? '空です' : `「${p.shown}」のままです`}（期限は${p.deadlineDays}日、${p.deadline}まで）。対応が済んでいれば完了日を、続いていれば経過を記録してください。`,
    description: '苦情を受けてから、設定の「苦情の対応期限日数」より長く対応完了日が空です。対応の遅れか、完了日の書き忘れです。',
    example: { title: '対応完了日', days: 45, deadlineDays: 30, deadline: '2026-11-02' },
  }),
  COMPLAINT_OPEN_WORD: entry({
    title: '完了日に「対応中」などの言葉',
    severity: 'warning',
    message: (p: { title: string; shown: string }) =>
      `「${p.title}」の「${p.shown}」は、まだ完了していないことと読みました。完了したら、その日を日付で入れてください（それまでは空欄でも対応中として数え、期限を確かめます）。`,
    description: '対応完了日の「対応中」などの言葉。完了していない苦情として数え、期限も確かめます。',
    example: { title: '対応完了日', shown: '対応中' },
  }),
  MONTH_INVALID: entry({
    title: '年月として読めない',
    severity: 'error',
    message: unreadable('年月', MONTH_FORMS),
    description: '対象月が、西暦・和暦・日付の値のどれとしても読めないか、ない月（13月、令和0年など）です。',
    example: { title: '対象月', shown: '2026/13', reason: '13月はありません' },
  }),
  MONTH_NOTATION: entry({
    title: '西暦でない年月',
    severity: 'warning',
    message: calendarNotation('年月'),
    description:
      '年月として読めますが、和暦・区切りのない数字・シリアル値・全角の数字で書かれています。西暦の年月にすると、並べ替えや集計で年月として扱われます。',
    suggestion: '読み取った年月を西暦の YYYY-MM で。',
    tidy: '和暦・全角の年月 → 西暦',
    example: { title: '対象月', shown: '令和8年10月', written: 'wareki', value: '2026-10' },
  }),
  COUNT_INVALID: entry({
    title: '件数として読めない',
    severity: 'error',
    message: unreadable('件数', COUNT_FORMS),
    description: '件数の列が、0以上の整数として読めません（負の数、小数、漢数字、文字など）。',
    example: { title: '介護予防支援件数', shown: '三', reason: '漢数字です' },
  }),
  COUNT_NOTATION: entry({
    title: '数字だけでない件数',
    severity: 'warning',
    message: (p: CellParams & { written: 'with-unit' | 'full-width' | 'zero-mark' | 'with-note'; value: number }) =>
      p.written === 'with-note'
        ? `「${p.title}」の「${p.shown}」は ${p.value} と読みました（かっこの中は数に入れていません）。注記は備考などの別の列に書き、ここを数字だけにすると、数値として合計できます。`
        : p.written === 'with-unit'
          ? `「${p.title}」の「${p.shown}」に単位がついています。数字だけの ${p.value} にすると、数値として合計できます。`
          : p.written === 'zero-mark'
            ? `「${p.title}」の「${p.shown}」は 0 件のことと読みました。0 と入力すると、数値として合計できます。`
            : `「${p.title}」の「${p.shown}」は全角の数字です。半角の ${p.value} にすると、数値として合計できます。`,
    description:
      '件数として読めますが、単位（12件）、全角の数字、0 件の記号や言葉（-、なし）、かっこの注記があります。数字だけにすると、シートの合計（SUM）にも入ります。',
    suggestion: '半角の数字だけにした件数（かっこの注記があるときは、注記を消さないよう候補を出しません）。',
    tidy: '件数 → 半角の数字',
    example: { title: '介護予防支援件数', shown: '12件', written: 'with-unit', value: 12 },
  }),
  OFFICE_NUMBER_INVALID: entry({
    title: '事業所番号の形が違う',
    severity: 'error',
    message: (p: CellParams & { reason: string; example: string }) =>
      `「${p.title}」の「${p.shown}」は事業所番号になっていません（${p.reason}）。事業所番号は、都道府県2桁・区分1文字・郡市区2桁・番号4桁・検証番号1桁の10文字です（例: ${p.example}）。`,
    description: '介護保険の事業所番号（10文字）の形になっていません。都道府県番号・事業所区分・桁数のどこが違うかを示します。',
    suggestion: '区切りの記号や空白、小文字の区分、数値のセルで消えた先頭の0のように、推測なしに直せるときだけ、直した番号。',
    example: {
      title: '事業所番号',
      shown: '117130001',
      reason: '9桁しかありません。数値のセルで先頭の0が消えたようです。セルの表示形式を書式なしテキストにしてください',
      example: '1171300013',
    },
  }),
  OFFICE_NUMBER_CHECK_DIGIT: entry({
    title: '事業所番号の検証番号が合わない',
    severity: 'warning',
    message: (p: CellParams & { written: string; expected: number }) =>
      `「${p.title}」の「${p.shown}」は、最後の検証番号が ${p.written} ですが、前の9文字から計算すると ${p.expected} になります。写し間違いがないか、指定の通知書などで番号を確かめてください。`,
    description:
      '事業所番号の10文字目（検証番号）が、前の9文字から計算した値と違います。写し間違いのことが多いですが、計算方法を実際の番号で確かめきれていないため、注意にとどめます。',
    example: { title: '事業所番号', shown: '1171300014', written: '4', expected: 3 },
  }),
  MUNICIPALITY_DERIVED: entry({
    title: '所在を所在地から補える',
    severity: 'warning',
    message: (p: { title: string; address: Shown; derived: string }) =>
      `「${p.title}」が空なので、所在地「${p.address}」から「${p.derived}」と読みました。よければ「${p.derived}」と入力してください。`,
    description: '委託契約の所在（市町村）が空で、所在地の住所から読み取れます。月報は所在ごとに事業所をまとめるので、入力しておくとまとめ方が見えます。',
    suggestion: '所在地から読み取った市町村名。',
    tidy: '空の所在を所在地から補う',
    example: { title: '所在', address: '埼玉県本庄市千代田3-5-1', derived: '本庄市' },
  }),
  MUNICIPALITY_MISMATCH: entry({
    title: '所在と所在地が違う',
    severity: 'warning',
    message: (p: { title: string; given: Shown; address: Shown; derived: string }) =>
      `「${p.title}」の「${p.given}」は、所在地「${p.address}」から読める「${p.derived}」と違います。所在地と所在のどちらが正しいか確かめてください。`,
    description: '委託契約の所在が、所在地の住所から読める市町村と違います。境にある建物など職員のほうが正しいこともあるので、入力された所在を使い続けます。',
    suggestion: '所在地から読み取った市町村名。所在地と所在のどちらが正しいかは人が決めます。',
    example: { title: '所在', given: '深谷市', address: '埼玉県本庄市千代田3-5-1', derived: '本庄市' },
  }),
  CONTRACT_END_BEFORE_START: entry({
    title: '契約終了日が開始日より前',
    severity: 'error',
    message: (p: { title: string; end: string; start: string }) =>
      `「${p.title}」の ${p.end} が契約開始日 ${p.start} より前です。契約の期間を確かめてください。`,
    description: '委託契約の終了日が開始日より前です。どちらかの日付の誤りです。',
    example: { title: '契約終了日', end: '2026-03-31', start: '2026-04-01' },
  }),
  CONTRACT_OVERLAP: entry({
    title: '同じ事業所の契約期間が重なる',
    severity: 'error',
    message: (p: { officeNumber: string; name?: string; period: string; overlapping: readonly { row: number; period: string }[]; total: number }) =>
      `${officeLabel(p.officeNumber, p.name)}のこの契約（${p.period}）は、同じ事業所の${fewAndMore(
        p.overlapping.map((o) => `${o.row}行目の契約（${o.period}）`),
        p.total,
        '・',
        (n) => `ほか${n}件`,
      )}と期間が重なっています。同じ事業所との契約は1つの期間に1行とし、前の契約に契約終了日を入れてください。`,
    description:
      '同じ事業所番号の契約が、期間の重なる複数の行にあります。どの月にどの契約が有効かが決まらなくなるので、1つの期間に1行とし、前の契約を終わらせます。',
    example: { officeNumber: '1171300013', period: '2026-04-01〜', overlapping: [{ row: 3, period: '2025-04-01〜' }], total: 1 },
  }),
  SELECTION_REASON_MISSING: entry({
    title: '委託先の選定理由がない',
    severity: 'error',
    message: (p: { title: string; hint: string }) => `「${p.title}」が空です。公正・中立のため、この事業所を${p.hint}を入力してください。`,
    description:
      '委託契約に、その事業所を選んだ理由がありません。委託先の選び方が公正・中立であることを説明できるよう、理由を残します（列がないときは問いません）。',
    example: { title: '選定理由', hint: '選んだ理由（利用者の希望、複数事業所から選んだ経緯など）' },
  }),
  APPROVAL_MISSING: entry({
    title: '運営協議会の承認日がない',
    severity: 'warning',
    message: (p: { title: string; shown?: string }) =>
      `「${p.title}」が${p.shown === undefined ? '空です' : `「${p.shown}」で、まだ承認を得ていないと読みました`}。委託先は運営協議会の承認を得て決めるものです。承認を得た日を入力してください（まだなら、次の運営協議会に諮ってください）。`,
    description: '委託契約に運営協議会の承認日がありません。委託先は運営協議会の承認を得て決めるものなので、承認日を残します（列がないときは問いません）。',
    example: { title: '運営協議会承認日' },
  }),
  APPROVAL_DATE_UNKNOWN: entry({
    title: '承認の日付がない',
    severity: 'warning',
    message: (p: { title: string; shown: string }) =>
      `「${p.title}」の「${p.shown}」は、承認を得たが日付が書かれていないと読みました。承認を得た日を入力してください（契約開始日より前かを確かめます）。`,
    description: '運営協議会承認日の「承認済」などの言葉。承認済みと読み、日付を求めます。',
    example: { title: '運営協議会承認日', shown: '承認済' },
  }),
  CONTRACT_END_WORD: entry({
    title: '終了日に「自動更新」などの言葉',
    severity: 'warning',
    message: (p: { title: string; shown: string }) =>
      `「${p.title}」の「${p.shown}」は、終わりの決まっていない契約と読みました。終了日が決まっていなければ空欄のままでよく、決まったら日付を入れてください。`,
    description: '契約終了日の「自動更新」などの言葉。終了日のない契約として数えます。',
    example: { title: '契約終了日', shown: '自動更新' },
  }),
  APPROVAL_AFTER_START: entry({
    title: '承認が契約開始より後',
    severity: 'warning',
    message: (p: { approvedOn: string; start: string }) =>
      `運営協議会の承認（${p.approvedOn}）が契約開始日 ${p.start} より後です。承認の前に委託を始めていないか確かめ、経緯を選定理由などに残してください。`,
    description: '運営協議会の承認日が契約開始日より後です。承認の前に委託を始めたことになるので、経緯を残してもらいます。',
    example: { approvedOn: '2026-05-20', start: '2026-04-01' },
  }),
  DELEGATION_NO_CONTRACT: entry({
    title: '対象月に有効な契約がない',
    severity: 'error',
    message: (p: { officeNumber: string; when: string; contractsSheet: string; name?: string; periods: readonly string[]; total: number }) =>
      p.total === 0
        ? `事業所番号 ${p.officeNumber} の事業所は「${p.contractsSheet}」にありません。${p.when}に委託した事業所なら「${p.contractsSheet}」に契約を入力してください（番号の写し間違いも確かめてください）。`
        : `${officeLabel(p.officeNumber, p.name)}との契約（${fewAndMore(p.periods, p.total, '、', (n) => ` ほか${n}件`)}）は、${p.when}には有効ではありません。対象月か、「${p.contractsSheet}」の契約期間を確かめてください。`,
    description: '委託実績の事業所に、対象月に有効な委託契約がありません（契約にない事業所か、期間の外）。委託契約シートのないときは問いません。',
    example: {
      officeNumber: '1171300013',
      when: '2026年10月（令和8年10月）',
      contractsSheet: '委託契約',
      name: 'ケアプランセンターほんじょう',
      periods: ['2025-04-01〜2026-03-31'],
      total: 1,
    },
  }),
  DELEGATION_DUPLICATE: entry({
    title: '同じ月・事業所の行が2つ',
    severity: 'error',
    message: (p: { when: string; officeNumber: string; direct: boolean; firstRow: number; name?: string }) =>
      `${p.when}の${p.direct ? p.officeNumber : officeLabel(p.officeNumber, p.name)}の行が ${p.firstRow}行目にもあります。1つの月と事業所は1行にまとめ、件数を足し合わせてください。`,
    description: '委託実績に、同じ対象月・同じ事業所（または直営）の行が2つ以上あります。月報で二重に数えないよう、1行にまとめます。',
    example: { when: '2026年10月（令和8年10月）', officeNumber: '1171300013', direct: false, firstRow: 4 },
  }),
  DELEGATION_NEW_EXCEEDS: entry({
    title: '新規が合計より多い',
    severity: 'error',
    message: (p: { title: string; newCases: number; cases: number }) =>
      `「${p.title}」の ${p.newCases} 件が、介護予防支援と介護予防ケアマネジメントの合計 ${p.cases} 件より多くなっています。うち新規は合計以下の件数にしてください。`,
    description: '「うち新規」の件数が、介護予防支援と介護予防ケアマネジメントの合計より多くなっています。内訳は合計を超えません。',
    example: { title: 'うち新規', newCases: 5, cases: 3 },
  }),
  EVALUATION_UNANSWERED: entry({
    title: '事業評価の回答がない',
    severity: 'error',
    message: (p: { number: string }) => `指標 ${p.number} に回答がありません。「はい」か「いいえ」を入力してください。`,
    description: '事業評価の指標に回答（はい・いいえ）がありません。達成率は回答した指標で計算するので、すべてに回答します。',
    example: { number: '1-3' },
  }),
  EVALUATION_REASON_MISSING: entry({
    title: '「いいえ」の理由がない',
    severity: 'warning',
    message: (p: { number: string; title: string }) =>
      `指標 ${p.number} が「いいえ」です。運営協議会に説明できるよう、理由を「${p.title}」に書いてください（例: 保健師ではなく看護師を配置）。`,
    description: '事業評価で「いいえ」と答えた指標に、根拠・備考がありません。運営協議会に説明できるよう、理由を残します。',
    example: { number: '1-3', title: '根拠・備考' },
  }),
  EVALUATION_INDICATOR_MISSING: entry({
    title: '事業評価の指標の行がない',
    severity: 'error',
    message: (p: { year: string; number: string; category: string; indicator: string }) =>
      `${p.year}年度の指標 ${p.number}（${p.category}: ${p.indicator.slice(0, 40)}）の行がありません。「事業評価の指標を取り込む」で追加して回答してください。`,
    description: '市から届いた評価指標の一覧にある指標が、事業評価シートにありません。指標の一覧があるときだけ確かめます。',
    example: { year: '2025', number: '2-1', category: '組織・運営体制', indicator: '運営協議会での議論を踏まえ、センターの運営方針を定めているか' },
  }),
  EVALUATION_INDICATOR_UNKNOWN: entry({
    title: '一覧にない事業評価の指標',
    severity: 'warning',
    message: (p: { number: Shown; year: string; listSheet: string }) =>
      `番号「${p.number}」は${p.year}年度の評価指標の一覧にありません。番号を確かめるか、市から届いた一覧を「${p.listSheet}」に入れてください。`,
    description: '事業評価シートの番号が、その年度の評価指標の一覧にありません。番号の誤りか、一覧が古いかのどちらかです。',
    example: { number: '9-9', year: '2025', listSheet: '評価指標' },
  }),
  EVALUATION_YES_WITHOUT_RECORD: entry({
    title: '活動記録にない「はい」',
    severity: 'warning',
    message: (p: { number: string; year: string; what: string; count: number }) =>
      `指標 ${p.number} は「はい」ですが、${p.year}年度の活動記録に${p.what}が ${p.count} 回です。記録を確かめるか、回答を見直してください。`,
    description:
      '「はい」と答えた指標の活動（地域ケア個別会議、職種の参加、介護予防教室など）が、その年度の活動記録に1回もありません。記録の漏れか回答の誤りです。活動の分からない指標や活動記録のないときは問いません。',
    example: { number: '15', year: '2025', what: '地域ケア個別会議への歯科医師の参加', count: 0 },
  }),
  MAPPING_SHEET_UNKNOWN: entry({
    title: '読み替え: 知らないシート',
    severity: 'error',
    message: (p: { title: string; shown: Shown; sheets: readonly string[] }) =>
      `「${p.title}」の「${p.shown}」は、包括支援シートが読むシートではありません。${oneOf(p.sheets)}を書いてください。`,
    description: '「読み替え」の行が、包括支援シートの知らないシートを指しています（標準のシート名の書き間違いなど）。この行は使いません。',
    example: { title: '標準', shown: '相談記録簿', sheets: ['相談記録', '委託契約', '委託実績', '評価指標', '事業評価'] },
  }),
  MAPPING_HEADER_UNKNOWN: entry({
    title: '読み替え: 知らない見出し',
    severity: 'error',
    message: (p: { sheet: string; shown: Shown; headers: readonly string[] }) =>
      `「${p.sheet}」には「${p.shown}」という標準の見出しはありません。${oneOf(p.headers)}を「標準」に書いてください。`,
    description: '見出しの読み替えで、「標準」がそのシートの標準の見出し（とその別名）のどれでもありません。この行は使いません。',
    example: { sheet: '相談記録', shown: '来談日', headers: ['受付日', '相談者ID', '新規/継続', '相談方法'] },
  }),
  MAPPING_COLUMN_UNKNOWN: entry({
    title: '読み替え: 選択肢の列ではない',
    severity: 'error',
    message: (p: { title: string; shown: Shown; columns: readonly string[] }) =>
      `「${p.title}」の「${p.shown}」は、選択肢から選ぶ列ではありません。値の読み替えは${valueList(p.columns)}の列に使えます。`,
    description: '値（言葉）の読み替えは、プルダウンの選択肢から選ぶ列にだけ使えます。「対象」がそのどれでもありません。この行は使いません。',
    example: { title: '対象', shown: '受付日', columns: ['新規/継続', '相談方法', '相談者', '業務区分', '相談内容'] },
  }),
  MAPPING_CHOICE_UNKNOWN: entry({
    title: '読み替え: 選択肢にない標準',
    severity: 'error',
    message: (p: { column: string; shown: Shown; choices: readonly string[] }) =>
      `「${p.column}」に「${p.shown}」という選択肢はありません。「標準」には${oneOf(p.choices)}を書いてください。`,
    description: '値の読み替えで、「標準」がその列の選択肢ではありません。読み替えた先も選択肢でないと数えられないので、この行は使いません。',
    example: { column: '相談方法', shown: '来談', choices: ['電話', '来所', '訪問', 'メール・FAX', 'その他'] },
  }),
  MAPPING_CHOICE_ITSELF: entry({
    title: '読み替え: もともと選択肢の言葉',
    severity: 'error',
    message: (p: { column: string; shown: Shown }) =>
      `「${p.shown}」はもともと「${p.column}」の選択肢です。別の選択肢として読むと集計の意味が変わるので、読み替えられません。この行を消してください。`,
    description: '値の読み替えで、「この表での書き方」がすでにその列の選択肢です。選択肢どうしを入れ替えると数え方が変わってしまうので、使いません。',
    example: { column: '相談方法', shown: '来所' },
  }),
  MAPPING_TWICE: entry({
    title: '読み替え: 2 回ある',
    severity: 'error',
    message: (p: { what: string; firstRow: number }) =>
      `${p.what}は ${p.firstRow} 行目でも読み替えています。どちらか一方にしてください（この行は使いません）。`,
    description:
      '同じシート・見出し・言葉を 2 回読み替えているか、2 つのものを同じ標準に読み替えています。どちらを使うか決められないので、後の行は使いません。',
    example: { what: '「相談記録」の「受付日」', firstRow: 3 },
  }),
  MAPPING_NOT_FOUND: entry({
    title: '読み替え: この表にない',
    severity: 'warning',
    message: (p: { what: string; found: readonly string[] }) =>
      `${p.what}が見つかりません。「この表での書き方」を、表にある書き方にそろえてください${p.found.length > 0 ? `（ある書き方: ${valueList(p.found)}）` : ''}。`,
    description: '読み替えたシートや見出しが、このスプレッドシートにありません。名前を変えたか、書き間違いです。',
    example: { what: '「相談台帳」の見出し行に「来談日」', found: ['来所日', 'ケースNo'] },
  }),
};

export type IssueCode = keyof typeof ISSUE_CATALOGUE;

/** The named parameters a code's message is made from. */
export type IssueParams<C extends IssueCode> = Parameters<(typeof ISSUE_CATALOGUE)[C]['message']>[0];

/** The message of a code, made from its template. */
export function issueMessage<C extends IssueCode>(code: C, params: IssueParams<C>): string {
  const message = ISSUE_CATALOGUE[code].message as (p: IssueParams<C>) => string;
  return message(params);
}

/** The severity belongs to the code, so the same rule never reports itself two ways. */
export function severityOf(code: IssueCode): Severity {
  return ISSUE_CATALOGUE[code].severity;
}

/**
 * The codes whose suggestion 「表記を整える」 may apply in bulk, with the label it lists each change under;
 * every other suggestion is a judgement, applied one at a time from the チェック結果 sidebar.
 */
export const NOTATION_KINDS: Readonly<Partial<Record<IssueCode, string>>> = Object.fromEntries(
  Object.entries(ISSUE_CATALOGUE).flatMap(([code, e]) => (e.tidy === undefined ? [] : [[code, e.tidy]])),
);
