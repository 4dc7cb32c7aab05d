import { t } from '../i18n/messages.js';
import { permissions, roleScopes, scopedActions, type Action } from './authorize.js';
import { personRoles } from '../domain/records/person.js';

/** What each action of the role table means, for the README's matrix and any page that explains roles. */
export const actionDescriptions: Readonly<Record<Action, string>> = {
  read: 'read customers, places and cards (summary variant)',
  recordForHome: 'record a freed place, visit, home event, complaint, note or meeting for a home',
  logContact: 'log a contact with a customer; a note or meeting with no home',
  reservePlace: 'reserve a free place for a customer',
  settlePlace: 'sell or release a reserved place; record an occupied place free again',
  advanceComplaint: 'take a complaint\'s handling steps',
  replyToComplaint: 'give the written reply to a complaint',
  readConfidential: 'read complaint free text and notes about contacts',
  readHistory: 'read a customer\'s change history (`historia`)',
  recordAgreement: 'record a customer\'s agreement (content, price, service types, option years)',
  scheduleJointMeeting: 'schedule the quarterly joint meeting of production and sales (`kokous neljännes`)',
  manageOthersMeetings: 'reschedule or cancel a meeting someone else organizes (the organizer always may)',
  bindChannel: 'bind the sales and management channels (`kanava`)',
  operateDelivery: 'see undelivered cards and send them again (`tila`)',
  correctOthersEntries: 'edit or withdraw an entry someone else recorded (`omat`; the author always may)',
  editCustomerPlan: 'edit a customer\'s plan and annual clock (`suunnitelma`)',
  editCustomer: 'edit a customer\'s segment, lifecycle phase and contacts (the tab\'s customer page)',
  readFigures: 'read the customer report and process measures (the tab\'s Luvut page)',
};

const scopeWord = { home: 'own home(s)', region: 'own region', company: 'company' } as const;

/**
 * The role table as a Markdown matrix: one row per action, one column per role, each cell the scope in
 * which that role may take it ("yes" for an action that concerns the whole company). The README carries this exact text; a test keeps the two the same.
 */
export function roleMatrixMarkdown(): string {
  const header = `| action | ${personRoles.map((role) => `${role} (${t('en', `role.${role}`)})`).join(' | ')} |`;
  const rule = `|---|${personRoles.map(() => '---').join('|')}|`;
  const rows = (Object.keys(permissions) as Action[]).map((action) => {
    const cells = personRoles.map((role) =>
      !(permissions[action] as readonly string[]).includes(role) ? '–' : scopedActions.has(action) ? scopeWord[roleScopes[role]] : 'yes',
    );
    return `| ${actionDescriptions[action]} | ${cells.join(' | ')} |`;
  });
  return [header, rule, ...rows].join('\n');
}
