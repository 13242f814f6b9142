import { WORKFLOW } from '@domain/project/ops'
import type { Claim, Project } from '@domain/project/schema'
import type { Edited } from '@contract/api'
import type { EditAction } from '../../store/edit-channel'
import type { Span } from '../article/highlight'
import { moveSelection, selectionStart, type SelectionMove } from '../article/keyboard-selection'
import { nextToDecide } from '../claims/triage'
import { editsStartedSoFar } from '../../store/edit-counter'

/** What a shortcut reads and does: the project screen at the moment of the key press. */
export interface KeymapContext {
  project: Project
  /** The claims the list shows, in its order (what J and K step through). */
  visible: readonly Claim[]
  selected: Claim | null
  articleSelection: Span | null
  edit: EditAction
  select: (id: string | null) => void
  openDialog: (dialog: 'shortcuts' | 'export') => void
  takeSelection: (action: 'claim:create' | 'claim:adjust') => Promise<void>
  clearArticleSelection: () => void
  /** Selects article text as a mouse would, so the selection toolbar, C and B work on it. */
  selectArticle: (span: Span) => void
  focusSearch: () => void
  focusRationale: () => void
  /** Leaves the text field being typed in for the claim list; false when no field had focus. */
  leaveField: () => boolean
}

interface ChordKeys {
  /** Ctrl, or Cmd on macOS; the key is then compared in lower case. */
  mod?: true
  /** true: Shift must be held; false: it must not be; absent: either. */
  shift?: boolean
  /** Also fires in a text field or a dialog; every other shortcut leaves keys to them. */
  anywhere?: true
  /** Also fires in a text field (not in a dialog, which takes its own keys). */
  inFields?: true
}

/** One key the handler answers: `KeyboardEvent.key`, or a pattern with the label the `?` dialog shows for it. */
export type Chord = ChordKeys & ({ key: string; label?: undefined } | { key: RegExp; label: string })

export interface KeyBinding {
  chords: readonly Chord[]
  /** Names the binding, uniquely; the `?` dialog's words for it are the catalogue's `shortcuts.<id>`. */
  id: string
  /** When the binding applies; otherwise the key goes on to the page. */
  when?: (context: KeymapContext, key: string) => boolean
  run: (context: KeymapContext, key: string) => void
}

const hasSelected = (context: KeymapContext): boolean => context.selected !== null

/** The number key's label in the rating scale: 1 is the first label. */
function labelOfDigit(project: Project, key: string) {
  return project.ratingScale.labels[Number(key) - 1]
}

/**
 * Runs a decision on the selected claim (accept, dismiss, a verdict), then goes to the next claim
 * still to decide, in the list's order as it was before the decision, so triage never starts over.
 */
function decide(context: KeymapContext, decision: (claim: Claim) => Promise<Edited | null>): void {
  const { selected, visible, select } = context
  if (!selected) return
  const order = visible.map((c) => c.id)
  const decided = decision(selected)
  const started = editsStartedSoFar()
  void decided.then((edited) => {
    // The checker has moved on already (another key, a new claim): their later action decides the selection.
    if (!edited || editsStartedSoFar() !== started) return
    const next = nextToDecide(order, edited.project, selected.id)
    if (next) select(next)
  })
}

/** Moves the article selection by keyboard, starting from the selected claim's text. */
function extend(context: KeymapContext, move: SelectionMove): void {
  const { text, language } = context.project.article
  const from = context.articleSelection ?? selectionStart(text, language, context.selected)
  if (from) context.selectArticle(moveSelection(text, language, from, move))
}

const MOVES: Readonly<Record<string, SelectionMove>> = {
  ArrowRight: 'end-later',
  ArrowLeft: 'end-earlier',
  ArrowDown: 'next-sentence',
  ArrowUp: 'previous-sentence',
}

/** From the selected claim, `by` claims along the list; from the first or last when none is selected. */
function step({ visible, selected, select }: KeymapContext, by: 1 | -1): void {
  const index = selected ? visible.findIndex((c) => c.id === selected.id) : -1
  const next = visible[index === -1 ? (by > 0 ? 0 : visible.length - 1) : Math.min(visible.length - 1, Math.max(0, index + by))]
  if (next) select(next.id)
}

/**
 * Every keyboard shortcut of the project screen, in the order the `?` dialog lists them: the key
 * handler and the dialog both read this table, so what is listed is what works.
 */
