/** Prints the ten slowest test files at the end of a run (where to look when the suite grows slow). */
class SlowestFilesReporter {
  onRunComplete(_contexts, results) {
    const files = results.testResults
      .map((r) => ({ path: r.testFilePath.replace(`${process.cwd()}/`, ""), ms: r.perfStats.end - r.perfStats.start }))
      .sort((a, b) => b.ms - a.ms)
      .slice(0, 10);
    if (files.length < 2) return;
    const lines = files.map((f) => `  ${(f.ms / 1000).toFixed(1).padStart(6)} s  ${f.path}`);
    process.stderr.write(`\nSlowest test files:\n${lines.join("\n")}\n`);
  }
}
module.exports = SlowestFilesReporter;
