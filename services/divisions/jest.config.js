const preset = require('../../jest.preset')('spec');

module.exports = { ...preset, setupFiles: ['<rootDir>/src/common/test-support/silence-nest-logger.ts'] };
