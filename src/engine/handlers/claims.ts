import { scoreSpans } from '@domain/claims/propose'
import type { CheckworthinessModel } from '@domain/claims/model'
import {
  acceptClaims,
  adjustClaim,
  createClaim,
  mergeClaims,
  reuseCheck,
  setStatus,
  setVerdict,
  splitClaim,
  trimRange,
  updateClaim,
  type Rescore,
} from '@domain/project/ops'
import type { Claim, Project } from '@domain/project/schema'
import { claimantFromSpan } from '@domain/claims/claimant'
import { earlierCheck } from '../memory/earlier'
import type { Engine } from '../services'
import type { HandlersFor } from './types'

/** A claim the checker reshapes gets the score and reasons a proposal of that text would have. */
function rescorer(
  project: Project,
  model: CheckworthinessModel,
): (start: number, end: number) => ReturnType<Rescore> & { claimant: Claim['claimant'] } {
  return (start, end) => {
    const [scored] = scoreSpans(project.article.text, [{ start, end }], project.article.language, model)
    return { score: scored?.score ?? null, reasons: scored?.reasons ?? [], claimant: claimantFromSpan(scored?.claimant ?? null) }
  }
}

export function claimHandlers({
  edit,
  settings,
  claimModel,
  memory,
  store,
}: Engine): HandlersFor<
  | 'claim:create'
  | 'claim:accept'
  | 'claim:dismiss'
  | 'claim:setStatus'
  | 'claim:setVerdict'
  | 'claim:update'
  | 'claim:merge'
  | 'claim:split'
  | 'claim:adjust'
  | 'claim:reuseCheck'
> {
  const checkerName = async (): Promise<string> => (await settings.get()).checkerName
  return {
    'claim:create': async ({ path, start, end }) => {
      const checker = await checkerName()
      const model = await claimModel()
      return edit(path, 'claim.create', (p, c) => {
        const range = trimRange(p.article.text, start, end)
        const { score, reasons, claimant } = rescorer(p, model)(range.start, range.end)
        return createClaim(p, { ...range, checker, score, reasons, claimant }, c)
      })
    },
    'claim:accept': async ({ path, ids }) => {
      const checker = await checkerName()
      return edit(path, 'claim.accept', (p, c) => acceptClaims(p, ids, c, checker))
    },
    'claim:dismiss': ({ path, ids }) => edit(path, 'claim.dismiss', (p, c) => setStatus(p, { ids, status: 'dismissed' }, c)),
    'claim:setStatus': ({ path, ids, status }) => edit(path, 'claim.status', (p, c) => setStatus(p, { ids, status }, c)),
    'claim:setVerdict': async ({ path, id, verdict }) => {
      const checker = await checkerName()
      return edit(path, 'claim.verdict', (p, c) => setVerdict(p, { id, verdict, checker }, c))
    },
    'claim:update': ({ path, id, fields }) => edit(path, 'claim.edit', (p, c) => updateClaim(p, { id, fields }, c)),
    'claim:merge': async ({ path, ids }) => {
      const model = await claimModel()
      return edit(path, 'claim.merge', (p, c) => mergeClaims(p, { ids, rescore: rescorer(p, model) }, c))
    },
    'claim:split': ({ path, id, at }) => edit(path, 'claim.split', (p, c) => splitClaim(p, { id, at }, c)),
    'claim:adjust': async ({ path, id, start, end }) => {
      const model = await claimModel()
      return edit(path, 'claim.adjust', (p, c) => adjustClaim(p, { id, start, end, rescore: rescorer(p, model) }, c))
    },
    'claim:reuseCheck': async ({ path, id, from }) => {
      const checker = await checkerName()
      const earlier = await earlierCheck(memory, from.key, (p) => store.peek(p))
      return edit(path, 'claim.reuse', (p, c) => reuseCheck(p, { id, earlier, checker }, c))
    },
  }
}
