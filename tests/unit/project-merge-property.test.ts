import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { ProjectSchema, historyEntry, type Claim, type Project } from '@domain/project/schema'
import { mergeProjects } from '@domain/project/merge'
import { claimOver, makeProject } from '../helpers/projects'

const QUOTES = ['City officials', 'the new bridge cost €41 million', '12% over budget', 'The mayor called it', 'Opponents say the money']

function baseProject(): Project {
  const project = makeProject()
  return { ...project, claims: QUOTES.map((quote, i) => claimOver(project, quote, `c-${i}`)) }
}

/** The fields a checker edits, each with a few values so that both sides often pick the same one. */
const FIELD_VALUES = {
  verdict: fc.constantFrom(null, 'true', 'false', 'half-true'),
  rationale: fc.constantFrom('', 'Per the budget.', 'Per the auditor.'),
  notes: fc.constantFrom('', 'call back', 'see PDF'),
  status: fc.constantFrom('to-check' as const, 'in-progress' as const, 'done' as const),
  checker: fc.constantFrom('', 'Ana', 'Ben'),
  claimDate: fc.constantFrom('', '2026-11-01', '2026'),
  assignee: fc.constantFrom(null, { name: 'Ana', email: 'ana@desk.example' }, { name: 'Ben', email: 'ben@desk.example' }),
}
type Field = keyof typeof FIELD_VALUES

const fieldEdit = fc.oneof(
  ...(Object.keys(FIELD_VALUES) as Field[]).map((field) =>
    fc.record({
      kind: fc.constant('field' as const),
      claim: fc.nat({ max: QUOTES.length - 1 }),
      field: fc.constant(field),
      value: FIELD_VALUES[field],
    }),
  ),
  fc.record({
    kind: fc.constant('comment' as const),
    claim: fc.nat({ max: QUOTES.length - 1 }),
    text: fc.string({ minLength: 1, maxLength: 20 }),
  }),
)
type Edit = typeof fieldEdit extends fc.Arbitrary<infer T> ? T : never

let counter = 0
function apply(project: Project, edits: Edit[], who: string, day: number): Project {
  let next = project
  edits.forEach((edit, i) => {
    const at = new Date(Date.UTC(2026, 10, day, 9, 0, i)).toISOString()
    const id = `c-${edit.claim}`
    const change = (c: Claim): Claim => {
      if (edit.kind === 'comment') {
        const comment = {
          id: `m-${who}-${counter++}`,
          author: { name: who, email: '' },
          at,
          text: edit.text.trim() || 'x',
          withdrawnAt: null,
        }
        return { ...c, comments: [...c.comments, comment], updatedAt: at }
      }
      return { ...c, [edit.field]: edit.value, updatedAt: at }
    }
    next = {
      ...next,
      updatedAt: at,
      claims: next.claims.map((c) => (c.id === id ? change(c) : c)),
      history: [...next.history, historyEntry({ at, author: who, action: 'claim.edit', claimId: id, summary: `${who} ${i}` })],
    }
  })
  return next
}

const same = (a: unknown, b: unknown): boolean => JSON.stringify(a) === JSON.stringify(b)

describe('factdesk merge on random concurrent edits (property)', () => {
  it('always gives a valid project with every edit that does not collide, and every same-field collision as a conflict', () => {
    const base = baseProject()
    fc.assert(
      fc.property(fc.array(fieldEdit, { maxLength: 12 }), fc.array(fieldEdit, { maxLength: 12 }), (oursEdits, theirsEdits) => {
        const ours = apply(base, oursEdits, 'Ana', 21)
        const theirs = apply(base, theirsEdits, 'Ben', 22)
        const { project, articleConflict } = mergeProjects(base, ours, theirs, { now: '2026-11-23T00:00:00.000Z', author: 'merge' })
        expect(articleConflict).toBe(false)
        const parsed = ProjectSchema.safeParse(project)
        expect(parsed.success, parsed.error?.message).toBe(true)
        const conflicts = new Map(project.conflicts.map((c) => [c.key, c]))
        for (let i = 0; i < QUOTES.length; i++) {
          const id = `c-${i}`
          const [b, o, t, m] = [base, ours, theirs, project].map((p) => p.claims.find((c) => c.id === id)!) as [Claim, Claim, Claim, Claim]
          for (const field of Object.keys(FIELD_VALUES) as Field[]) {
            const key = `claim:${id}.${field}`
            if (same(o[field], t[field]) || same(b[field], t[field])) {
              expect(m[field], key).toEqual(o[field])
              expect(conflicts.has(key), key).toBe(false)
            } else if (same(b[field], o[field])) {
              expect(m[field], key).toEqual(t[field])
              expect(conflicts.has(key), key).toBe(false)
            } else {
              expect(m[field], key).toEqual(o[field])
              expect(
                conflicts.get(key)?.values.map((v) => v.value),
                key,
              ).toEqual([o[field], t[field]])
            }
          }
          const comments = new Set(m.comments.map((c) => c.id))
          for (const c of [...o.comments, ...t.comments]) expect(comments.has(c.id)).toBe(true)
        }
        const history = new Set(project.history.map((e) => e.id))
        for (const e of [...ours.history, ...theirs.history]) expect(history.has(e.id)).toBe(true)
      }),
      { numRuns: 1000 },
    )
  })
})
