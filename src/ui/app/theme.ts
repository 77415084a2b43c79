/**
 * The panel's Mantine theme and colour-scheme storage (localStorage: no inline script, which the
 * CSP forbids). Shades are picked for WCAG AA contrast: filled buttons use shade 8 (white text on
 * blue-6 is only 3.5:1), dimmed text is gray-7 (light) and dark-1 (dark), error text is red-9 on
 * white (5.4:1; Mantine's red-6 is 3.3:1) and red-4 on dark-7 (6.6:1; red-8 is 3.4:1), and alert
 * titles use the body text colour (yellow-9 on yellow-1 is unreadable), notification text under a
 * title is dimmed (Mantine's gray-6 is 3.3:1). Every notification's, dialog's and drawer's close
 * button is named (an icon-only button has no name of its own).
 */
import { Alert, createTheme, Drawer, localStorageColorSchemeManager, Modal, Notification, type CSSVariablesResolver } from '@mantine/core';

export const theme = createTheme({
  primaryColor: 'blue',
  primaryShade: { light: 8, dark: 8 },
  defaultRadius: 'sm',
  fontFamily: 'system-ui, -apple-system, "Segoe UI", Roboto, "Helvetica Neue", Arial, sans-serif',
  fontFamilyMonospace: 'ui-monospace, SFMono-Regular, Menlo, Consolas, "Liberation Mono", monospace',
  components: {
    Alert: Alert.extend({ styles: { title: { color: 'var(--mantine-color-text)' } } }),
    Notification: Notification.extend({
      defaultProps: { closeButtonProps: { 'aria-label': 'Close notification' } },
      // Mantine greys a titled notification's text to gray-6 (3.3:1 on white); use the dimmed colour.
      styles: { description: { color: 'var(--mantine-color-dimmed)' } },
    }),
    Modal: Modal.extend({ defaultProps: { closeButtonProps: { 'aria-label': 'Close dialog' } } }),
    Drawer: Drawer.extend({ defaultProps: { closeButtonProps: { 'aria-label': 'Close' } } }),
  },
});

export const cssVariablesResolver: CSSVariablesResolver = (t) => ({
  variables: {},
  light: { '--mantine-color-dimmed': t.colors.gray[7], '--mantine-color-error': t.colors.red[9] },
  dark: { '--mantine-color-dimmed': t.colors.dark[1], '--mantine-color-error': t.colors.red[4] },
});

export const colorSchemeManager = localStorageColorSchemeManager({ key: 'netstage-color-scheme' });
