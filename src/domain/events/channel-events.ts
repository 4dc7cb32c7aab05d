import type { ActorRef } from '../records/common.js';
import type { EventBase } from '../events.js';

/** A channel binding as a card shows it: which audience, which channel of which team. */
export interface BindingSummary {
  audience: 'sales' | 'management';
  channelName: string;
  teamId: string;
}

/**
 * The app was installed in a team while channels were already bound: nothing moved (issue 9 — an install
 * in another team once moved both bindings silently). The admins and the current management channel are told.
 */
export interface InstallNoticeData {
  teamId: string;
  teamName: string;
  installedBy: ActorRef;
  bindings: BindingSummary[];
}

export type InstallNoticeEvent = EventBase<'channels.installNotice', InstallNoticeData>;
