/**
 * The Euclidean closer-to-training share: copies of the training rows are all closer to
 * training, copies of the held-out rows none, a row as far from both one half; categories count
 * (a copy of a training row's numbers with a held-out row's category moves toward the
 * held-out row), missing numbers sit at the training median; no share when the training rows
 * are fewer than the held-out ones.
 */
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { importCsv, type Dataset } from '../../electron/data/index.js';
import { euclideanCloserShare } from './euclid-closer.js';

let dir = '';
beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'lw-euclid-'));
});
afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

async function table(name: string, rows: string[]): Promise<Dataset> {
  const path = join(dir, `${name}.csv`);
  await writeFile(path, ['x,y,g', ...rows].join('\n') + '\n');
  return importCsv(path);
}

// Training and held-out rows of the same size (each training sample is every training row).
const TRAIN = ['1,10,a', '2,20,a', '3,30,b', '4,40,b', '5,50,a', '6,60,b'];
const HOLDOUT = ['1.5,15,b', '2.5,25,b', '3.5,35,a', '4.5,45,a', '5.5,55,b', '6.5,65,a'];
const share = async (generated: string[]) =>
  euclideanCloserShare(
    {
      train: await table('train', TRAIN),
      holdout: await table('holdout', HOLDOUT),
      generated: await table(`gen-${generated.length}-${generated[0]}`, generated),
      names: ['x', 'y', 'g'],
    },
    4,
  );

describe('Euclidean closer-to-training share', () => {
  it('is 1 for copies of training rows, 0 for copies of held-out rows', async () => {
    expect(await share(TRAIN)).toBe(1);
    expect(await share(HOLDOUT)).toBe(0);
  });

  it('counts a tie one half, and the category in the distance', async () => {
    // Halfway between training row 1 and held-out row 1 on the numbers, with a level neither
    // set has (all zeros: 1 from either row's level): a tie.
    expect(await share(['1.25,12.5,c'])).toBe(0.5);
    // A training row's numbers with the nearby held-out row's category: closer to that held-out
    // row (another level is √2 away, more than its numbers' 0.27 standard deviations each).
    expect(await share(['1,10,b'])).toBe(0);
    expect(await share(['1,10,a'])).toBe(1);
    // Halfway between training row 1 and held-out row 1 on the numbers: the category decides.
    expect(await share(['1.25,12.5,a'])).toBe(1);
    expect(await share(['1.25,12.5,b'])).toBe(0);
  });

  it('puts a missing number at the training median, and is null with fewer training rows than held-out ones', async () => {
    // x missing: at the median 4 (standardised), y 40 and g b: training row 4 exactly.
    expect(await share([',40,b'])).toBe(1);
    const train = await table('train', TRAIN);
    const holdout = await table('both', [...TRAIN, ...HOLDOUT]);
    expect(euclideanCloserShare({ train, holdout, generated: train, names: ['x'] }, 1)).toBeNull();
  });
});
