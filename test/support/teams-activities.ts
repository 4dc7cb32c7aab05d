import { randomUUID } from 'node:crypto';

/**
 * Bot Framework activities shaped as Microsoft Teams sends them: personal chat, a channel message with
 * channelData.team/channel (and the @mention Teams prefixes), a card submit with `value`, and the
 * conversationUpdate Teams sends when the app is installed in a team.
 */
export const TENANT_ID = '5f2c1a4e-8b7d-4c3e-9a1f-2b6d8e0c4a71';
export const BOT = { id: '28:hoivacrm-bot', name: 'HoivaCRM' };
export const TEAM = { id: '19:hoiva-team@thread.tacv2', name: 'Hoiva' };
export const MYYNTI = { id: '19:myynti@thread.tacv2', name: 'Myynti' };
export const GENERAL = { id: TEAM.id, name: undefined };

export interface TeamsUser {
  id: string;
  name: string;
  aadObjectId: string;
  locale?: string;
}

export const homeDirector: TeamsUser = {
  id: '29:kaisa',
  name: 'Kaisa Kotijohtaja',
  aadObjectId: '00000000-0000-0000-0000-0000000000020',
  locale: 'fi-FI',
};
export const englishUser: TeamsUser = {
  id: '29:emma',
  name: 'Emma English',
  aadObjectId: '7d9e1f20-3a4b-4c5d-8e6f-1a2b3c4d5e6f',
  locale: 'en-US',
};

function base(serviceUrl: string, user: TeamsUser) {
  return {
    id: randomUUID(),
    timestamp: new Date().toISOString(),
    serviceUrl,
    channelId: 'msteams',
    from: { id: user.id, name: user.name, aadObjectId: user.aadObjectId },
    recipient: BOT,
    locale: user.locale ?? 'fi-FI',
    entities: [{ type: 'clientInfo', locale: user.locale ?? 'fi-FI', country: 'FI', platform: 'Web', timezone: 'Europe/Helsinki' }],
  };
}

export function personalConversationId(user: TeamsUser): string {
  return `a:personal-${user.id.slice(3)}`;
}

export function personalMessage(serviceUrl: string, user: TeamsUser, text: string) {
  return {
    ...base(serviceUrl, user),
    type: 'message',
    text,
    textFormat: 'plain',
    conversation: { conversationType: 'personal', tenantId: TENANT_ID, id: personalConversationId(user) },
    channelData: { tenant: { id: TENANT_ID } },
  };
}

export function cardSubmit(serviceUrl: string, user: TeamsUser, replyToId: string, value: Record<string, unknown>) {
  return {
    ...base(serviceUrl, user),
    type: 'message',
    replyToId,
    value,
    conversation: { conversationType: 'personal', tenantId: TENANT_ID, id: personalConversationId(user) },
    channelData: { tenant: { id: TENANT_ID }, source: { name: 'message' }, legacy: { replyToId } },
  };
}

export function channelMessage(serviceUrl: string, user: TeamsUser, channel: { id: string; name?: string | undefined }, text: string) {
  const messageId = String(Date.now());
  return {
    ...base(serviceUrl, user),
    type: 'message',
    text: `<at>${BOT.name}</at> ${text}`,
    textFormat: 'plain',
    conversation: { isGroup: true, conversationType: 'channel', tenantId: TENANT_ID, id: `${channel.id};messageid=${messageId}` },
    entities: [{ type: 'mention', mentioned: BOT, text: `<at>${BOT.name}</at>` }],
    channelData: {
      teamsChannelId: channel.id,
      teamsTeamId: TEAM.id,
      channel: { id: channel.id, ...(channel.name ? { name: channel.name } : {}) },
      team: { id: TEAM.id },
      tenant: { id: TENANT_ID },
    },
  };
}

export function installedInTeam(serviceUrl: string, user: TeamsUser) {
  return {
    ...base(serviceUrl, user),
    type: 'conversationUpdate',
    membersAdded: [{ id: BOT.id }],
    conversation: { isGroup: true, conversationType: 'channel', tenantId: TENANT_ID, id: TEAM.id },
    channelData: { eventType: 'teamMemberAdded', team: { id: TEAM.id, name: TEAM.name }, tenant: { id: TENANT_ID } },
  };
}

