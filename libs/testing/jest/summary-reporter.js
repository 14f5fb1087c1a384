// Writes each Jest run's totals to $REGU_TEST_RESULTS_DIR, so deploy/local/test-all.sh
// can print one "N passed, N failed" line for the whole suite across every project.
const fs = require('node:fs');
const path = require('node:path');

class SummaryReporter {
  constructor(_globalConfig, options) {
    this.kind = options.kind;
  }

  onRunComplete(_contexts, results) {
    const directory = process.env.REGU_TEST_RESULTS_DIR;
    if (!directory) {
      return;
    }
    fs.mkdirSync(directory, { recursive: true });
    const project = path.basename(process.cwd());
    const summary = {
      project,
      kind: this.kind,
      passed: results.numPassedTests,
      failed: results.numFailedTests + results.numRuntimeErrorTestSuites,
      skipped: results.numPendingTests + results.numTodoTests,
    };
    fs.writeFileSync(path.join(directory, `${project}.${this.kind}.json`), JSON.stringify(summary));
  }
}

module.exports = SummaryReporter;
