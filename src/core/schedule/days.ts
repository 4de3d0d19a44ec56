/** Calendar days (UTC) as whole numbers, for the schedule's arithmetic: a difference of dates is a number of days. */
const DAY_MS = 86_400_000;

/**
 * `YYYY-MM-DD` → days since 1970-01-01 (UTC). The caller passes dates the schema accepted.
 * Arithmetic (days from civil, proleptic Gregorian), not `Date.parse`: it runs for every node
 * of every full schedule.
 */
export function dayNumber(date: string): number {
  let year = Number(date.slice(0, 4));
  const month = Number(date.slice(5, 7));
  const day = Number(date.slice(8, 10));
  if (month <= 2) year -= 1;
  const era = Math.floor(year / 400);
  const yearOfEra = year - era * 400;
  const dayOfYear = Math.floor((153 * (month + (month > 2 ? -3 : 9)) + 2) / 5) + day - 1;
  const dayOfEra = yearOfEra * 365 + Math.floor(yearOfEra / 4) - Math.floor(yearOfEra / 100) + dayOfYear;
  return era * 146097 + dayOfEra - 719468;
}

/** Days since 1970-01-01 → `YYYY-MM-DD`. */
export function dateOfDay(day: number): string {
  return new Date(day * DAY_MS).toISOString().slice(0, 10);
}
