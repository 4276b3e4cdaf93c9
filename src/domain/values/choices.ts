import { foldKey, withoutTrailingNote } from './text';

/**
 * A closed list of values for a column, with the variants people type for each (`TEL`, `電話相談` → `電話`), and
 * one part of a value that joins two with ・ (`医療` → `医療・入退院`). Matching ignores spaces, widths and brackets
 * (`foldKey`), so `ＴＥＬ` and ` 電話 ` match as well.
 */
export interface ChoiceList {
  readonly values: readonly string[];
  readonly variants?: Readonly<Record<string, readonly string[]>>;
}

export type ChoiceMatch =
  { readonly kind: 'exact'; readonly value: string } | { readonly kind: 'variant'; readonly value: string } | { readonly kind: 'unknown' };

const indexCache = new WeakMap<ChoiceList, Map<string, string>>();

/** A value cut at each ・ outside brackets: 医療 and 入退院 of 医療・入退院; none of 介護支援専門員支援（事例検討会・勉強会）. */
function topLevelParts(value: string): string[] {
  const parts: string[] = [];
  let depth = 0;
  let start = 0;
  for (let i = 0; i < value.length; i++) {
    const c = value[i];
    if (c === '（' || c === '(') depth++;
    else if ((c === '）' || c === ')') && depth > 0) depth--;
    else if (c === '・' && depth === 0) {
      parts.push(value.slice(start, i));
      start = i + 1;
    }
  }
  return start === 0 ? [] : [...parts, value.slice(start)].filter((p) => p.trim() !== '');
}

/**
 * What people write for a choice that joins two things with ・: one of them (医療 for 医療・入退院, FAX for
 * メール・FAX, 家族 for 家族・親族). By folded key, to its choice; a part of two choices of the list is left out,
 * since it could be either.
 */
function partsOf(values: readonly string[]): Map<string, string> {
  const owner = new Map<string, string | null>();
  for (const value of values) {
    for (const part of topLevelParts(value)) {
      const key = foldKey(part);
      const seen = owner.get(key);
      owner.set(key, seen === undefined || seen === value ? value : null);
    }
  }
  const parts = new Map<string, string>();
  for (const [key, value] of owner) if (value !== null) parts.set(key, value);
  return parts;
}

function indexOf(list: ChoiceList): Map<string, string> {
  let index = indexCache.get(list);
  if (!index) {
    index = new Map();
    for (const value of list.values) index.set(foldKey(value), value);
    for (const [value, variants] of Object.entries(list.variants ?? {})) {
      // Only for a value of the list: a city's own 相談内容 may leave out a default one its variants are for.
      if (!list.values.includes(value)) continue;
      for (const variant of variants) if (!index.has(foldKey(variant))) index.set(foldKey(variant), value);
    }
    for (const [key, value] of partsOf(list.values)) if (!index.has(key)) index.set(key, value);
    indexCache.set(list, index);
  }
  return index;
}

export function matchChoice(input: string, list: ChoiceList): ChoiceMatch {
  if (list.values.includes(input)) return { kind: 'exact', value: input };
  const index = indexOf(list);
  const value = index.get(foldKey(input));
  if (value !== undefined) return { kind: 'variant', value };
  // The word with what a person adds to it: a note in brackets after it (電話（携帯）, 訪問(自宅)), a polite ご or さん
  // (ご家族, 民生委員さん). Read as the word, with the same warning as any variant.
  const core = wordCore(input);
  const cored = core === input || core === '' ? undefined : index.get(foldKey(core));
  return cored === undefined ? { kind: 'unknown' } : { kind: 'variant', value: cored };
}

const POLITE = /^(?:ご|御)|(?:さん|様|さま|殿)$/g;

/** A choice word without a note in brackets after it and without a polite ご or さん: 電話（携帯） → 電話, ご家族 → 家族. */
function wordCore(input: string): string {
  return withoutTrailingNote(input.trim()).replace(POLITE, '').trim();
}

/**
 * Values as a message lists them: each in 「」, since a value may itself hold a ・ (「家族・親族」, 「メール・FAX」,
 * 「包括的・継続的ケアマネジメント支援」), which a list joined with ・ would cut in two.
 */
export function valueList(values: readonly string[]): string {
  return values.map((v) => `「${v}」`).join('');
}

/** What to write in a column of choices: 「電話」「来所」…のどれか, or 「新規」「継続」のどちらか between two. */
export function oneOf(values: readonly string[]): string {
  return `${valueList(values)}${values.length === 2 ? 'のどちらか' : 'のどれか'}`;
}

export function choiceList(values: readonly string[], variants?: ChoiceList['variants']): ChoiceList {
  return variants ? { values, variants } : { values };
}
