/** Jest for Payload's ESM: SWC transforms TypeScript, node runs ESM (NODE_OPTIONS in package.json). */
const swc = [
  '@swc/jest',
  {
    jsc: {
      parser: { syntax: 'typescript', tsx: true },
      target: 'es2022',
      transform: { react: { runtime: 'automatic' } },
    },
    module: { type: 'es6' },
  },
]

export default {
  testEnvironment: 'node',
  extensionsToTreatAsEsm: ['.ts', '.tsx'],
  transform: { '^.+\\.(t|j)sx?$': swc },
  moduleNameMapper: { '^@payload-config$': '<rootDir>/src/payload.config.ts' },
  globalSetup: '<rootDir>/tests/setup/globalSetup.mjs',
  globalTeardown: '<rootDir>/tests/setup/globalTeardown.mjs',
  testMatch: ['<rootDir>/tests/**/*.test.ts'],
  testPathIgnorePatterns: ['/node_modules/', '/.data/'],
  testTimeout: 90_000,
  // Payload keeps timers (sessions, jobs); each file closes its server, then jest may still wait.
  forceExit: true,
  verbose: false,
}
