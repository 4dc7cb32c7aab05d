import type { GraphClient } from '../graph/graph-client.js';
import { GraphRequestError } from '../graph/graph-errors.js';

/**
 * `npm run doctor` with CALENDAR=graph (issue 12): does the organizer mailbox answer the app? One read-only
 * GET /users/{mailbox}/calendar ("Get calendar", https://learn.microsoft.com/graph/api/calendar-get) proves
 * the token reaches Exchange and the app's Calendars.ReadWrite covers the mailbox. With Exchange RBAC for
 * Applications a mailbox outside the app's management scope answers 403 — named here with the fix. The
 * calendar's allowedOnlineMeetingProviders tells whether the invitations will carry a Teams link.
 */
export type CalendarCheck =
  | { ok: true; text: string; warnings: string[] }
  | { ok: false; problem: string; fixes: string[]; detail?: string };

export const rbacFix = (mailbox: string) =>
  `an Exchange administrator puts ${mailbox} in the app's RBAC for Applications scope: New-ManagementScope over the organizers' mailboxes and New-ManagementRoleAssignment -App <the app's service principal> -Role "Application Calendars.ReadWrite" -CustomResourceScope <that scope> (README "Outlook invitations (CALENDAR=graph)")`;

export async function checkGraphCalendar(graph: GraphClient, env: NodeJS.ProcessEnv): Promise<CalendarCheck> {
  const source = env.CALENDAR_ORGANIZER_SOURCE?.trim() || 'person';
  const configured = env.CALENDAR_ORGANIZER_MAILBOX?.trim() || undefined;
  if (source !== 'person' && source !== 'mailbox') {
    return { ok: false, problem: `CALENDAR_ORGANIZER_SOURCE "${source}" is neither person nor mailbox`, fixes: ['set CALENDAR_ORGANIZER_SOURCE=person (each person\'s own calendar) or mailbox (CALENDAR_ORGANIZER_MAILBOX)'] };
  }
  if (!configured) {
    if (source === 'mailbox') {
      return { ok: false, problem: 'CALENDAR_ORGANIZER_SOURCE=mailbox but CALENDAR_ORGANIZER_MAILBOX is not set', fixes: ['set CALENDAR_ORGANIZER_MAILBOX to the shared organizer mailbox, e.g. kehityskokoukset@contoso.fi'] };
    }
    return {
      ok: true,
      text: 'not checked: with CALENDAR_ORGANIZER_SOURCE=person each scheduling person\'s mailbox is the organizer',
      warnings: ['set CALENDAR_ORGANIZER_MAILBOX to one organizer\'s address for this run to check that their mailbox answers the app'],
    };
  }
  const path = `/users/${encodeURIComponent(configured).replace(/%40/g, '@')}/calendar`;
  try {
    const calendar = await graph.get<{ name?: string; canEdit?: boolean; allowedOnlineMeetingProviders?: string[] }>(path, {
      query: { $select: 'id,name,canEdit,allowedOnlineMeetingProviders' },
    });
    const warnings: string[] = [];
    if (calendar.canEdit === false) warnings.push(`the calendar of ${configured} is not writable for the app (canEdit false): events cannot be made there`);
    if (Array.isArray(calendar.allowedOnlineMeetingProviders) && !calendar.allowedOnlineMeetingProviders.includes('teamsForBusiness')) {
      warnings.push(`${configured} cannot host Teams meetings (allowedOnlineMeetingProviders has no teamsForBusiness): the invitations go without a join link — give the mailbox a Teams licence and meeting policy`);
    }
    return { ok: true, text: `GET ${path} answers ("${calendar.name ?? 'Calendar'}" of ${configured}): the app reaches the organizer mailbox`, warnings };
  } catch (error) {
    const status = error instanceof GraphRequestError ? error.status : undefined;
    const detail = (error as Error).message;
    if (status === 403) {
      return {
        ok: false,
        problem: `the app may not use the calendar of ${configured} (403 Forbidden)`,
        fixes: [rbacFix(configured), 'and the app registration has the application permission Calendars.ReadWrite (the RBAC assignment grants it only inside the scope; remove a tenant-wide admin consent for it, as grants add up)'],
        detail,
      };
    }
    if (status === 404) {
      return { ok: false, problem: `no mailbox ${configured} (404)`, fixes: ['CALENDAR_ORGANIZER_MAILBOX must be the address (or Entra object id) of a user or shared mailbox with an Exchange Online mailbox'], detail };
    }
    return { ok: false, problem: `reading the calendar of ${configured} failed${status ? ` (${status})` : ''}`, fixes: [], detail };
  }
}