export const KEYMAP: readonly KeyBinding[] = [
  { chords: [{ key: 'j' }, { key: 'ArrowDown', shift: false }], id: 'nextClaim', run: (c) => step(c, 1) },
  { chords: [{ key: 'k' }, { key: 'ArrowUp', shift: false }], id: 'previousClaim', run: (c) => step(c, -1) },
  {
    chords: [{ key: /^[1-9]$/, label: '1 … 9' }],
    id: 'setVerdict',
    when: (c, key) => hasSelected(c) && labelOfDigit(c.project, key) !== undefined,
    run: (c, key) => {
      const label = labelOfDigit(c.project, key)
      if (label) decide(c, (claim) => c.edit('claim:setVerdict', { id: claim.id, verdict: label.id }))
    },
  },
  {
    chords: [{ key: '0' }],
    id: 'clearVerdict',
    when: hasSelected,
    run: (c) => c.selected && void c.edit('claim:setVerdict', { id: c.selected.id, verdict: null }),
  },
  {
    chords: [{ key: 's' }],
    id: 'cycleStatus',
    when: hasSelected,
    run: ({ selected, edit }) => {
      if (!selected) return
      const at = WORKFLOW.indexOf(selected.status)
      void edit('claim:setStatus', { ids: [selected.id], status: WORKFLOW[(at + 1) % WORKFLOW.length] ?? 'to-check' })
    },
  },
  {
    chords: [{ key: 'a' }],
    id: 'accept',
    when: hasSelected,
    run: (c) => decide(c, (claim) => c.edit('claim:accept', { ids: [claim.id] })),
  },
  {
    chords: [{ key: 'd' }],
    id: 'dismiss',
    when: hasSelected,
    run: (c) => decide(c, (claim) => c.edit('claim:dismiss', { ids: [claim.id] })),
  },
  {
    chords: [
      { key: 'ArrowRight', shift: true },
      { key: 'ArrowLeft', shift: true },
    ],
    id: 'selectEnd',
    when: (c) => hasSelected(c) || c.articleSelection !== null,
    run: (c, key) => extend(c, MOVES[key] ?? 'end-later'),
  },
  {
    chords: [
      { key: 'ArrowLeft', mod: true, shift: true },
      { key: 'ArrowRight', mod: true, shift: true },
    ],
    id: 'selectStart',
    when: (c) => hasSelected(c) || c.articleSelection !== null,
    run: (c, key) => extend(c, key === 'ArrowLeft' ? 'start-earlier' : 'start-later'),
  },
  {
    chords: [
      { key: 'ArrowDown', shift: true },
      { key: 'ArrowUp', shift: true },
    ],
    id: 'selectSentence',
    when: (c) => hasSelected(c) || c.articleSelection !== null,
    run: (c, key) => extend(c, MOVES[key] ?? 'next-sentence'),
  },
  {
    chords: [{ key: 'c' }],
    id: 'makeClaim',
    when: (c) => c.articleSelection !== null,
    run: (c) => void c.takeSelection('claim:create'),
  },
  {
    chords: [{ key: 'b' }],
    id: 'useAsBoundaries',
    when: (c) => hasSelected(c) && c.articleSelection !== null,
    run: ({ selected, articleSelection, edit }) => {
      if (selected && articleSelection)
        void edit('claim:adjust', { id: selected.id, start: articleSelection.start, end: articleSelection.end })
    },
  },
  {
    chords: [{ key: 'm' }],
    id: 'merge',
    when: hasSelected,
    run: ({ project, selected, edit }) => {
      if (!selected) return
      // The next claim in the article, whatever the list's filter or order shows.
      const all = project.claims.filter((c) => c.status !== 'dismissed')
      const next = all[all.findIndex((c) => c.id === selected.id) + 1]
      if (next) void edit('claim:merge', { ids: [selected.id, next.id] })
    },
  },
  { chords: [{ key: 'r' }], id: 'rationale', when: hasSelected, run: (c) => c.focusRationale() },
  // Ctrl+F is left to the browser's own find; / is the claim search.
  { chords: [{ key: '/' }], id: 'searchClaims', run: (c) => c.focusSearch() },
  { chords: [{ key: 'z', mod: true, shift: false }], id: 'undo', run: (c) => void c.edit('project:undo', {}) },
  {
    chords: [
      { key: 'z', mod: true, shift: true },
      { key: 'y', mod: true },
    ],
    id: 'redo',
    run: (c) => void c.edit('project:redo', {}),
  },
  { chords: [{ key: 'e', mod: true, anywhere: true }], id: 'export', run: (c) => c.openDialog('export') },
  { chords: [{ key: '?' }], id: 'show', run: (c) => c.openDialog('shortcuts') },
  {
    // An open dialog closes itself on Esc (components/Dialog); in a text field Esc leaves it.
    chords: [{ key: 'Escape', inFields: true }],
    id: 'escape',
    run: (c) => {
      if (c.leaveField()) return
      c.clearArticleSelection()
      c.select(null)
    },
  },
]

const KEY_NAMES: Readonly<Record<string, string>> = {
  ArrowDown: '↓',
  ArrowUp: '↑',
  ArrowLeft: '←',
  ArrowRight: '→',
  Escape: 'Esc',
}

/** How the `?` dialog writes a chord: "J", "↓", "Ctrl+F", "Shift+Ctrl+Z". */
export function chordLabel(chord: Chord): string {
  if (chord.label !== undefined) return chord.label
  const key = KEY_NAMES[chord.key] ?? chord.key.toUpperCase()
  return `${chord.shift ? 'Shift+' : ''}${chord.mod ? 'Ctrl+' : ''}${key}`
}

/** The parts of a KeyboardEvent the keymap reads. */
export interface KeyPress {
  key: string
  ctrlKey: boolean
  metaKey: boolean
  altKey: boolean
  shiftKey: boolean
}

/**
 * The binding a key press runs, with the key as it matched, or null to leave the key to the page.
 * `typing` is a text field having focus, `dialogOpen` a dialog being open: both keep every key
 * but the `anywhere` ones (and a field the `inFields` ones). Letters match in either case, so
 * Shift and Caps Lock change nothing. Alt is never part of a shortcut.
 */
export function bindingFor(
  press: KeyPress,
  { typing, dialogOpen }: { typing: boolean; dialogOpen: boolean },
  context: KeymapContext,
): { binding: KeyBinding; key: string } | null {
  if (press.altKey) return null
  const mod = press.ctrlKey || press.metaKey
  const key = press.key.length === 1 ? press.key.toLowerCase() : press.key
  for (const binding of KEYMAP) {
    const matches = binding.chords.some(
      (chord) =>
        (chord.mod === true) === mod &&
        (chord.shift === undefined || chord.shift === press.shiftKey) &&
        (typeof chord.key === 'string' ? chord.key === key : chord.key.test(key)) &&
        (chord.anywhere === true || (!dialogOpen && (!typing || chord.inFields === true))),
    )
    if (matches && (!binding.when || binding.when(context, key))) return { binding, key }
  }
  return null
}
