import type { Claim } from '@domain/project/schema'

const WORDS = { unchanged: 'Unchanged', moved: 'Moved', changed: 'Changed' } as const

/** In the claim list: how the claim was found again in the article's latest version. Unchanged claims stay unmarked. */
export function AnchorMark({ claim }: { claim: Claim }) {
  if (!claim.anchor || claim.anchor.state === 'unchanged') return null
  return (
    <span className={`anchor-mark anchor-${claim.anchor.state}`} title={`In version ${claim.anchor.version} of the article`}>
      {WORDS[claim.anchor.state]}
    </span>
  )
}

/** In the claim panel: the claim's state in the newest version, and for a changed one its old and new words. */
export function AnchorNote({ claim }: { claim: Claim }) {
  const { anchor } = claim
  if (!anchor) return null
  return (
    <div className={`anchor-note anchor-${anchor.state}`} role="note">
      <strong>
        {WORDS[anchor.state]} in version {anchor.version} of the article
      </strong>
      {anchor.state === 'moved' && <span> — the same words, at another place.</span>}
      {anchor.state === 'changed' && (
        <>
          <span> — {Math.round(anchor.similarity * 100)}% alike. Check the verdict still holds.</span>
          <div className="anchor-text">
            <span className="muted">Before:</span> <del>{anchor.previousText}</del>
          </div>
          <div className="anchor-text">
            <span className="muted">Now:</span> <ins>{claim.text}</ins>
          </div>
        </>
      )}
    </div>
  )
}
