// The TikTok Studio import (lib/parsers): what is wrong with a file the creator chose.
import type { Messages } from '../../types';

export default {
  'parser.tooLarge': '{file} is {size}; Tierkit reads files up to {max}',
  'parser.unreadable': '{file} could not be read: it was moved, deleted or changed after it was chosen',
  'parser.tooManyRows': '{file} has more than {max} rows; a TikTok Studio export covers at most 365 days',
  'parser.notText': '{file} is not a CSV text file (it contains binary data)',
  'parser.empty': '{file} is empty',
  'parser.noDays': '{file} has a header but no days',
  'parser.unknownHeader':
    '{file} is not a TikTok Studio Overview or FollowerHistory export: its first row is "{header}"',
  'parser.otherStudioFile':
    '{file} is the TikTok Studio "{kind}" export; Tierkit reads Overview.csv (daily video views) and FollowerHistory.csv (daily followers)',
  'parser.columnCount': {
    one: 'This row has {count} column; the header has {expected}',
    other: 'This row has {count} columns; the header has {expected}',
  },
  'parser.badDate': '"{value}" is not a date Tierkit can read (a day and a month, like "28 August")',
  'parser.noSuchDay': '"{value}" does not exist in {year}',
  'parser.duplicateDay': 'This day is also on row {row}',
  'parser.badNumber': '"{value}" is not a count (a whole number, 0 or more)',
  'parser.moreProblems': { one: '…and {count} more problem in this file', other: '…and {count} more problems in this file' },
  'parser.zipDamaged': '{file} is a damaged or unsupported ZIP archive',
  'parser.zipTooManyEntries': '{file} holds {count} files; Tierkit opens archives of at most {max}',
  'parser.zipTooLarge': '{file} would expand to {size}; Tierkit opens archives up to {max}',
  'parser.zipEntryTooLarge': '{entry} in {file} would expand to {size}; the limit is {max}',
  'parser.zipBomb': '{entry} in {file} expands {ratio} times: this looks like a ZIP bomb, so it was not opened',
  'parser.zipNoCsv':
    '{file} contains no Overview.csv or FollowerHistory.csv (it holds: {names})',
  'parser.zipEntryOutgrows':
    '{entry} in {file} expands past the {declared} bytes it declares, so it was not opened: the archive is damaged or forged',
  'parser.zipEntryShort':
    '{entry} in {file} holds {size} bytes but declares {declared}, so it was not read: the archive is damaged or forged',
  'parser.zipEntryChecksum':
    '{entry} in {file} does not match its checksum (CRC-32), so it was not read: the archive is damaged or forged',
  'parser.zipEntryDamaged': '{entry} in {file} is damaged, encrypted or compressed in a way Tierkit does not read',
  'parser.xlsx': '{file} is an Excel workbook; download the TikTok Studio data as CSV instead',
} satisfies Messages;
