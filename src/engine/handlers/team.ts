import { basename, dirname } from 'node:path'
import { AppError } from '@domain/errors'
import { mergeProjects } from '@domain/project/merge'
import {
  addComment,
  approveClaim,
  assignClaim,
  resolveConflict,
  setRequireReview,
  setReviewer,
  withdrawApproval,
  withdrawComment,
} from '@domain/project/team-ops'
import { readProjectFile, rewriteProjectFile } from '../project-store'
import type { Engine } from '../services'
import { gitIdentity } from '../team/identity'
import { commonAncestor, findSyncCopies, syncCopyOriginal } from '../team/sync-copies'
import type { HandlersFor } from './types'

/** Team work: who checks and reviews each claim, comments, approvals, recorded conflicts, and the shared folder's git sync. */
export function teamHandlers({
  edit,
  identity,
  team,
  env,
  store,
  library,
  settings,
  projectsDir,
  now,
  author,
  access,
}: Engine): HandlersFor<
  | 'claim:assign'
  | 'claim:setReviewer'
  | 'claim:comment'
  | 'claim:withdrawComment'
  | 'claim:approve'
  | 'claim:withdrawApproval'
  | 'project:setRequireReview'
  | 'project:resolveConflict'
  | 'team:status'
  | 'team:identity'
  | 'team:startSharing'
  | 'team:sync'
  | 'team:copies'
  | 'team:mergeCopy'
> {
  return {
    'claim:assign': ({ path, id, assignee }) => edit(path, 'claim.assign', (p, c) => assignClaim(p, { id, assignee }, c)),
    'claim:setReviewer': ({ path, id, reviewer }) => edit(path, 'claim.reviewer', (p, c) => setReviewer(p, { id, reviewer }, c)),
    'claim:comment': async ({ path, id, text }) => {
      const me = await identity()
      return edit(path, 'claim.comment', (p, c) => addComment(p, { id, text, author: me }, c))
    },
    'claim:withdrawComment': async ({ path, id, commentId }) => {
      const me = await identity()
      return edit(path, 'claim.withdrawComment', (p, c) => withdrawComment(p, { id, commentId, by: me }, c))
    },
    'claim:approve': async ({ path, id }) => {
      const me = await identity()
      return edit(path, 'claim.approve', (p, c) => approveClaim(p, { id, by: me }, c))
    },
    'claim:withdrawApproval': async ({ path, id }) => {
      const me = await identity()
      return edit(path, 'claim.withdrawApproval', (p, c) => withdrawApproval(p, { id, by: me }, c))
    },
    'project:setRequireReview': ({ path, required }) => edit(path, 'project.review', (p, c) => setRequireReview(p, { required }, c)),
    'project:resolveConflict': ({ path, key, pick }) => edit(path, 'conflict.resolve', (p, c) => resolveConflict(p, { key, pick }, c)),
    'team:status': () => team.status(),
    'team:identity': async () => {
      const { checkerName, checkerEmail } = await settings.get()
      const dir = await projectsDir()
      return { name: checkerName, email: checkerEmail, git: await gitIdentity(env, dir) }
    },
    'team:startSharing': (input) => team.startSharing(input),
    'team:sync': (input) => team.sync(input),
    'team:copies': async () => findSyncCopies(await projectsDir()),
    'team:mergeCopy': async ({ path }) => {
      const dir = await projectsDir()
      const found = syncCopyOriginal(basename(path))
      if (dirname(path) !== dir || !found) {
        throw new AppError('INVALID_INPUT', `"${path}" is not a sync client's copy of a project in the projects folder.`, {
          key: 'team.notSyncCopy',
          params: { file: path },
        })
      }
      const originalPath = `${dir}/${found.original}`
      await access.check(originalPath)
      // The merge is written to the file: an open copy of the project is saved and closed first.
      if (store.isOpen(originalPath)) {
        const closed = await store.close(originalPath)
        if (closed.recoveryFile)
          throw new AppError('CONFLICT', `${closed.message ?? ''} The copy was not merged.`, {
            key: 'team.copyNotMerged',
            params: { file: originalPath, recovery: closed.recoveryFile },
          })
      }
      const [original, copy] = await Promise.all([readProjectFile(originalPath), readProjectFile(path)])
      const ancestor = await commonAncestor(dir, { path: originalPath, project: original.project }, copy.project)
      const merged = mergeProjects(ancestor?.project ?? null, original.project, copy.project, {
        now: now().toISOString(),
        author: await author(),
        theirsName: `“${basename(path)}”`,
      })
      if (merged.articleConflict) {
        throw new AppError(
          'CONFLICT',
          `"${basename(path)}" has another article text than "${found.original}"; article texts are never merged. Open both and compare them; nothing was changed.`,
          { key: 'team.copyOtherArticle', params: { file: basename(path), original: found.original } },
        )
      }
      await rewriteProjectFile(originalPath, merged.project)
      const trashed = await library.delete(path, now())
      return { path: originalPath, conflicts: merged.conflicts.length, trashed: trashed.trashPath, ancestor: ancestor?.from ?? 'none' }
    },
  }
}
