/**
 * Every row of the layering table of docs/ARCHITECTURE.md, as `npm run lint` checks it: for
 * each folder, arrows it may draw pass and arrows it may not draw fail with the rule's message.
 * Every allowed arrow is paired with a refused one from the same folder, so a block that
 * stopped applying would fail the test rather than pass it silently.
 */
import { describe, expect, it } from 'vitest';
import { layering, notEntry, refused, unlisted } from './eslint-layers-probe.js';

describe('layers/imports, row by row', () => {
  // Allowed and refused arrows for each row of the table. Each refused import: its specifier,
  // the arrow's head in the message, and why when it is not the "never imports" column:
  // 'unlisted' (not in "may import"), or the public entry it bypassed.
  type Refused = [spec: string, to: string, why?: string];
  const rows: [file: string, allowed: string[], refusedSpecs: Refused[]][] = [
    [
      'shared/probe.ts',
      ['./contract.js', 'zod'],
      [
        ['vue', 'vue'],
        ['../electron/base/random.js', 'electron/base (electron/base/random.ts)'],
        ['../renderer/src/format.js', 'renderer (renderer/src/format.ts)'],
      ],
    ],
    [
      'renderer/src/probe.ts',
      ['../../shared/contract.js', 'vue', 'pinia', 'vue-i18n', 'chart.js', './format.js'],
      [
        ['node:path', 'node (node:path)'],
        ['electron', 'electron'],
        ['@tensorflow/tfjs', 'tfjs (@tensorflow/tfjs)'],
      ],
    ],
    [
      'electron/base/probe.ts',
      ['./random.js', '../../shared/contract.js', 'node:fs'],
      [
        ['../engine/index.js', 'electron/engine (electron/engine/index.ts)'],
        ['papaparse', 'papaparse'],
        ['electron', 'electron'],
      ],
    ],
    [
      'electron/data/probe.ts',
      [
        './reader.js',
        '../base/random.js',
        '../../shared/contract.js',
        'node:fs',
        'papaparse',
        'iconv-lite',
        'jschardet',
      ],
      [
        ['../engine/index.js', 'electron/engine (electron/engine/index.ts)'],
        ['../synthesizer/index.js', 'electron/synthesizer (electron/synthesizer/index.ts)'],
        ['../main/index.js', 'electron/main (electron/main/index.ts)'],
      ],
    ],
    [
      'electron/engine/probe.ts',
      ['./tensor/ops.js', '../base/random.js', '../../shared/contract.js', '@tensorflow/tfjs-node', 'fs'],
      [
        ['../service/service.js', 'electron/service (electron/service/service.ts)'],
        ['electron', 'electron'],
        ['papaparse', 'papaparse', 'unlisted'],
      ],
    ],
    [
      'electron/synthesizer/probe.ts',
      ['./prepare.js', '../base/random.js', '../data/index.js', '../engine/index.js', 'node:os'],
      [
        ['../lab/index.js', 'electron/lab (electron/lab/index.ts)'],
        ['../service/service.js', 'electron/service (electron/service/service.ts)'],
        ['electron', 'electron'],
      ],
    ],
    [
      'electron/lab/probe.ts',
      ['./stats.js', '../base/random.js', '../data/index.js', '../engine/index.js', 'node:os'],
      [
        ['../synthesizer/index.js', 'electron/synthesizer (electron/synthesizer/index.ts)'],
        ['../cli/main.js', 'electron/cli (electron/cli/main.ts)'],
        ['@tensorflow/tfjs', 'tfjs (@tensorflow/tfjs)', 'unlisted'],
      ],
    ],
    [
      'electron/platform/probe.ts',
      ['./paths.js', '../base/atomic-write.js', '../../shared/contract.js', 'node:path'],
      [
        ['../engine/index.js', 'electron/engine (electron/engine/index.ts)'],
        ['../data/index.js', 'electron/data (electron/data/index.ts)'],
        ['electron', 'electron'],
      ],
    ],
    [
      'electron/service/probe.ts',
      [
        './dispatch.js',
        '../platform/paths.js',
        '../synthesizer/index.js',
        '../data/index.js',
        '../engine/index.js',
        'node:worker_threads',
      ],
      [
        ['../lab/index.js', 'electron/lab (electron/lab/index.ts)'],
        ['../web/server.js', 'electron/web (electron/web/server.ts)'],
        ['electron', 'electron'],
      ],
    ],
    [
      'electron/web/probe.ts',
      ['./server.js', '../service/service.js', '../platform/paths.js', '../base/random.js', 'ws', 'node:http'],
      [
        ['../engine/index.js', 'electron/engine (electron/engine/index.ts)'],
        ['../data/index.js', 'electron/data (electron/data/index.ts)'],
        ['../cli/main.js', 'electron/cli (electron/cli/main.ts)'],
      ],
    ],
    [
      'electron/cli/probe.ts',
      [
        './main.js',
        '../service/service.js',
        '../synthesizer/index.js',
        '../lab/index.js',
        '../data/index.js',
        '../engine/index.js',
        'node:process',
      ],
      [
        ['../web/server.js', 'electron/web (electron/web/server.ts)'],
        ['../main/index.js', 'electron/main (electron/main/index.ts)'],
        ['electron', 'electron'],
      ],
    ],
    [
      'electron/main/probe.ts',
      [
        './security.js',
        '../service/dispatch.js',
        '../platform/paths.js',
        '../base/atomic-write.js',
        'electron',
        'node:path',
      ],
      [
        ['../engine/index.js', 'electron/engine (electron/engine/index.ts)'],
        ['../preload/index.js', 'electron/preload (electron/preload/index.ts)'],
        ['../../renderer/src/main.js', 'renderer (renderer/src/main.ts)'],
      ],
    ],
    [
      'electron/preload/probe.ts',
      ['../../shared/channels.js', '../../shared/bridge.js', 'electron'],
      [
        ['../../shared/contract.js', 'shared (shared/contract.ts)', 'unlisted'],
        ['node:fs', 'node (node:fs)'],
        ['../base/random.js', 'electron/base (electron/base/random.ts)'],
      ],
    ],
    [
      'bench/probe.ts',
      [
        '../electron/base/random.js',
        '../electron/data/index.js',
        '../electron/engine/index.js',
        '../electron/lab/index.js',
        'node:fs',
      ],
      [
        ['../electron/service/service.js', 'electron/service (electron/service/service.ts)'],
        ['electron', 'electron'],
        ['../renderer/src/format.js', 'renderer (renderer/src/format.ts)'],
      ],
    ],
    [
      'resources/probe.ts',
      ['../electron/base/random.js', '../shared/contract.js', 'node:url'],
      [
        ['../electron/web/server.js', 'electron/web (electron/web/server.ts)'],
        [
          '../electron/engine/training/layerwise.js',
          'electron/engine (electron/engine/training/layerwise.ts)',
          'electron/engine/index.ts',
        ],
      ],
    ],
    [
      'e2e/probe.spec.ts',
      ['./fixtures.js', '../shared/i18n/ui/en.js', '@playwright/test', 'node:child_process'],
      [
        ['../electron/web/server.js', 'electron/web (electron/web/server.ts)'],
        ['../renderer/src/format.js', 'renderer (renderer/src/format.ts)'],
      ],
    ],
  ];

  it.each(rows)('follows the table for %s', async (file, allowed, refusedSpecs) => {
    const from = file.startsWith('electron/') ? file.split('/').slice(0, 2).join('/') : file.split('/')[0];
    const imports = (specs: string[]) => specs.map((spec, i) => `import * as m${i} from '${spec}';`).join('\n') + '\n';
    expect(await layering(file, imports(allowed))).toEqual([]);
    const messages = await layering(file, imports(refusedSpecs.map(([spec]) => spec)));
    expect(messages).toEqual(
      refusedSpecs.map(([, to, why]) =>
        why === undefined ? refused(from, to) : why === 'unlisted' ? unlisted(from, to) : notEntry(from, to, why),
      ),
    );
  });
});
