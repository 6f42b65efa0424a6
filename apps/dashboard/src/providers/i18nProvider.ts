import polyglotI18nProvider from 'ra-i18n-polyglot';
import { messages } from '../i18n';

/**
 * A missing key is never hidden: the page shows the key itself (so it is seen and reported), and in
 * development the console names it. Defaults given with `_` (react-admin's own labels) are not missing.
 */
export const i18nProvider = polyglotI18nProvider(() => messages, 'en', [{ locale: 'en', name: 'English' }], {
  warn: (message: string) => {
    if (import.meta.env.DEV) console.warn(`[i18n] ${message}`);
  },
});
