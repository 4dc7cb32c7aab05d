import { Field, makeStyles, Select, Text, tokens } from '@fluentui/react-components';
import type { z } from 'zod';
import type { localPeopleSchema } from '../../../src/api/schemas/me';
import type { HostTheme } from '../host/teams-host';
import type { Translate } from '../i18n/translate';

export type LocalPerson = z.infer<typeof localPeopleSchema>['people'][number];

const useStyles = makeStyles({
  bar: {
    display: 'flex',
    flexWrap: 'wrap',
    alignItems: 'end',
    gap: tokens.spacingHorizontalL,
    padding: `${tokens.spacingVerticalS} ${tokens.spacingHorizontalL}`,
    backgroundColor: tokens.colorNeutralBackground3,
    borderBottom: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke1}`,
  },
});

/**
 * Local mode has no sign-in: this visible bar says so and lets the developer (or a demo audience) be any seeded
 * person — the API then answers as that person, roles and scope included. It also switches the theme, which
 * Teams would otherwise choose.
 */
export function LocalModeBar(props: {
  tr: Translate;
  people: LocalPerson[];
  userId: string | undefined;
  onUser(userId: string): void;
  theme: HostTheme;
  onTheme(theme: HostTheme): void;
}) {
  const styles = useStyles();
  const { tr } = props;
  return (
    <section className={styles.bar} aria-label={tr.t('tab.local.title')} data-testid="local-mode">
      <div>
        <Text weight="semibold">{tr.t('tab.local.title')} / local mode</Text>
        <br />
        <Text size={200}>{tr.t('tab.local.explain')}</Text>
      </div>
      <Field label={tr.t('tab.local.pick')}>
        <Select value={props.userId ?? ''} onChange={(_e, data) => props.onUser(data.value)} data-testid="local-user">
          <option value="" disabled>
            {tr.t('tab.local.choose')}
          </option>
          {props.people.map((p) => (
            <option key={p.userId} value={p.userId}>
              {p.name} – {p.roles.map((r) => tr.t(`role.${r}`)).join(', ')}
            </option>
          ))}
        </Select>
      </Field>
      <Field label={tr.t('tab.local.theme')}>
        <Select value={props.theme} onChange={(_e, data) => props.onTheme(data.value as HostTheme)} data-testid="local-theme">
          {(['default', 'dark', 'contrast'] as const).map((theme) => (
            <option key={theme} value={theme}>
              {tr.t(`tab.theme.${theme}`)}
            </option>
          ))}
        </Select>
      </Field>
    </section>
  );
}
