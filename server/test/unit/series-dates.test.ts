import { describe, expect, it } from 'vitest';
import { isoWeekday, seriesDates } from '../../src/meeting-rooms/series-dates.js';

describe('series dates (China days)', () => {
  it('weekly on Mon/Wed/Fri until a date crosses the month end on the right days', () => {
    const dates = seriesDates({
      frequency: 'weekly',
      weekdays: [5, 1, 3],
      firstDate: '2026-11-25',
      until: '2026-12-07',
    });
    expect(dates).toEqual([
      '2026-11-25',
      '2026-11-27',
      '2026-11-30',
      '2026-12-02',
      '2026-12-04',
      '2026-12-07',
    ]);
    expect(dates.map(isoWeekday)).toEqual([3, 5, 1, 3, 5, 1]);
  });

  it('daily for a count, across a year end; a weekday set that misses the range gives nothing', () => {
    expect(seriesDates({ frequency: 'daily', weekdays: [], firstDate: '2026-12-30', count: 3 })).toEqual([
      '2026-12-30',
      '2026-12-31',
      '2027-01-01',
    ]);
    expect(
      seriesDates({ frequency: 'weekly', weekdays: [6], firstDate: '2026-11-23', until: '2026-11-27' }),
    ).toEqual([]);
  });

  it('stops one past the cap so the caller can refuse too many', () => {
    expect(
      seriesDates({ frequency: 'daily', weekdays: [], firstDate: '2026-11-23', until: '2027-12-31' }),
    ).toHaveLength(101);
  });
});
