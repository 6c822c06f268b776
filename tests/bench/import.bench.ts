// Importing a 365-day TikTok Studio export (a ZIP with Overview.csv and FollowerHistory.csv) through
// the whole parser, against a floor measured in the same run: only unzipping the same archive with
// fflate and CSV-parsing its files with papaparse. Prints the medians and their ratio (target: at
// most 2x); timings are never asserted, only that the import read what it should.
import { unzipSync, zipSync } from 'fflate';
import Papa from 'papaparse';
import { expect, it } from 'vitest';
import { importStudioFile } from '@/lib/parsers/studio-zip';
import { daysEnding, encode, followerHistoryCsv, overviewCsv } from '../unit/parsers/studio-fixtures';

const ROUNDS = Number(process.env.BENCH_ROUNDS ?? 300);
const WARM_UPS = 30;
const ZIP_NAME = 'Overview_2025-03-31_1743379200_mara.lens.zip';

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const middle = sorted.length >> 1;
  return sorted.length % 2 ? sorted[middle]! : (sorted[middle - 1]! + sorted[middle]!) / 2;
}

function floor(archive: Uint8Array): number {
  let rows = 0;
  for (const data of Object.values(unzipSync(archive))) rows += Papa.parse<string[]>(new TextDecoder().decode(data)).data.length;
  return rows;
}

function full(archive: Uint8Array): number {
  return importStudioFile(ZIP_NAME, archive, '2025-04-02').files.reduce((sum, file) => sum + file.days.length, 0);
}

it('imports a 365-day Studio export at most about twice as slowly as unzip + papaparse', () => {
  const days = daysEnding('2025-03-31', 365);
  const archive = zipSync({
    'Overview.csv': encode(overviewCsv(days, 'it')),
    'FollowerHistory.csv': encode(followerHistoryCsv(days, 'it')),
  });
  expect(full(archive)).toBe(730);
  expect(floor(archive)).toBe(2 * 367);

  for (let i = 0; i < WARM_UPS; i++) {
    floor(archive);
    full(archive);
  }
  // Interleaved, so both see the same machine state.
  const floorTimes: number[] = [];
  const fullTimes: number[] = [];
  for (let i = 0; i < ROUNDS; i++) {
    let start = performance.now();
    floor(archive);
    floorTimes.push(performance.now() - start);
    start = performance.now();
    full(archive);
    fullTimes.push(performance.now() - start);
  }
  const floorMedian = median(floorTimes);
  const fullMedian = median(fullTimes);
  console.log(
    [
      '',
      `Studio import, 365-day ZIP (${archive.length} bytes, 2 CSVs), median of ${ROUNDS} after ${WARM_UPS} warm-ups`,
      `  floor (fflate unzip + papaparse)   ${floorMedian.toFixed(3)} ms`,
      `  full import (importStudioFile)     ${fullMedian.toFixed(3)} ms`,
      `  ratio full/floor: ${(fullMedian / floorMedian).toFixed(2)} (target at most 2)`,
      '',
    ].join('\n'),
  );
});
