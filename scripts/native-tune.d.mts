export type TuneResult =
  | { status: 'rebuilt'; simd: string; seconds: number }
  | { status: 'current'; simd: string }
  | { status: 'fallback' | 'skipped'; reason: string };
export function cpuSimd(cpuinfo: string): 'AVX-512' | 'AVX2' | 'AVX' | undefined;
export function tune(opts: { packageDir: string; cpuinfo?: string; env?: NodeJS.ProcessEnv }): TuneResult;
export function installedSimd(packageDir: string): string | undefined;
