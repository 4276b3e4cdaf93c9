import { foldKey } from './text';

/**
 * A closed list of values for a column, with the variants people type for each (`TEL`, `電話相談` → `電話`).
 * Matching ignores spaces, widths and brackets (`foldKey`), so `ＴＥＬ` and ` 電話 ` match as well.
 */
export interface ChoiceList {
  readonly values: readonly string[];
  readonly variants?: Readonly<Record<string, readonly string[]>>;
}

export type ChoiceMatch =
  { readonly kind: 'exact'; readonly value: string } | { readonly kind: 'variant'; readonly value: string } | { readonly kind: 'unknown' };

const indexCache = new WeakMap<ChoiceList, Map<string, string>>();

function indexOf(list: ChoiceList): Map<string, string> {
  let index = indexCache.get(list);
  if (!index) {
    index = new Map();
    for (const value of list.values) index.set(foldKey(value), value);
    for (const [value, variants] of Object.entries(list.variants ?? {})) {
      for (const variant of variants) if (!index.has(foldKey(variant))) index.set(foldKey(variant), value);
    }
    indexCache.set(list, index);
  }
  return index;
}

export function matchChoice(input: string, list: ChoiceList): ChoiceMatch {
  if (list.values.includes(input)) return { kind: 'exact', value: input };
  const value = indexOf(list).get(foldKey(input));
  return value === undefined ? { kind: 'unknown' } : { kind: 'variant', value };
}

/**
 * Values as a message lists them: each in 「」, since a value may itself hold a ・ (「家族・親族」, 「メール・FAX」,
 * 「包括的・継続的ケアマネジメント支援」), which a list joined with ・ would cut in two.
 */
export function valueList(values: readonly string[]): string {
  return values.map((v) => `「${v}」`).join('');
}

/** What to write in a column of choices: 「電話」「来所」…のどれか. */
export function oneOf(values: readonly string[]): string {
  return `${valueList(values)}のどれか`;
}

export function choiceList(values: readonly string[], variants?: ChoiceList['variants']): ChoiceList {
  return variants ? { values, variants } : { values };
}
