import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { cpuSimd, installedSimd, tune } from '../../scripts/native-tune.mjs';
import { makeTmpDir } from '../helpers/tmp.js';

const require = createRequire(import.meta.url);
const installed = path.dirname(require.resolve('hnswlib-node/package.json'));

describe('cpuSimd', () => {
  it('reads the best kernel hnswlib can use from the flags line', () => {
    expect(cpuSimd('processor : 0\nflags : fpu sse sse2 avx avx2 fma avx512f avx512bw\n')).toBe('AVX-512');
    expect(cpuSimd('flags\t\t: fpu sse sse2 avx avx2 fma\n')).toBe('AVX2');
    expect(cpuSimd('flags : fpu sse sse2 sse4_2\n')).toBeUndefined();
    expect(cpuSimd('')).toBeUndefined();
  });
});

// A copy of the installed hnswlib-node beside node-addon-api, so rebuilding it leaves the project's alone.
describe('tune on a copy of hnswlib-node', () => {
  let tmp: ReturnType<typeof makeTmpDir>;
  let pkg: string;
  const avx2 = 'flags : fpu sse sse2 avx avx2 fma\n';
  beforeAll(() => {
    tmp = makeTmpDir('native-tune-');
    const modules = path.join(tmp.dir, 'node_modules');
    pkg = path.join(modules, 'hnswlib-node');
    fs.cpSync(installed, pkg, { recursive: true, dereference: true });
    fs.rmSync(path.join(pkg, MARKER_PATH), { force: true });
    fs.symlinkSync(path.dirname(require.resolve('node-addon-api/package.json')), path.join(modules, 'node-addon-api'));
  });
  afterAll(() => tmp.cleanup());
  const addon = () => fs.readFileSync(path.join(pkg, 'build', 'Release', 'addon.node'));

  it('is skipped on request and on a CPU without AVX, changing nothing', () => {
    const before = addon();
    expect(tune({ packageDir: pkg, cpuinfo: avx2, env: { ...process.env, ASN_NATIVE_TUNE: '0' } })).toMatchObject({ status: 'skipped' });
    expect(tune({ packageDir: pkg, cpuinfo: 'flags : sse sse2\n' })).toMatchObject({ status: 'skipped', reason: 'CPU tanpa AVX' });
    expect(addon().equals(before)).toBe(true);
  });

  it('keeps the working addon when the compiler fails', () => {
    const before = addon();
    const out = tune({ packageDir: pkg, cpuinfo: avx2, env: { ...process.env, ASN_NATIVE_CXXFLAGS: '-march=no-such-cpu' } });
    expect(out).toMatchObject({ status: 'fallback' });
    expect((out as { reason: string }).reason).toMatch(/kompilasi gagal/);
    expect(addon().equals(before)).toBe(true);
    expect(installedSimd(pkg)).toBeUndefined();
  }, 120_000);

  it.skipIf(process.arch !== 'x64' || !cpuSimd(readCpuinfo()))('rebuilds for this CPU, checks the addon and records it; a second run does nothing', () => {
    const cpuinfo = readCpuinfo();
    const out = tune({ packageDir: pkg, cpuinfo });
    expect(out).toMatchObject({ status: 'rebuilt', simd: cpuSimd(cpuinfo) });
    expect(installedSimd(pkg)).toBe(cpuSimd(cpuinfo));
    // The rebuilt addon answers a search in a fresh process.
    const probe = spawnSync(process.execPath, ['-e', `const { HierarchicalNSW } = require(${JSON.stringify(path.join(pkg, 'build', 'Release', 'addon.node'))}); const i = new HierarchicalNSW('ip', 4); i.initIndex(2); i.addPoint([1,0,0,0], 0); i.addPoint([0,1,0,0], 1); console.log(i.searchKnn([0,0.9,0.1,0], 1).neighbors[0]);`]);
    expect(probe.stdout.toString().trim()).toBe('1');
    const again = addon();
    expect(tune({ packageDir: pkg, cpuinfo })).toMatchObject({ status: 'current' });
    expect(addon().equals(again)).toBe(true);
  }, 180_000);
});

const MARKER_PATH = path.join('build', 'Release', '.asn-native.json');

function readCpuinfo(): string {
  try {
    return fs.readFileSync('/proc/cpuinfo', 'utf8');
  } catch {
    return '';
  }
}
