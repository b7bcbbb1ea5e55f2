import { configDefaults, defineConfig } from 'vitest/config'

/**
 * Tests that hold an honest client's latency to a bar while a server is attacked (issue 16: p99 <
 * 100 ms under floods and 20,000-note exports). They measure the machine as much as the server, so
 * they run last and one at a time, when no other test file competes for the two cores.
 */
const TIMED = ['tests/integration/floods*.test.ts', 'tests/integration/heavyWork.test.ts']

export default defineConfig({
  test: {
    testTimeout: 30_000,
    hookTimeout: 60_000,
    projects: [
      {
        extends: true,
        test: {
          name: 'suite',
          include: ['tests/**/*.test.ts'],
          exclude: [...configDefaults.exclude, ...TIMED],
          // e2e and integration tests start real servers and browsers; two cores are all we have.
          fileParallelism: true,
          maxWorkers: 2,
          sequence: { groupOrder: 0 },
        },
      },
      {
        extends: true,
        test: {
          name: 'timed',
          include: TIMED,
          fileParallelism: false,
          sequence: { groupOrder: 1 },
        },
      },
    ],
  },
})
