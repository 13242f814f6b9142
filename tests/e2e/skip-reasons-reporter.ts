import type { Reporter, TestCase, TestResult } from '@playwright/test/reporter'
import { browserLine } from './chromium'

/**
 * Prints which browser the run uses, and every skipped test with the reason it gave, so a skip is
 * never silent.
 */
export default class SkipReasonsReporter implements Reporter {
  private readonly skipped: string[] = []

  onBegin(): void {
    process.stdout.write(`${browserLine()}\n`)
  }

  onTestEnd(test: TestCase, result: TestResult): void {
    if (result.status !== 'skipped') return
    const reasons = test.annotations.filter((a) => a.type === 'skip' || a.type === 'fixme').map((a) => a.description ?? '(no reason given)')
    this.skipped.push(`  - ${test.titlePath().filter(Boolean).join(' › ')}: ${reasons.join('; ') || '(no reason given)'}`)
  }

  onEnd(): void {
    if (this.skipped.length === 0) return
    process.stdout.write(`\nSkipped, with reasons:\n${this.skipped.join('\n')}\n`)
  }

  printsToStdio(): boolean {
    return false
  }
}
