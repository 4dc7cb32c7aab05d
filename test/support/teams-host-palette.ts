/**
 * The colours Microsoft Teams paints an Adaptive Card with, per theme: each container style's background and
 * its text colours (`color` × `isSubtle`). What the contrast check (test/bot/cards/contrast.spec.ts) measures.
 *
 * Sources:
 *  - light and dark: the Teams host configs Microsoft publishes with the Adaptive Cards designer,
 *    github.com/microsoft/AdaptiveCards samples/HostConfig/microsoft-teams-light.json (commit 6cf9ce1a) and
 *    microsoft-teams-dark.json (commit 181511ae), `containerStyles.*.backgroundColor` and `foregroundColors`,
 *    copied value for value (colours there are `#AARRGGBB` when eight digits: alpha first).
 *  - high contrast: Microsoft publishes no Teams host config for it. The container styles other than `default`
 *    are the Teams high-contrast host config of PnP's Adaptive Card Host (github.com/pnp/sp-dev-fx-controls-react
 *    src/controls/adaptiveCardHost/fluentUI/HostConfig.ts, `createHighContrastTeamsHostConfig`), which
 *    emulates Teams' theme. Its `default` style takes Fluent's generic palette (red #a4262c on black and the
 *    like), which Teams does not show: in Teams' high-contrast theme the card is black with white text, and
 *    `attention`/`accent` text turns white too (MicrosoftDocs/msteams-docs issues #13042 and #10237). So the
 *    `default` style here is black with the explicit high-contrast text colours PnP gives its other dark
 *    style (`emphasis`): stricter than white everywhere, never laxer.
 */

export type ThemeName = 'light' | 'dark' | 'highContrast';
export type PaletteContainerStyle = 'default' | 'emphasis' | 'accent' | 'good' | 'attention' | 'warning';
export type PaletteTextColor = 'default' | 'dark' | 'light' | 'accent' | 'good' | 'warning' | 'attention';

export interface ForegroundColor {
  default: string;
  subtle: string;
}

export interface ContainerPalette {
  backgroundColor: string;
  foregroundColors: Record<PaletteTextColor, ForegroundColor>;
}

export type HostPalette = Record<PaletteContainerStyle, ContainerPalette>;

// microsoft-teams-light.json: every container style has these foregrounds.
const lightForegrounds: Record<PaletteTextColor, ForegroundColor> = {
  default: { default: '#ff252424', subtle: '#bf252424' },
  dark: { default: '#252424', subtle: '#bf252424' },
  light: { default: '#ffffff', subtle: '#fff3f2f1' },
  accent: { default: '#6264a7', subtle: '#8b8cc7' },
  good: { default: '#92c353', subtle: '#e592c353' },
  warning: { default: '#f8d22a', subtle: '#e5f8d22a' },
  attention: { default: '#c4314b', subtle: '#e5c4314b' },
};

// microsoft-teams-dark.json: `default` and `emphasis` write white; the pale coloured styles write near-black.
const darkForegrounds: Record<PaletteTextColor, ForegroundColor> = {
  default: { default: '#ffffffff', subtle: '#bfffffff' },
  dark: { default: '#ff201f1f', subtle: '#ff2d2c2c' },
  light: { default: '#ffffffff', subtle: '#bfffffff' },
  accent: { default: '#ffa6a7dc', subtle: '#ff8b8cc7' },
  good: { default: '#ff92c353', subtle: '#e592c353' },
  warning: { default: '#fff8d22a', subtle: '#e5f8d22a' },
  attention: { default: '#ffd74654', subtle: '#e5d74654' },
};
const darkOnPale: Record<PaletteTextColor, ForegroundColor> = { ...darkForegrounds, default: { default: '#ff201f1f', subtle: '#ff2d2c2c' } };

// PnP's high-contrast Teams host config: the coloured foregrounds every style shares.
const contrastColours = {
  accent: { default: '#82C7FF', subtle: '#3AA0F3' },
  good: { default: '#92C353', subtle: '#498205' },
  warning: { default: '#F8D22A', subtle: '#C19C00' },
  attention: { default: '#D74553', subtle: '#D13438' },
} as const;
const contrastOnDark: Record<PaletteTextColor, ForegroundColor> = {
  default: { default: '#FFFFFF', subtle: '#D2D2D2' },
  dark: { default: '#000000', subtle: '#737373' },
  light: { default: '#FFFFFF', subtle: '#D2D2D2' },
  ...contrastColours,
};
const contrastOnColour = (subtle: string, lightSubtle: string): Record<PaletteTextColor, ForegroundColor> => ({
  default: { default: '#000000', subtle },
  dark: { default: '#000000', subtle },
  light: { default: '#FFFFFF', subtle: lightSubtle },
  ...contrastColours,
});

