// The subscriber roster (lib/roster): record validation, the roster CSV import, and the badge’s tooltip and
// name.
import type { Messages } from '../../types';

export default {
  'roster.err.handleOrNickname': 'Give a TikTok username or a nickname (or both)',
  'roster.err.nicknameTooLong': 'A nickname has at most {max} characters',
  'roster.err.months': 'Months must be a whole number from 0 to {max}, or empty to count them from the start date',
  'roster.csv.tooManyRows': '{file} has more than {max} rows; Tierkit imports at most {max} subscribers at once',
  'roster.csv.noRows': '{file} has a header but no subscribers',
  'roster.csv.missingColumn': '{file} has no "{column}" column; the first row must name the columns: {columns}',
  'roster.csv.unknownColumn': '{file} has a column "{column}" Tierkit does not know; the columns are: {columns}',
  'roster.csv.duplicateColumn': '{file} has the column "{column}" twice',
  'roster.csv.unknownTier': 'There is no tier named "{value}"; the tiers are: {tiers}',
  'roster.csv.noTiers': 'There is no tier named "{value}"; create the tiers before importing subscribers',
  'roster.csv.invalidCell': '{message}',
  'roster.csv.badDate': '"{value}" is not a date as YYYY-MM-DD (for example 2025-03-31)',
  'roster.csv.futureDate': '{value} is after today',
  'roster.csv.badStatus': '"{value}" is not a status; use active or lapsed (empty means active)',
  'roster.csv.duplicateHandle': 'This username is also on row {row}',
  'roster.tooltip': { one: '{tier} · {months} month · since {since}', other: '{tier} · {months} months · since {since}' },
  'roster.badge.name': '{tier} subscriber, level {level}',
  'roster.badge.byNickname': 'matched by nickname, which TikTok does not keep unique',
  'roster.err.duplicateHandle': '@{handle} is already on the roster',
  'roster.err.handleTaken': 'The username @{handle} is already used by {first}',
  'roster.err.tierGone': '{name} was on a tier that no longer exists',
  'roster.err.unknownTier': 'Choose one of your tiers',
  'roster.err.notFound': 'This subscriber is no longer on the roster',
  'roster.err.noProfile': 'Save your profile first: the roster belongs to your TikTok handle',
  'roster.err.futureSince': 'The start date is after today',
  'roster.err.tierInUse': {
    one: '{count} subscriber on your roster has the tier "{tier}", which would be gone: move them to another tier first (Subscribers)',
    other: '{count} subscribers on your roster have the tier "{tier}", which would be gone: move them to another tier first (Subscribers)',
  },
} satisfies Messages;
