import { scoreSpans } from '@domain/claims/propose'
import {
  acceptClaims,
  adjustClaim,
  createClaim,
  mergeClaims,
  setStatus,
  setVerdict,
  splitClaim,
  trimRange,
  updateClaim,
} from '@domain/project/ops'
import type { Engine } from '../services'
import type { HandlersFor } from './types'

export function claimHandlers({
  edit,
  settings,
  claimModel,
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
> {
  return {
    'claim:create': async ({ path, start, end }) => {
      const checker = (await settings.get()).checkerName
      const model = await claimModel()
      return edit(path, 'claim.create', (p, c) => {
        // A claim the checker makes gets the same score and reasons a proposal would have.
        const range = trimRange(p.article.text, start, end)
        const [scored] = scoreSpans(p.article.text, [range], p.article.language, model)
        return createClaim(p, { ...range, checker, score: scored?.score ?? null, reasons: scored?.reasons ?? [] }, c)
      })
    },
    'claim:accept': ({ path, ids }) => edit(path, 'claim.accept', (p, c) => acceptClaims(p, ids, c)),
    'claim:dismiss': ({ path, ids }) => edit(path, 'claim.dismiss', (p, c) => setStatus(p, { ids, status: 'dismissed' }, c)),
    'claim:setStatus': ({ path, ids, status }) => edit(path, 'claim.status', (p, c) => setStatus(p, { ids, status }, c)),
    'claim:setVerdict': ({ path, id, verdict }) => edit(path, 'claim.verdict', (p, c) => setVerdict(p, { id, verdict }, c)),
    'claim:update': ({ path, id, fields }) => edit(path, 'claim.edit', (p, c) => updateClaim(p, { id, fields }, c)),
    'claim:merge': ({ path, ids }) => edit(path, 'claim.merge', (p, c) => mergeClaims(p, { ids }, c)),
    'claim:split': ({ path, id, at }) => edit(path, 'claim.split', (p, c) => splitClaim(p, { id, at }, c)),
    'claim:adjust': ({ path, id, start, end }) => edit(path, 'claim.adjust', (p, c) => adjustClaim(p, { id, start, end }, c)),
  }
}
