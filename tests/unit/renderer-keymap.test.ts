import { describe, expect, it, vi } from 'vitest'
import type { Edited } from '@contract/api'
import type { Claim, Project } from '@domain/project/schema'
import { bindingFor, chordLabel, KEYMAP, type KeymapContext, type KeyPress } from '../../src/renderer/src/features/shortcuts/keymap'
import { claimIn, makeProject } from '../helpers/projects'

const TEXT = `Unemployment fell to 4.1% in March. Wages rose 3%.

The reform "created 200,000 jobs" since 2024. Exports doubled.`

function screen(overrides: Partial<KeymapContext> = {}): KeymapContext {
  const claims: Claim[] = [
    claimIn(TEXT, 'jobless', 'Unemployment fell to 4.1% in March.', { score: 0.4 }),
    claimIn(TEXT, 'wages', 'Wages rose 3%.', { status: 'dismissed' }),
    claimIn(TEXT, 'reform', 'The reform "created 200,000 jobs" since 2024.', { status: 'done', score: 0.9 }),
    claimIn(TEXT, 'exports', 'Exports doubled.', { status: 'suggested' }),
  ]
  const project = { ...makeProject(TEXT), claims }
  return {
    project,
    visible: claims.filter((c) => c.status !== 'dismissed'),
    selected: null,
    articleSelection: null,
    edit: vi.fn(() => Promise.resolve(null)),
    select: vi.fn(),
    openDialog: vi.fn(),
    takeSelection: vi.fn(() => Promise.resolve()),
    clearArticleSelection: vi.fn(),
    selectArticle: vi.fn(),
    focusSearch: vi.fn(),
    focusRationale: vi.fn(),
    leaveField: vi.fn(() => false),
    ...overrides,
  }
}
const claim = (context: KeymapContext, id: string): Claim => context.project.claims.find((c) => c.id === id)!

/** A key press as the browser reports it: "Control+Shift+z" gives key "Z" with ctrlKey and shiftKey. */
function press(spec: string): KeyPress {
  const parts = spec.split('+')
  const mods = new Set(parts.slice(0, -1))
  const key = parts.at(-1)!
  const shiftKey = mods.has('Shift')
  return {
    key: shiftKey && key.length === 1 ? key.toUpperCase() : key,
    ctrlKey: mods.has('Control'),
    metaKey: mods.has('Meta'),
    altKey: mods.has('Alt'),
    shiftKey,
  }
}

const idle = { typing: false, dialogOpen: false }

/** Presses a key on the project screen; what it did, or null when the key was left to the page. */
function hit(spec: string, context: KeymapContext, where = idle): string | null {
  const found = bindingFor(press(spec), where, context)
  found?.binding.run(context, found.key)
  return found?.binding.id ?? null
}

