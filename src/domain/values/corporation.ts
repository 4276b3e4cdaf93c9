import { toHalfWidthAlnum } from './text';

/**
 * The legal forms a 法人名 is written with in short, in brackets ((株)ケア, さくら会（福）, ㈱ in one character), and
 * the form itself: the same 法人 written both ways is one 法人 when shares of it are measured (公正・中立).
 * Where the bracket stands is kept: (株)ケア is 株式会社ケア and ケア(株) is ケア株式会社, two different names.
 * (合) is left out: it is 合同会社 to some and 合資会社 to others.
 */
const LEGAL_FORMS: Readonly<Record<string, string>> = {
  株: '株式会社',
  有: '有限会社',
  福: '社会福祉法人',
  社福: '社会福祉法人',
  医: '医療法人',
  医社: '医療法人社団',
  医財: '医療法人財団',
  特非: '特定非営利活動法人',
  NPO: '特定非営利活動法人',
  一社: '一般社団法人',
  一財: '一般財団法人',
  公社: '公益社団法人',
  公財: '公益財団法人',
  社: '社団法人',
  財: '財団法人',
  同: '合同会社',
  資: '合資会社',
  名: '合名会社',
  生協: '生活協同組合',
};

const SHORT_FORM = new RegExp(`\\((${Object.keys(LEGAL_FORMS).join('|')})\\)`, 'g');

/**
 * 法人名 compared as people write them: spaces of either width, letter widths, the brackets' widths and the short
 * legal forms make no difference (社会福祉法人 本庄福祉会 = (福)本庄福祉会 = ㈱… as 株式会社…). Only for comparing:
 * the name shown is the one written.
 */
export function corporationKey(name: string): string {
  return toHalfWidthAlnum(name)
    .normalize('NFKC')
    .replace(/\s/g, '')
    .replace(/NPO法人/g, '特定非営利活動法人')
    .replace(SHORT_FORM, (_, form: string) => LEGAL_FORMS[form] ?? form);
}
