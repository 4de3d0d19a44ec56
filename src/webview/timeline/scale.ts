/**
 * Dates to x positions, and the calendar ticks of the axis (docs/extension.md, "Timeline": why
 * not d3-scale). Dates are calendar days (`YYYY-MM-DD`, UTC): a day number is a whole number of
 * days since 1970-01-01, and x is linear in it, so every day is the same width whatever the
 * time zone or daylight saving of the machine.
 */

const DAY_MS = 86_400_000;

/** Day numbers of the dates seen (a model has a few thousand at most): a zoom step places every drawn bar and arrow again without parsing their dates again. */
const days = new Map<string, number>();

export function dayOf(date: string): number {
  let day = days.get(date);
  if (day === undefined) {
    day = Math.round(Date.parse(`${date}T00:00:00Z`) / DAY_MS);
    if (days.size >= 20_000) days.clear();
    days.set(date, day);
  }
  return day;
}

export function dateOf(day: number): string {
  return new Date(day * DAY_MS).toISOString().slice(0, 10);
}

export type Zoom = 'weeks' | 'months' | 'quarters' | 'fit';

/** Pixels per day at each fixed zoom. */
export const PX_PER_DAY: Readonly<Record<Exclude<Zoom, 'fit'>, number>> = { weeks: 12, months: 4, quarters: 1.5 };

export interface TimeScale {
  /** First day drawn (day number) and pixels per day. */
  readonly first: number;
  readonly last: number;
  readonly pxPerDay: number;
  /** Where the chart's time area begins (after the labels). */
  readonly left: number;
  x(date: string): number;
  xOfDay(day: number): number;
  dayAt(x: number): number;
  readonly width: number;
}

export function timeScale(first: number, last: number, pxPerDay: number, left: number): TimeScale {
  return {
    first, last, pxPerDay, left,
    x: (date) => left + (dayOf(date) - first) * pxPerDay,
    xOfDay: (day) => left + (day - first) * pxPerDay,
    dayAt: (x) => first + (x - left) / pxPerDay,
    width: left + (last - first + 1) * pxPerDay,
  };
}

export interface Tick {
  day: number;
  label: string;
  kind: 'week' | 'month' | 'quarter';
}

const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];

/** Month starts (a quarter's start is a `quarter` tick), and Mondays when weeks are wide enough to read. */
export function ticks(first: number, last: number, pxPerDay: number): Tick[] {
  const result: Tick[] = [];
  const start = new Date(first * DAY_MS);
  let year = start.getUTCFullYear();
  let month = start.getUTCMonth();
  for (;;) {
    const day = Math.round(Date.UTC(year, month, 1) / DAY_MS);
    if (day > last) break;
    if (day >= first) {
      const quarter = month % 3 === 0;
      const label = pxPerDay >= 2 ? `${MONTHS[month]} ${year}` : quarter ? `Q${month / 3 + 1} ${year}` : '';
      result.push({ day, label: quarter && pxPerDay >= 2 ? `${label} · Q${month / 3 + 1}` : label, kind: quarter ? 'quarter' : 'month' });
    }
    month++;
    if (month === 12) [month, year] = [0, year + 1];
  }
  if (pxPerDay >= 8) {
    // 1970-01-01 was a Thursday: day 4 is a Monday.
    for (let day = first + ((((4 - first) % 7) + 7) % 7); day <= last; day += 7) {
      if (!result.some((tick) => tick.day === day)) result.push({ day, label: dateOf(day).slice(5), kind: 'week' });
    }
    result.sort((a, b) => a.day - b.day);
  }
  return result;
}