export const salesManager: TeamsUser = {
  id: '29:mikko',
  name: 'Mikko Myyntipäällikkö',
  aadObjectId: '00000000-0000-0000-0000-0000000000021',
  locale: 'fi-FI',
};
export const salesDirector: TeamsUser = {
  id: '29:sanna',
  name: 'Sanna Myyntijohtaja',
  aadObjectId: '00000000-0000-0000-0000-0000000000026',
  locale: 'fi-FI',
};

/** A card submit from a card posted in a channel: the conversation is the card's thread. */
export function channelCardSubmit(
  serviceUrl: string,
  user: TeamsUser,
  channel: { id: string },
  replyToId: string,
  value: Record<string, unknown>,
) {
  return {
    ...base(serviceUrl, user),
    type: 'message',
    replyToId,
    value,
    conversation: { isGroup: true, conversationType: 'channel', tenantId: TENANT_ID, id: `${channel.id};messageid=${replyToId}` },
    channelData: {
      teamsChannelId: channel.id,
      teamsTeamId: TEAM.id,
      channel: { id: channel.id },
      team: { id: TEAM.id },
      tenant: { id: TENANT_ID },
      source: { name: 'message' },
      legacy: { replyToId },
    },
  };
}

/** The demo people (src/store/seed/demo-people.ts) as Teams users: ids match, so roles apply. */
export const qualityManager: TeamsUser = { id: '29:liisa', name: 'Liisa Laaksonen', aadObjectId: '00000000-0000-0000-0000-0000000000022', locale: 'fi-FI' };
export const regionalDirector: TeamsUser = { id: '29:jukka', name: 'Jukka Järvinen', aadObjectId: '00000000-0000-0000-0000-0000000000023', locale: 'fi-FI' };
export const businessDirector: TeamsUser = { id: '29:aino', name: 'Aino Virtanen', aadObjectId: '00000000-0000-0000-0000-0000000000024', locale: 'fi-FI' };

/**
 * The invoke Teams sends as someone types in a choice with `choices.data` (a Data.Query): name
 * `application/search`, value `{ queryText, dataset, queryOptions: { skip, top } }` (msteams-docs,
 * task-modules-and-cards/cards/dynamic-search.md, "Invoke request"). Answered in the HTTP response.
 */
export function searchInvoke(serviceUrl: string, user: TeamsUser, queryText: string, options: { dataset?: string; skip?: number; top?: number } = {}) {
  return {
    ...base(serviceUrl, user),
    type: 'invoke',
    name: 'application/search',
    value: { queryText, dataset: options.dataset ?? 'customers', queryOptions: { skip: options.skip ?? 0, top: options.top ?? 15 } },
    localTimezone: 'Europe/Helsinki',
    conversation: { conversationType: 'personal', tenantId: TENANT_ID, id: personalConversationId(user) },
    channelData: { tenant: { id: TENANT_ID }, source: { name: 'message' } },
  };
}

/**
 * The invoke Teams sends when someone presses an Action.Execute (or when a card with `refresh` is shown to
 * a listed user, `trigger: 'automatic'`): name `adaptiveCard/action`, value `{ action: { type, verb, data },
 * trigger }` with the action's data merged with the card's inputs (msteams-docs, universal-actions-for-
 * adaptive-cards/work-with-universal-actions-for-adaptive-cards.md). The answer is in the HTTP response.
 * `channel`: pressed on a card in a channel (the conversation is the card's thread).
 */
export function executeAction(
  serviceUrl: string,
  user: TeamsUser,
  replyToId: string,
  action: { verb: string; data: Record<string, unknown> },
  options: { channel?: { id: string }; trigger?: 'manual' | 'automatic' } = {},
) {
  const channel = options.channel;
  return {
    ...base(serviceUrl, user),
    type: 'invoke',
    name: 'adaptiveCard/action',
    replyToId,
    value: { action: { type: 'Action.Execute', verb: action.verb, data: action.data }, trigger: options.trigger ?? 'manual' },
    localTimezone: 'Europe/Helsinki',
    conversation: channel
      ? { isGroup: true, conversationType: 'channel', tenantId: TENANT_ID, id: `${channel.id};messageid=${replyToId}` }
      : { conversationType: 'personal', tenantId: TENANT_ID, id: personalConversationId(user) },
    channelData: channel
      ? { teamsChannelId: channel.id, teamsTeamId: TEAM.id, channel: { id: channel.id }, team: { id: TEAM.id }, tenant: { id: TENANT_ID }, source: { name: 'message' } }
      : { tenant: { id: TENANT_ID }, source: { name: 'message' } },
  };
}
