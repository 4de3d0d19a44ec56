/** isCalendarDate (src/core/model/schema.ts) by arithmetic agrees with the calendar of Date, for every YYYY-MM-DD shape tried. */
import assert from 'node:assert/strict';
import { isCalendarDate } from '../../src/core/model/schema';

function byDate(value: string): boolean {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(value)) return false;
  const date = new Date(`${value}T00:00:00Z`);
  return !Number.isNaN(date.getTime()) && date.toISOString().slice(0, 10) === value;
}

describe('isCalendarDate', () => {
  it('agrees with Date on every month 00-13 and day 00-32 of years around the leap-year rules', () => {
    const pad = (n: number, width: number) => String(n).padStart(width, '0');
    let real = 0;
    for (const year of [0, 1, 4, 100, 400, 1582, 1900, 1999, 2000, 2023, 2024, 2025, 2026, 2100, 2400, 9999]) {
      for (let month = 0; month <= 13; month++) {
        for (let day = 0; day <= 32; day++) {
          const value = `${pad(year, 4)}-${pad(month, 2)}-${pad(day, 2)}`;
          assert.equal(isCalendarDate(value), byDate(value), value);
          if (byDate(value)) real++;
        }
      }
    }
    assert.equal(real, 16 * 365 + 6, 'leap years here: 0, 4, 400, 2000, 2024, 2400');
  });

  it('refuses what is not YYYY-MM-DD', () => {
    for (const value of ['2026-1-01', '2026-01-1', ' 2026-01-01', '2026-01-01 ', '20260101', '2026/01/01', '', '２０２６-01-01']) assert.equal(isCalendarDate(value), false, value);
  });
});
