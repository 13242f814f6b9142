import { useState } from 'react'
import { messageOf } from '../api/client'

/**
 * A dialog's one action at a time: `working` while it runs (its button says so and is disabled),
 * and what went wrong, in the checker's words, kept in the dialog until the next try.
 */
export function useWork(): {
  working: boolean
  problem: string | null
  setProblem: (problem: string | null) => void
  run: (action: () => Promise<void>) => Promise<void>
} {
  const [working, setWorking] = useState(false)
  const [problem, setProblem] = useState<string | null>(null)
  const run = async (action: () => Promise<void>): Promise<void> => {
    setWorking(true)
    setProblem(null)
    try {
      await action()
    } catch (error) {
      setProblem(messageOf(error))
    } finally {
      setWorking(false)
    }
  }
  return { working, problem, setProblem, run }
}