export const teamsHostPalettes: Record<ThemeName, HostPalette> = {
  light: {
    default: { backgroundColor: '#ffffff', foregroundColors: lightForegrounds },
    emphasis: { backgroundColor: '#fff9f8f7', foregroundColors: lightForegrounds },
    accent: { backgroundColor: '#C7DEF9', foregroundColors: lightForegrounds },
    good: { backgroundColor: '#CCFFCC', foregroundColors: lightForegrounds },
    attention: { backgroundColor: '#FFC5B2', foregroundColors: lightForegrounds },
    warning: { backgroundColor: '#FFE2B2', foregroundColors: lightForegrounds },
  },
  dark: {
    default: { backgroundColor: '#ff2d2c2c', foregroundColors: darkForegrounds },
    emphasis: { backgroundColor: '#ff292828', foregroundColors: darkForegrounds },
    accent: { backgroundColor: '#C7DEF9', foregroundColors: darkOnPale },
    good: { backgroundColor: '#CCFFCC', foregroundColors: darkOnPale },
    attention: { backgroundColor: '#FFC5B2', foregroundColors: darkOnPale },
    warning: { backgroundColor: '#FFE2B2', foregroundColors: darkOnPale },
  },
  highContrast: {
    default: { backgroundColor: '#000000', foregroundColors: contrastOnDark },
    emphasis: { backgroundColor: '#2F2F2F', foregroundColors: contrastOnDark },
    accent: { backgroundColor: '#1B3345', foregroundColors: contrastOnDark },
    good: { backgroundColor: '#92C353', foregroundColors: contrastOnColour('#415725', '#EBF4E0') },
    attention: { backgroundColor: '#D74553', foregroundColors: contrastOnColour('#601F25', '#F7DEE0') },
    warning: { backgroundColor: '#F8D22A', foregroundColors: contrastOnColour('#6F5E12', '#FDF7D9') },
  },
};

/** Teams shows an Action.ShowCard's card in this style (host config `actions.showCard.style`, both themes). */
export const showCardStyle: PaletteContainerStyle = 'emphasis';

interface Rgba {
  r: number;
  g: number;
  b: number;
  a: number;
}

/** `#RGB`-free parsing: `#RRGGBB`, or `#AARRGGBB` as host configs write it (alpha first). */
export function parseColour(hex: string): Rgba {
  const digits = hex.replace(/^#/, '');
  const byte = (at: number) => parseInt(digits.slice(at, at + 2), 16);
  if (digits.length === 6) return { r: byte(0), g: byte(2), b: byte(4), a: 1 };
  if (digits.length === 8) return { a: byte(0) / 255, r: byte(2), g: byte(4), b: byte(6) };
  throw new Error(`not a host-config colour: ${hex}`);
}

/** `over` painted on an opaque `under`: what the eye sees of a translucent text or background. */
function blend(over: Rgba, under: Rgba): Rgba {
  const mix = (a: number, b: number) => a * over.a + b * (1 - over.a);
  return { r: mix(over.r, under.r), g: mix(over.g, under.g), b: mix(over.b, under.b), a: 1 };
}

/** WCAG 2.x relative luminance of an opaque sRGB colour. */
function luminance({ r, g, b }: Rgba): number {
  const channel = (v: number) => {
    const s = v / 255;
    return s <= 0.04045 ? s / 12.92 : ((s + 0.055) / 1.055) ** 2.4;
  };
  return 0.2126 * channel(r) + 0.7152 * channel(g) + 0.0722 * channel(b);
}

/**
 * The WCAG contrast ratio of text `foreground` on `background` (each possibly translucent): the background is
 * laid on the card's own background `base` first, the text on the result.
 */
export function contrastRatio(foreground: string, background: string, base = '#ffffff'): number {
  const bg = blend(parseColour(background), parseColour(base));
  const fg = blend(parseColour(foreground), bg);
  const [hi, lo] = [luminance(fg), luminance(bg)].sort((a, b) => b - a) as [number, number];
  return (hi + 0.05) / (lo + 0.05);
}
