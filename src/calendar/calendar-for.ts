import type { Clock } from '../clock.js';
import type { Config } from '../config.js';
import { createGraphClient, type GraphClient } from '../graph/graph-client.js';
import type { Logger } from '../logger.js';
import type { CalendarPort } from './calendar-port.js';
import { graphCalendarFrom } from './graph-calendar.js';
import { icsCalendar } from './ics-calendar.js';

export interface ChosenCalendar {
  port: CalendarPort;
  /** Closes what the choice opened (a Graph client of its own when the store has none). */
  close(): void;
}

/**
 * The one place the calendar adapter is chosen (issue 12). CALENDAR=ics, the default, keeps an iCalendar
 * invitation with each meeting (src/calendar/ics-calendar.ts), served as .ics in local mode. CALENDAR=graph
 * (tenant mode only, src/config.ts) makes Outlook events in the organizer's mailbox
 * (src/calendar/graph-calendar.ts) through the store's Graph client, or a client of its own with STORE=sqlite.
 */
export function calendarFor(config: Config, deps: { clock: Clock; graph?: GraphClient | undefined; logger?: Logger }): ChosenCalendar {
  if (config.CALENDAR === 'graph' && config.graph) {
    const own = deps.graph ? undefined : createGraphClient(config.graph, deps.logger ? { logger: deps.logger } : undefined);
    const port = graphCalendarFrom(config, (deps.graph ?? own)!);
    if (port) return { port, close: () => own?.close() };
  }
  return { port: icsCalendar({ now: () => deps.clock.now() }), close: () => undefined };
}
