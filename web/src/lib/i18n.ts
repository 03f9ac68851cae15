// i18next with both locales bundled (they are small); Chinese is the default.
// Which language: the user's own setting once signed in; otherwise a choice made on this device
// (the switch on the sign-in page); otherwise the organisation default last seen here; else zh-CN.
import dayjs from 'dayjs';
import 'dayjs/locale/zh-cn';
import i18n from 'i18next';
import { initReactI18next } from 'react-i18next';
import en from '../locales/en.json';
import zhCN from '../locales/zh-CN.json';
import { mergeLocales, type LocaleTree } from './locale-merge';

// Each module may keep its own strings in modules/<name>/locales/[<part>/]<lang>.json; they are
// merged over the shared files so two modules (or two parts of one) never edit the same file.
const moduleLocales = import.meta.glob<LocaleTree>('../modules/*/locales/**/*.json', { eager: true, import: 'default' });
function resourcesFor(lang: string, base: LocaleTree): LocaleTree {
  const parts = Object.entries(moduleLocales)
    .filter(([path]) => path.endsWith(`/${lang}.json`))
    .map(([, tree]) => tree);
  return mergeLocales(base, ...parts);
}

export const LANGUAGES = ['zh-CN', 'en'] as const;
export type AppLanguage = (typeof LANGUAGES)[number];
/** Display names are written in their own language on purpose (never translated). */
export const LANGUAGE_NAMES: Record<AppLanguage, string> = { 'zh-CN': '中文', en: 'English' };

const CHOSEN_KEY = 'sysward.language';
const ORG_DEFAULT_KEY = 'sysward.orgDefaultLanguage';

function isLanguage(v: unknown): v is AppLanguage {
  return typeof v === 'string' && (LANGUAGES as readonly string[]).includes(v);
}

function read(key: string): AppLanguage | null {
  try {
    const v = localStorage.getItem(key);
    return isLanguage(v) ? v : null;
  } catch {
    return null; // storage blocked (private mode)
  }
}
function write(key: string, lang: AppLanguage): void {
  try {
    localStorage.setItem(key, lang);
  } catch {
    // ignore: the choice just is not remembered
  }
}

/** The language explicitly chosen on this device, if any. */
export function chosenLanguage(): AppLanguage | null {
  return read(CHOSEN_KEY);
}

function syncLibraries(lang: AppLanguage): void {
  dayjs.locale(lang === 'en' ? 'en' : 'zh-cn');
  document.documentElement.lang = lang;
}

void i18n.use(initReactI18next).init({
  resources: { 'zh-CN': { translation: resourcesFor('zh-CN', zhCN) }, en: { translation: resourcesFor('en', en) } },
  lng: chosenLanguage() ?? read(ORG_DEFAULT_KEY) ?? 'zh-CN',
  fallbackLng: 'zh-CN',
  supportedLngs: [...LANGUAGES],
  // Permission names contain ':' (org:read); keys are never namespaced here.
  nsSeparator: false,
  interpolation: { escapeValue: false }, // React escapes; nothing is ever injected as HTML
  initAsync: false,
});
syncLibraries(currentLanguage());

export function currentLanguage(): AppLanguage {
  return isLanguage(i18n.language) ? i18n.language : 'zh-CN';
}

/** Switch without remembering (following the user's or the organisation's setting). */
export async function applyLanguage(lang: AppLanguage): Promise<void> {
  if (i18n.language !== lang) await i18n.changeLanguage(lang);
  syncLibraries(lang);
}

/** Switch because the person asked to: remembered on this device. */
export async function chooseLanguage(lang: AppLanguage): Promise<void> {
  write(CHOSEN_KEY, lang);
  await applyLanguage(lang);
}

/** Remember the organisation default so the next sign-in page already speaks it. */
export function rememberOrgDefault(lang: AppLanguage): void {
  write(ORG_DEFAULT_KEY, lang);
}

export { i18n };