describe('the project screen keymap', () => {
  it('steps through the claims the list shows, from the first or the last when none is selected', () => {
    const context = screen()
    hit('j', context)
    expect(context.select).toHaveBeenLastCalledWith('jobless')
    hit('ArrowUp', context)
    expect(context.select).toHaveBeenLastCalledWith('exports')
    const atEnd = screen()
    hit('j', { ...atEnd, selected: claim(atEnd, 'exports') })
    expect(atEnd.select).toHaveBeenLastCalledWith('exports')
  })

  it('sets the verdict by the scale’s label number, clears it with 0, and leaves numbers past the scale alone', () => {
    const context = screen()
    const selected = { ...context, selected: claim(context, 'jobless') }
    hit('2', selected)
    expect(context.edit).toHaveBeenLastCalledWith('claim:setVerdict', { id: 'jobless', verdict: context.project.ratingScale.labels[1]!.id })
    hit('0', selected)
    expect(context.edit).toHaveBeenLastCalledWith('claim:setVerdict', { id: 'jobless', verdict: null })
    const past = String(context.project.ratingScale.labels.length + 1)
    expect(hit(past, selected)).toBeNull()
    expect(hit('2', context)).toBeNull()
  })

  it('cycles the status onwards, from Done back to To check, and makes a suggestion one to check', () => {
    const context = screen()
    hit('s', { ...context, selected: claim(context, 'reform') })
    expect(context.edit).toHaveBeenLastCalledWith('claim:setStatus', { ids: ['reform'], status: 'to-check' })
    hit('s', { ...context, selected: claim(context, 'jobless') })
    expect(context.edit).toHaveBeenLastCalledWith('claim:setStatus', { ids: ['jobless'], status: 'in-progress' })
  })

  it('merges with the next claim in the article, skipping dismissed ones, whatever order the list shows', () => {
    const context = screen()
    const byScore = [claim(context, 'reform'), claim(context, 'jobless'), claim(context, 'exports')]
    hit('m', { ...context, visible: byScore, selected: claim(context, 'jobless') })
    expect(context.edit).toHaveBeenLastCalledWith('claim:merge', { ids: ['jobless', 'reform'] })
  })

  it('makes a claim from selected article text with C even with no claim selected, and needs the text', () => {
    const context = screen()
    expect(hit('c', context)).toBeNull()
    hit('c', { ...context, articleSelection: { start: 37, end: 51 } })
    expect(context.takeSelection).toHaveBeenCalledWith('claim:create')
    expect(hit('b', { ...context, articleSelection: { start: 37, end: 51 } })).toBeNull()
  })

  it('leaves single keys and Ctrl+Z to a text field or a dialog, but Ctrl+E works everywhere; Ctrl+F is the browser’s find', () => {
    const context = screen()
    const selected = { ...context, selected: claim(context, 'jobless') }
    for (const where of [
      { typing: true, dialogOpen: false },
      { typing: false, dialogOpen: true },
    ]) {
      expect(hit('a', selected, where)).toBeNull()
      expect(hit('/', selected, where)).toBeNull()
      expect(hit('Control+z', selected, where)).toBeNull()
      expect(hit('Control+Shift+z', selected, where)).toBeNull()
      expect(hit('Control+f', selected, where)).toBeNull()
      expect(hit('Control+e', selected, where)).toBe('export')
    }
    expect(hit('Control+f', selected)).toBeNull()
    expect(hit('/', selected)).toBe('searchClaims')
    expect(context.edit).not.toHaveBeenCalled()
  })

  it('takes J, K, A and D with Shift or Caps Lock as well', () => {
    const context = screen()
    hit('Shift+j', context)
    expect(context.select).toHaveBeenLastCalledWith('jobless')
    const capsLock = { key: 'K', ctrlKey: false, metaKey: false, altKey: false, shiftKey: false }
    const found = bindingFor(capsLock, idle, context)
    expect(found?.binding.id).toBe('previousClaim')
    expect(hit('Shift+a', { ...context, selected: claim(context, 'exports') })).toBe('accept')
  })

  it('after A, D or a verdict goes on to the next proposal still to decide, in the list’s order, wrapping round', async () => {
    const proposals = [
      'Unemployment fell to 4.1% in March.',
      'Wages rose 3%.',
      'The reform "created 200,000 jobs" since 2024.',
      'Exports doubled.',
    ]
    const project: Project = {
      ...makeProject(TEXT),
      claims: proposals.map((quote, i) => claimIn(TEXT, `p${i}`, quote, { status: 'suggested', origin: 'suggested' })),
    }
    const decided = (ids: string[], status: Claim['status']): Edited =>
      ({ project: { ...project, claims: project.claims.map((c) => (ids.includes(c.id) ? { ...c, status } : c)) } }) as Edited
    const select = vi.fn()
    const onlySuggested = project.claims
    // p1 was dismissed before; the list (filtered to suggestions) still shows the others in order.
    let after = decided(['p1'], 'dismissed')
    const context = screen({
      project,
      visible: onlySuggested,
      selected: project.claims[0]!,
      select,
      edit: vi.fn(() => Promise.resolve(after)),
    })
    hit('a', context)
    await vi.waitFor(() => expect(select).toHaveBeenLastCalledWith('p2'))
    after = decided(['p1', 'p2', 'p3'], 'to-check')
    hit('d', { ...context, selected: project.claims[3]! })
    await vi.waitFor(() => expect(select).toHaveBeenLastCalledWith('p0'))
    // No proposal is left: a verdict goes on to the next claim that has none.
    after = { project: { ...after.project, claims: after.project.claims.map((c) => ({ ...c, status: 'to-check' as const })) } } as Edited
    hit('1', { ...context, selected: project.claims[2]! })
    await vi.waitFor(() => expect(select).toHaveBeenLastCalledWith('p3'))
  })

  it('selects article text by keyboard from the selected claim, by word and by sentence', () => {
    const context = screen()
    const jobless = claim(context, 'jobless')
    const at = (quote: string): { start: number; end: number } => ({ start: TEXT.indexOf(quote), end: TEXT.indexOf(quote) + quote.length })
    hit('Shift+ArrowLeft', { ...context, selected: jobless })
    expect(context.selectArticle).toHaveBeenLastCalledWith(at('Unemployment fell to 4.1% in'))
    hit('Control+Shift+ArrowRight', { ...context, articleSelection: at('Unemployment fell to 4.1% in') })
    expect(context.selectArticle).toHaveBeenLastCalledWith(at('fell to 4.1% in'))
    hit('Shift+ArrowRight', { ...context, articleSelection: at('fell to 4.1% in') })
    expect(context.selectArticle).toHaveBeenLastCalledWith(at('fell to 4.1% in March.'))
    hit('Shift+ArrowDown', { ...context, selected: jobless })
    expect(context.selectArticle).toHaveBeenLastCalledWith(at('Unemployment fell to 4.1% in March. Wages rose 3%.'))
    hit('Control+Shift+ArrowLeft', { ...context, articleSelection: at('fell to 4.1%') })
    expect(context.selectArticle).toHaveBeenLastCalledWith(at('Unemployment fell to 4.1%'))
    expect(hit('Shift+ArrowRight', context)).toBeNull()
  })

  it('Esc in a text field leaves it for the claim list, and keeps the selection', () => {
    const context = screen({ leaveField: vi.fn(() => true) })
    expect(hit('Escape', { ...context, selected: claim(context, 'jobless') }, { typing: true, dialogOpen: false })).toBe('escape')
    expect(context.leaveField).toHaveBeenCalled()
    expect(context.select).not.toHaveBeenCalled()
    expect(hit('Escape', context, { typing: true, dialogOpen: true })).toBeNull()
  })

  it('undoes with Ctrl+Z or Cmd+Z and redoes with Shift+Ctrl+Z or Ctrl+Y; Alt is never a shortcut', () => {
    const context = screen()
    hit('Control+z', context)
    expect(context.edit).toHaveBeenLastCalledWith('project:undo', {})
    hit('Meta+Shift+z', context)
    expect(context.edit).toHaveBeenLastCalledWith('project:redo', {})
    hit('Control+y', context)
    expect(context.edit).toHaveBeenLastCalledWith('project:redo', {})
    expect(context.edit).toHaveBeenCalledTimes(3)
    expect(hit('Alt+j', context)).toBeNull()
    expect(hit('Control+j', context)).toBeNull()
  })

  it('Esc clears both the text selection and the selected claim', () => {
    const context = screen()
    hit('Escape', { ...context, selected: claim(context, 'jobless') })
    expect(context.clearArticleSelection).toHaveBeenCalled()
    expect(context.select).toHaveBeenLastCalledWith(null)
  })

  it('every key the ? dialog lists does what its row says', () => {
    const context = screen()
    const ready = { ...context, selected: claim(context, 'jobless'), articleSelection: { start: 0, end: 12 } }
    const digits = context.project.ratingScale.labels.map((_, i) => String(i + 1))
    const names: Record<string, string> = {
      '↓': 'ArrowDown',
      '↑': 'ArrowUp',
      '←': 'ArrowLeft',
      '→': 'ArrowRight',
      Esc: 'Escape',
      Ctrl: 'Control',
    }
    /** What a checker presses for a label as written: "Shift+Ctrl+Z" is Shift+Control+z, "1 … 9" each label's number. */
    const typed = (label: string): string[] =>
      label === '1 … 9'
        ? digits
        : [
            label
              .split('+')
              .map((part) => names[part] ?? (part.length === 1 ? part.toLowerCase() : part))
              .join('+'),
          ]
    for (const binding of KEYMAP) {
      for (const label of binding.chords.map(chordLabel)) {
        for (const keys of typed(label)) expect(hit(keys, ready), `${label} in the ? dialog`).toBe(binding.id)
      }
    }
  })
})
