import type { Clock } from '../clock.js';
import type { Config } from '../config.js';
import type { CalendarPort } from './calendar-port.js';
import { icsCalendar } from './ics-calendar.js';

/**
 * The one place the calendar adapter is chosen (issue 12). Local mode — the default — keeps an iCalendar
 * invitation with each meeting (src/calendar/ics-calendar.ts). CALENDAR=graph selects the Graph adapter
 * (src/calendar/graph-calendar.ts: Outlook events in the organizer's mailbox); it is added here beside this
 * branch, with its settings read from the configuration.
 */
export function calendarFor(_config: Config, deps: { clock: Clock }): CalendarPort {
  return icsCalendar({ now: () => deps.clock.now() });
}
