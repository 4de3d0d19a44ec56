/** Calendar days (UTC) as whole numbers, for the schedule's arithmetic: a difference of dates is a number of days. */
const DAY_MS = 86_400_000;

/**
 * `YYYY-MM-DD` → days since 1970-01-01 (UTC). The caller passes dates the schema accepted.
 * Arithmetic (days from civil, proleptic Gregorian), not `Date.parse`: it runs for every node
 * of every full schedule.
 */
export function dayNumber(date: string): number {
  // Digits read in place (no substrings) when they are digits, as they are in every date the
  // schema accepts; `Number` of the slices otherwise, which gives the same for digits.
  const y = digits(date, 0, 4);
  const m = digits(date, 5, 7);
  const d = digits(date, 8, 10);
  let year = y >= 0 ? y : Number(date.slice(0, 4));
  const month = m >= 0 ? m : Number(date.slice(5, 7));
  const day = d >= 0 ? d : Number(date.slice(8, 10));
  if (month <= 2) year -= 1;
  const era = Math.floor(year / 400);
  const yearOfEra = year - era * 400;
  const dayOfYear = Math.floor((153 * (month + (month > 2 ? -3 : 9)) + 2) / 5) + day - 1;
  const dayOfEra = yearOfEra * 365 + Math.floor(yearOfEra / 4) - Math.floor(yearOfEra / 100) + dayOfYear;
  return era * 146097 + dayOfEra - 719468;
}

/** The decimal number written at `from` .. `to`, or -1 unless all of it is digits. */
function digits(text: string, from: number, to: number): number {
  if (text.length < to) return -1;
  let value = 0;
  for (let i = from; i < to; i++) {
    const code = text.charCodeAt(i) - 48;
    if (code < 0 || code > 9) return -1;
    value = value * 10 + code;
  }
  return value;
}

/** Days since 1970-01-01 → `YYYY-MM-DD`. */
export function dateOfDay(day: number): string {
  return new Date(day * DAY_MS).toISOString().slice(0, 10);
}
