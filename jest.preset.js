// Shared Jest settings for every project. Tests import the libraries from source, so
// `npm test` needs no build; ts-jest transpiles without type checking (tsc does that).
const path = require('node:path');

const libs = ['auth', 'contracts', 'event-sourcing', 'testing', 'service-kit'];

/** @param {string} kind one of "spec", "int-spec", "e2e-spec" */
module.exports = function jestPreset(kind) {
  return {
    testEnvironment: 'node',
    testMatch: [`<rootDir>/src/**/*.${kind}.ts`, `<rootDir>/test/**/*.${kind}.ts`],
    transform: {
      '^.+\\.ts$': ['ts-jest', { tsconfig: path.join(__dirname, 'tsconfig.spec.json') }],
    },
    moduleNameMapper: Object.fromEntries(
      libs.map((lib) => [`^@regu/${lib}$`, path.join(__dirname, 'libs', lib, 'src', 'index.ts')]),
    ),
    testTimeout: kind === 'spec' ? 5_000 : 60_000,
    reporters: ['default', [path.join(__dirname, 'libs', 'testing', 'jest', 'summary-reporter.js'), { kind }]],
  };
};
