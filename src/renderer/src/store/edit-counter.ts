/**
 * How many edits this window has started. A follow-up of an earlier edit (triage moving on to the
 * next claim when a verdict lands) checks it first, so a later action of the checker wins.
 */
let editsStarted = 0

export function countEditStarted(): void {
  editsStarted++
}

export function editsStartedSoFar(): number {
  return editsStarted
}
