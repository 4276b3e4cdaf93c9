/**
 * How a ledger kept by hand writes yes and no, some and none: the marks and words that a checkbox column, a count
 * column and 事業評価's answers all read. One list of each, so that a mark learned for one column is read by all.
 */

/** Circles for yes, as in a form's box. */
export const YES_MARKS = ['○', '〇', '◯', '●', '◎'] as const;

/** Words for yes: there is one. */
export const YES_WORDS = ['あり', '有り', '有'] as const;

/** Crosses for no. */
export const NO_MARKS = ['×', '✕'] as const;

/** Dashes for none: -, its full width, the long vowel mark and the bars people type for it. */
export const DASHES = ['-', '－', 'ー', '―', '‐'] as const;

/** Words for none: there is none. */
export const NONE_WORDS = ['なし', '無し', '無'] as const;
