import { app } from '@microsoft/teams-js';

/** Teams' three themes, as the context's `app.theme` names them. */
export type HostTheme = 'default' | 'dark' | 'contrast';

/** Where the tab runs and what the host told it. */
export interface Host {
  /** In Teams (or another Microsoft 365 host), or a plain browser tab (local mode). */
  inTeams: boolean;
  theme: HostTheme;
  /** The host's locale (fi-FI, en-US …); the browser's outside Teams. */
  locale: string;
  /** A channel tab's saved page (its configuration's entityId), or a static tab's entity. */
  pageId?: string | undefined;
  /** Teams' subPageId: a deep link's target inside the tab (e.g. customer/<id>). */
  subPageId?: string | undefined;
  /** Calls back when the user switches Teams' theme. */
  onThemeChange(handler: (theme: HostTheme) => void): void;
}

export function hostThemeOf(value: string | undefined | null): HostTheme {
  return value === 'dark' || value === 'contrast' ? value : 'default';
}

/** A plain browser window has no host frame: TeamsJS would only time out there. */
function mayBeHosted(): boolean {
  const w = window as Window & { nativeInterface?: unknown };
  return window.parent !== window || Boolean(window.opener) || w.nativeInterface !== undefined;
}

/**
 * Initializes TeamsJS when a host frames the tab; otherwise (or when the host does not answer in time) the tab
 * runs as a plain web page: theme and locale from the URL (`?theme=dark&lang=en`) or the browser.
 */
export async function connectHost(timeoutMs = 4000): Promise<Host> {
  const params = new URLSearchParams(window.location.search);
  const plain: Host = {
    inTeams: false,
    theme: hostThemeOf(params.get('theme')),
    locale: params.get('lang') ?? navigator.language ?? 'fi-FI',
    pageId: params.get('page') ?? undefined,
    onThemeChange: () => {},
  };
  if (!mayBeHosted()) return plain;
  try {
    await Promise.race([app.initialize(), new Promise((_, fail) => setTimeout(() => fail(new Error('no host answer')), timeoutMs))]);
    const context = await app.getContext();
    app.notifySuccess();
    return {
      inTeams: true,
      theme: hostThemeOf(context.app.theme),
      locale: context.app.locale,
      pageId: context.page.id,
      subPageId: context.page.subPageId,
      onThemeChange: (handler) => app.registerOnThemeChangeHandler((theme) => handler(hostThemeOf(theme))),
    };
  } catch {
    return plain;
  }
}
