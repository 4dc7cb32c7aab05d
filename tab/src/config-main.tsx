import { Field, FluentProvider, Select, Text, Title2 } from '@fluentui/react-components';
import { pages as teamsPages } from '@microsoft/teams-js';
import { useEffect, useState } from 'react';
import { createRoot } from 'react-dom/client';
import { connectHost, type Host } from './host/teams-host';
import { fluentThemes } from './host/theme';
import { translateFor, type Translate } from './i18n/translate';
import { pages, type PageName } from './route';

/**
 * The configurable (channel / group chat) tab's configuration page: the team picks which view the tab opens.
 * Saving stores it as the tab's entityId and content URL; the tab then opens there (Host.pageId).
 */
function ConfigPage({ host, tr }: { host: Host; tr: Translate }) {
  const [page, setPage] = useState<PageName>('occupancy');
  useEffect(() => {
    if (!host.inTeams) return;
    teamsPages.config.registerOnSaveHandler((save) => {
      const contentUrl = `${window.location.origin}/tab/?page=${page}#/${page}`;
      teamsPages.config
        .setConfig({ entityId: page, contentUrl, websiteUrl: contentUrl, suggestedDisplayName: `HoivaCRM – ${tr.t(`tab.nav.${page}`)}` })
        .then(() => save.notifySuccess(), (error: unknown) => save.notifyFailure(String(error)));
    });
    teamsPages.config.setValidityState(true);
  }, [host, page, tr]);
  return (
    <FluentProvider theme={fluentThemes[host.theme]} style={{ padding: 16, minHeight: '100vh' }}>
      <main>
        <Title2 as="h1">{tr.t('tab.config.title')}</Title2>
        <p>
          <Text>{tr.t('tab.config.explain')}</Text>
        </p>
        <Field label={tr.t('tab.config.page')}>
          <Select value={page} onChange={(_e, data) => setPage(data.value as PageName)} data-testid="config-page">
            {pages.map((p) => (
              <option key={p} value={p}>
                {tr.t(`tab.nav.${p}`)}
              </option>
            ))}
          </Select>
        </Field>
      </main>
    </FluentProvider>
  );
}

void connectHost().then((host) => {
  const tr = translateFor(host.locale);
  document.documentElement.lang = tr.locale;
  createRoot(document.getElementById('root')!).render(<ConfigPage host={host} tr={tr} />);
});
