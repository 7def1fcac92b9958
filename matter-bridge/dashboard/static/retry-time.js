// When a refused start may be tried again, as the clock time people read ("after 9:12 tomorrow
// morning"), not a count of minutes. English, like the rest of the page; the browser's own time zone.

const WEEKDAYS = ["Sunday", "Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday"];
const MONTHS = ["January", "February", "March", "April", "May", "June", "July", "August", "September", "October", "November", "December"];
const MINUTE = 60_000;

const partOfDay = (hour) => (hour < 5 ? "night" : hour < 12 ? "morning" : hour < 17 ? "afternoon" : hour < 21 ? "evening" : "night");

/** Calendar days from `a` to `b` in local time (DST days are 23 or 25 hours). */
const daysBetween = (a, b) =>
  Math.round((new Date(b.getFullYear(), b.getMonth(), b.getDate()) - new Date(a.getFullYear(), a.getMonth(), a.getDate())) / 86_400_000);

/** "9:12 tomorrow morning", "10:30 tonight", "7:05 on Thursday evening", "9:12 in the morning on Tuesday 17 March". */
export function clockTime(at, now = new Date()) {
  const hour = at.getHours();
  const time = `${hour % 12 || 12}:${String(at.getMinutes()).padStart(2, "0")}`;
  const part = partOfDay(hour);
  // The small hours belong to the night before: 1:30 after midnight is "tonight", seen from the evening.
  const days = daysBetween(now, at) - (hour < 5 && daysBetween(now, at) > 0 ? 1 : 0);
  if (days <= 0) return `${time} ${part === "night" ? "tonight" : `this ${part}`}`;
  if (days === 1) return `${time} tomorrow ${part}`;
  const evening = new Date(at.getTime() - (hour < 5 ? 5 * 3_600_000 : 0));
  if (days < 7) return `${time} on ${WEEKDAYS[evening.getDay()]} ${part}`;
  return `${time} ${part === "night" ? "at night" : `in the ${part}`} on ${WEEKDAYS[at.getDay()]} ${at.getDate()} ${MONTHS[at.getMonth()]}`;
}

/** The sentence after a refusal: "Try again after 9:12 tomorrow morning." (within 90 minutes, also how long). */
export function tryAgain(retryAfterSeconds, now = new Date()) {
  if (retryAfterSeconds <= 60) return "Try again in a minute.";
  // Rounded up to the minute: never a time at which it would still be refused.
  const at = new Date(Math.ceil((now.getTime() + retryAfterSeconds * 1000) / MINUTE) * MINUTE);
  const minutes = Math.ceil(retryAfterSeconds / 60);
  return minutes <= 90 ? `Try again in ${minutes} min (after ${clockTime(at, now)}).` : `Try again after ${clockTime(at, now)}.`;
}

/** A message as one sentence: its own full stop kept, one added only when it has none. */
export const sentence = (text) => (/[.!?]$/.test(text.trim()) ? text.trim() : `${text.trim()}.`);
