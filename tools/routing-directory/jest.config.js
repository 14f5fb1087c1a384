module.exports = require('../../jest.preset')('spec');
