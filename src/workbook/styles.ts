import type { BlockStyle } from './sheet-model';

/** The look of generated sheets, in one place: every header row, total row and warning cell alike. */
export const HEADER_BACKGROUND = '#e8f0fe';
export const HEADER_STYLE: BlockStyle = { bold: true, background: HEADER_BACKGROUND };
export const TOTAL_STYLE: BlockStyle = { bold: true, background: '#f1f3f4' };
export const BELOW_STYLE: BlockStyle = { background: '#fce8e6', bold: true };
export const TITLE_STYLE: BlockStyle = { bold: true, fontSize: 14 };
export const SECTION_STYLE: BlockStyle = { bold: true, fontSize: 12 };
