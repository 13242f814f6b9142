// Runs Electron's installer (the path given as the argument) so that a failure reaches
// scripts/start.js as one line, not a stack trace: Electron's install.js reports a failed download
// with `console.error(err.stack)`, which here writes the error's first line to file descriptor 3
// (read by fetchElectron). Its progress bar still goes to stderr, where the checker sees it.
const { writeSync } = require('node:fs')

console.error = (...args) => {
  const line = `${String(args[0] ?? '').split('\n')[0]}\n`
  try {
    writeSync(3, line)
  } catch {
    process.stderr.write(line)
  }
}
require(process.argv[2])
