import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['tests/**/*.test.ts'],
    testTimeout: 30_000,
    hookTimeout: 120_000,
    // Two cores: keep heavy end-to-end files from fighting each other.
    maxWorkers: 2,
    fileParallelism: true,
  },
});
