import type { Area } from '@/lib/i18n';

/** The message areas of the options page: every section, and the messages of the lib code it runs. */
export const optionsAreas = [
  'domain',
  'popup',
  'eligibility-options',
  'editors',
  'options',
  'roster-ui',
  'packs-ui',
  'data-ui',
  'parsers',
  'roster',
  'packs',
  'keys',
] as const satisfies readonly Area[];
