/** What went wrong with a form or dialog's last action, read out when it appears; nothing when all is well. */
export function FormProblem({ problem, id }: { problem: string | null | undefined; id?: string }) {
  if (!problem) return null
  return (
    <p className="form-problem" id={id} role="alert">
      {problem}
    </p>
  )
}
