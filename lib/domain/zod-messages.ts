// zod's messages in the UI language, worded for people rather than developers. zod/mini ships no
// messages of its own, so this is installed once, wherever a schema is imported.
import * as z from 'zod/mini';
import { t } from '../i18n';

type Issue = z.core.$ZodRawIssue;

function describe(issue: Issue): string {
  const bound = (key: 'minimum' | 'maximum') => Number((issue as Record<string, unknown>)[key]);
  switch (issue.code) {
    case 'too_small':
      if (issue.origin === 'string') return bound('minimum') <= 1 ? t('err.required') : t('err.minChars', { min: bound('minimum') });
      if (issue.origin === 'array') return t('err.minItems', { min: bound('minimum') });
      return t('err.min', { min: bound('minimum') });
    case 'too_big':
      if (issue.origin === 'string') return t('err.maxChars', { max: bound('maximum') });
      if (issue.origin === 'array') return t('err.maxItems', { max: bound('maximum') });
      return t('err.max', { max: bound('maximum') });
    case 'invalid_type':
      if (issue.input === undefined) return t('err.required');
      if (issue.expected === 'int' && typeof issue.input === 'number') return t('err.wholeNumber');
      return t('err.wrongType', { expected: String(issue.expected) });
    case 'invalid_value':
      return t('err.oneOf', { values: issue.values.map((v) => String(v)).join(', ') });
    case 'invalid_union':
      return t('err.invalid');
    case 'unrecognized_keys':
      return t('err.unknownKeys', { keys: issue.keys.join(', ') });
    default:
      return t('err.invalid');
  }
}

z.config({ localeError: (issue) => describe(issue as Issue) });
