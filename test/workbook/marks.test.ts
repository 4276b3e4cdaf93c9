import type { Issue } from '../../src/domain/issues/issue';
import { MARK_COLORS, MARK_PREFIX, NOTE_SEPARATOR, restyle, userNote } from '../../src/workbook/marks';

const rect = { row: 2, column: 1, numRows: 2, numColumns: 2 };
const issue = (cell: string, row: number, severity: 'error' | 'warning' = 'error'): Issue => ({
  sheet: '相談記録',
  row,
  column: 'x',
  cell,
  code: severity === 'error' ? 'REQUIRED' : 'CHOICE_VARIANT',
  severity,
  message: `問題 ${cell}`,
});

describe('restyle', () => {
  test('marks bad cells with our colour and a note, leaves good cells alone', () => {
    const current = {
      backgrounds: [
        [null, null],
        [null, '#ffffff'],
      ],
      notes: [
        ['', ''],
        ['', ''],
      ],
    };
    const next = restyle(rect, current, [issue('A2', 2), issue('B3', 3, 'warning')]);
    expect(next?.backgrounds).toEqual([
      [MARK_COLORS.error, null],
      [null, MARK_COLORS.warning],
    ]);
    expect(next?.notes[0]?.[0]).toBe(`${MARK_PREFIX}\n✖ 問題 A2`);
    expect(next?.notes[0]?.[1]).toBe('');
  });

  test('a user’s colour is never replaced and a user’s note is kept below ours, then given back', () => {
    const current = {
      backgrounds: [
        ['#00ff00', null],
        [null, null],
      ],
      notes: [
        ['電話は午後に', ''],
        ['', ''],
      ],
    };
    const marked = restyle(rect, current, [issue('A2', 2)]);
    expect(marked?.backgrounds[0]?.[0]).toBe('#00ff00');
    expect(marked?.notes[0]?.[0]).toBe(`${MARK_PREFIX}\n✖ 問題 A2${NOTE_SEPARATOR}電話は午後に`);
    const cleared = restyle(rect, marked ?? current, []);
    expect(cleared?.backgrounds[0]?.[0]).toBe('#00ff00');
    expect(cleared?.notes[0]?.[0]).toBe('電話は午後に');
  });

  test('marks that no longer apply are cleared; nothing to change gives undefined', () => {
    const marked = {
      backgrounds: [
        [MARK_COLORS.error, null],
        [null, null],
      ],
      notes: [
        [`${MARK_PREFIX}\n✖ 古い`, ''],
        ['', ''],
      ],
    };
    const cleared = restyle(rect, marked, []);
    expect(cleared).toEqual({
      backgrounds: [
        [null, null],
        [null, null],
      ],
      notes: [
        ['', ''],
        ['', ''],
      ],
    });
    expect(restyle(rect, cleared ?? marked, [])).toBeUndefined();
  });

  test('re-marking replaces our old message and keeps the user’s note exactly once', () => {
    const first = restyle(
      rect,
      {
        backgrounds: [
          [null, null],
          [null, null],
        ],
        notes: [
          ['元', ''],
          ['', ''],
        ],
      },
      [issue('A2', 2)],
    );
    const second = restyle(rect, first ?? { backgrounds: [], notes: [] }, [issue('A2', 2, 'warning')]);
    expect(second?.notes[0]?.[0]).toBe(`${MARK_PREFIX}\n△ 問題 A2${NOTE_SEPARATOR}元`);
    expect(second?.backgrounds[0]?.[0]).toBe(MARK_COLORS.warning);
    expect(userNote(second?.notes[0]?.[0] ?? '')).toBe('元');
  });
});
