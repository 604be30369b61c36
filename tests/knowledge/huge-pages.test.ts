import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import { describe, expect, it } from 'vitest';

/**
 * The HNSW graph and the vectors (≈ 430 MB at 100k chunks) are read at random, one 2 KB vector
 * per visited point: on 4 KiB pages nearly every visit misses the TLB. The npm scripts that load
 * an index ask glibc to put large allocations on transparent huge pages.
 */
const pkg = JSON.parse(fs.readFileSync('package.json', 'utf8')) as { scripts: Record<string, string> };
const TUNABLE = 'glibc.malloc.hugetlb=1';

function tunablesOf(script: string): string | undefined {
  return /^GLIBC_TUNABLES=(\S+) /.exec(script)?.[1];
}

/** Huge pages of a child that allocates and touches 96 MB the way the addon's graph and the vectors are allocated (malloc). */
function hugePagesOfChild(env: NodeJS.ProcessEnv): number {
  const code = `
    const b = Buffer.alloc(96 * 1024 * 1024, 1);
    const kb = /AnonHugePages:\\s+(\\d+)/.exec(require('fs').readFileSync('/proc/self/smaps_rollup', 'utf8'))[1];
    process.stdout.write(String(Number(kb) + (b[12345] - 1)));`;
  const res = spawnSync(process.execPath, ['-e', code], { env, encoding: 'utf8' });
  expect(res.status, res.stderr).toBe(0);
  return Number(res.stdout);
}

const thp = (() => {
  try {
    return !/\[never\]/.test(fs.readFileSync('/sys/kernel/mm/transparent_hugepage/enabled', 'utf8')) && fs.existsSync('/proc/self/smaps_rollup');
  } catch {
    return false;
  }
})();

describe('transparent huge pages for the index', () => {
  it('every npm script that loads an index sets the glibc tunable', () => {
    for (const name of ['start', 'reindex', 'ask', 'eval', 'bench']) expect(tunablesOf(pkg.scripts[name])?.split(':'), name).toContain(TUNABLE);
  });

  it.runIf(thp)('the tunable puts a large allocation on huge pages, without it none are used', () => {
    const env = { ...process.env };
    delete env.GLIBC_TUNABLES;
    expect(hugePagesOfChild(env)).toBe(0);
    expect(hugePagesOfChild({ ...env, GLIBC_TUNABLES: tunablesOf(pkg.scripts.start) })).toBeGreaterThanOrEqual(32 * 1024);
  });
});
