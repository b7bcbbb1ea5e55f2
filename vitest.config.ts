import { defineConfig } from 'vitest/config'

export default defineConfig({
  test: {
    include: ['tests/**/*.test.ts'],
    testTimeout: 30_000,
    hookTimeout: 60_000,
    // e2e and integration tests start real servers and browsers; two cores are all we have.
    fileParallelism: true,
    maxWorkers: 2,
  },
})
