#!/usr/bin/env node
// Runs Doyensec's Electronegativity on src/ and fails on any finding that
// scripts/electronegativity-allow.txt does not explain. Usage: node scripts/electronegativity.js
// <path to the electronegativity binary> (.ci/run installs it outside the project: its old
// dependencies have nothing to do with the app's).
import { spawnSync } from 'node:child_process'
import { mkdtempSync, readFileSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'

const ROOT = join(import.meta.dirname, '..')
const [scanner] = process.argv.slice(2)
if (!scanner) {
  process.stderr.write('Usage: node scripts/electronegativity.js <path to the electronegativity binary>\n')
  process.exit(2)
}

const allowed = readFileSync(join(import.meta.dirname, 'electronegativity-allow.txt'), 'utf8')
  .split('\n')
  .filter((line) => line.trim() && !line.startsWith('#'))
  .map((line) => {
    const [check = '', file = '', ...reason] = line.trim().split(/\s+/)
    return { check, file, reason: reason.join(' '), used: false }
  })
const unexplained = allowed.filter((entry) => !entry.reason)
if (unexplained.length > 0) {
  process.stderr.write(`✖ every allow-list entry needs a reason: ${unexplained.map((e) => `${e.check} ${e.file}`).join(', ')}\n`)
  process.exit(1)
}

const electronVersion = JSON.parse(readFileSync(join(ROOT, 'node_modules', 'electron', 'package.json'), 'utf8')).version
const work = mkdtempSync(join(tmpdir(), 'factdesk-electronegativity-'))
const report = join(work, 'findings.sarif')
let findings
try {
  const run = spawnSync(
    scanner,
    ['--input', 'src', '--relative', '--verbose', 'false', '--electron-version', electronVersion, '--output', report],
    {
      cwd: ROOT,
      encoding: 'utf8',
    },
  )
  if (run.status !== 0) {
    process.stderr.write(`✖ electronegativity failed (exit ${run.status ?? run.signal}):\n${run.stderr}${run.stdout}\n`)
    process.exit(1)
  }
  findings = JSON.parse(readFileSync(report, 'utf8')).runs[0].results.map((result) => {
    const location = result.locations?.[0]?.physicalLocation
    const uri = location?.artifactLocation?.uri ?? ''
    return {
      check: result.ruleId,
      file: uri.startsWith('file:') || uri === '' ? '*' : uri,
      line: location?.region?.startLine ?? 0,
      message: result.message?.text ?? '',
    }
  })
} finally {
  rmSync(work, { recursive: true, force: true })
}

let failures = 0
for (const finding of findings) {
  const entry = allowed.find((e) => e.check === finding.check && (e.file === '*' || e.file === finding.file))
  const where = finding.file === '*' ? 'app-wide' : `src/${finding.file}:${finding.line}`
  if (entry) {
    entry.used = true
    process.stdout.write(`  explained  ${finding.check} (${where}): ${entry.reason}\n`)
  } else {
    failures++
    process.stdout.write(`✖ NEW        ${finding.check} (${where}): ${finding.message}\n`)
  }
}
for (const entry of allowed.filter((e) => !e.used)) {
  process.stdout.write(
    `  note: the allow-list entry ${entry.check} ${entry.file} matched nothing; remove it if the finding is gone for good.\n`,
  )
}
if (failures > 0) {
  process.stderr.write(
    `\n✖ electronegativity: ${failures} finding(s) not explained. Fix them, or add a line with the reason to scripts/electronegativity-allow.txt (and docs/security.md).\n`,
  )
  process.exit(1)
}
process.stdout.write(`✔ electronegativity: ${findings.length} finding(s), all explained\n`)
