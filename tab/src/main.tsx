import { createRoot } from 'react-dom/client';
import { loadTabSettings } from './api/tab-settings';
import { connectHost } from './host/teams-host';
import { translateFor } from './i18n/translate';
import { Shell } from './shell';

/** Boot: find the host (Teams or a plain browser), its language, and how to sign in; then the shell. */
async function boot(): Promise<void> {
  const root = createRoot(document.getElementById('root')!);
  const host = await connectHost();
  const tr = translateFor(host.locale);
  document.documentElement.lang = tr.locale;
  document.title = tr.t('tab.title');
  try {
    const settings = await loadTabSettings();
    root.render(<Shell host={host} tr={tr} settings={settings} />);
  } catch (error) {
    root.render(<p role="alert">{tr.t('tab.error.start', { message: error instanceof Error ? error.message : String(error) })}</p>);
  }
}

void boot();
