import { FluentProvider, makeStyles, Spinner, Tab, TabList, Text, tokens } from '@fluentui/react-components';
import { lazy, Suspense, useEffect, useMemo, useState, type ComponentType } from 'react';
import { localPeopleSchema, meSchema } from '../../src/api/schemas/me';
import { apiClient } from './api/api-client';
import { localCredentials, tenantCredentials } from './auth/token-source';
import type { TabSettings } from './api/tab-settings';
import { ApiErrorBar } from './components/api-error-bar';
import type { Host, HostTheme } from './host/teams-host';
import { fluentThemes } from './host/theme';
import type { Translate } from './i18n/translate';
import { LocalModeBar, type LocalPerson } from './local/local-mode-bar';
import { navigate, pages, useRoute, type PageName, type Route } from './route';
import { TabContextProvider, type Me } from './tab-context';

/** Each page is its own chunk: opening Käyttöaste does not load the charts. */
const pageComponents: Record<PageName, ComponentType<{ route: Route }>> = {
  occupancy: lazy(() => import('./pages/occupancy-page').then((m) => ({ default: m.OccupancyPage }))),
  customers: lazy(() => import('./pages/customers-page').then((m) => ({ default: m.CustomersPage }))),
  complaints: lazy(() => import('./pages/complaints-page').then((m) => ({ default: m.ComplaintsPage }))),
  figures: lazy(() => import('./pages/figures-page').then((m) => ({ default: m.FiguresPage }))),
};

const useStyles = makeStyles({
  root: { minHeight: '100vh', backgroundColor: tokens.colorNeutralBackground2, color: tokens.colorNeutralForeground1 },
  header: { display: 'flex', flexWrap: 'wrap', alignItems: 'center', gap: tokens.spacingHorizontalL, padding: `${tokens.spacingVerticalS} ${tokens.spacingHorizontalL}` },
  who: { marginLeft: 'auto' },
  main: { padding: `${tokens.spacingVerticalM} ${tokens.spacingHorizontalL}` },
});

const LOCAL_USER_KEY = 'hoivacrm.localUser';

/**
 * The tab around its pages: Teams' theme (followed live), the language, who is signed in, and the navigation.
 * Local mode adds the identity picker; tenant mode signs in through NAA (auth/token-source.ts).
 */
export function Shell({ host, tr, settings }: { host: Host; tr: Translate; settings: TabSettings }) {
  const styles = useStyles();
  const [theme, setTheme] = useState<HostTheme>(host.theme);
  useEffect(() => host.onThemeChange(setTheme), [host]);
  const [localUser, setLocalUser] = useState<string | undefined>(() => new URLSearchParams(window.location.search).get('user') ?? window.localStorage.getItem(LOCAL_USER_KEY) ?? undefined);
  const [people, setPeople] = useState<LocalPerson[]>([]);
  const [me, setMe] = useState<Me | undefined>();
  const [meError, setMeError] = useState<unknown>();

  const api = useMemo(
    () =>
      apiClient(
        settings.mode === 'local' ? localCredentials(() => localUser) : tenantCredentials(settings),
        () => tr.tag,
        () => tr.t('tab.error.network'),
      ),
    [settings, localUser, tr],
  );

  useEffect(() => {
    if (settings.mode !== 'local') return;
    api.get(localPeopleSchema, '/local/people').then((r) => setPeople(r.people), setMeError);
  }, [api, settings.mode]);

  useEffect(() => {
    if (settings.mode === 'local' && !localUser) {
      setMe(undefined);
      return;
    }
    setMeError(undefined);
    api.get(meSchema, '/me').then(setMe, (error: unknown) => {
      setMe(undefined);
      setMeError(error);
    });
  }, [api, settings.mode, localUser]);

  const chooseUser = (userId: string) => {
    window.localStorage.setItem(LOCAL_USER_KEY, userId);
    setLocalUser(userId);
  };
  const fallback = (pages as readonly string[]).includes(host.pageId ?? '') ? (host.pageId as PageName) : 'occupancy';
  const route = useRoute(fallback);
  const Page = pageComponents[route.page];

  return (
    <FluentProvider theme={fluentThemes[theme]} className={styles.root} data-theme={theme}>
      {settings.mode === 'local' && <LocalModeBar tr={tr} people={people} userId={localUser} onUser={chooseUser} theme={theme} onTheme={setTheme} />}
      <header className={styles.header}>
        <Text as="span" size={500} weight="semibold">
          {tr.t('tab.title')}
        </Text>
        <nav aria-label={tr.t('tab.nav.label')}>
          <TabList selectedValue={route.page} onTabSelect={(_e, data) => navigate(data.value as PageName)}>
            {pages.map((page) => (
              <Tab key={page} value={page} data-testid={`nav-${page}`}>
                {tr.t(`tab.nav.${page}`)}
              </Tab>
            ))}
          </TabList>
        </nav>
        {me && (
          <Text className={styles.who} size={200}>
            {tr.t('tab.signedInAs', { name: me.name })}
          </Text>
        )}
      </header>
      <main className={styles.main}>
        {meError !== undefined && <ApiErrorBar error={meError} tr={tr} />}
        {settings.mode === 'local' && !localUser && <Text>{tr.t('tab.local.explain')}</Text>}
        {me && (
          <TabContextProvider value={{ api, tr, me }}>
            <Suspense fallback={<Spinner label={tr.t('tab.loading')} />}>
              <Page key={me.userId} route={route} />
            </Suspense>
          </TabContextProvider>
        )}
      </main>
    </FluentProvider>
  );
}
