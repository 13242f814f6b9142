/** One line of the `npm run bench` table. */
export interface BenchRow {
  /** What was measured, e.g. "save 1,000-claim project". */
  name: string
  value: number
  unit: string
  /** The target as text ("≤ 20 ms"), and whether it was met; omitted when there is none. */
  target?: string
  met?: boolean
  note?: string
}

/** A bench module's default export: runs its measurements and returns the rows. */
export type Bench = () => Promise<BenchRow[]>
