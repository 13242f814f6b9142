import type { RatingScale } from './schema'

/**
 * Scales the checkers already publish with. Numbers (for ClaimReview's ratingValue) run from 1 for
 * the least accurate label upward; labels outside the accuracy axis (satire, unproven) have none.
 */
export const RATING_SCALE_PRESETS: readonly RatingScale[] = [
  {
    id: 'politifact',
    name: 'PolitiFact Truth-O-Meter',
    labels: [
      {
        id: 'true',
        label: 'True',
        color: '#1a7f37',
        value: 6,
        description: 'The statement is accurate and there is nothing significant missing.',
      },
      {
        id: 'mostly-true',
        label: 'Mostly True',
        color: '#4d9a2a',
        value: 5,
        description: 'The statement is accurate but needs clarification or additional information.',
      },
      {
        id: 'half-true',
        label: 'Half True',
        color: '#b58a00',
        value: 4,
        description: 'The statement is partially accurate but leaves out important details or takes things out of context.',
      },
      {
        id: 'mostly-false',
        label: 'Mostly False',
        color: '#d4661c',
        value: 3,
        description: 'The statement contains an element of truth but ignores critical facts that would give a different impression.',
      },
      { id: 'false', label: 'False', color: '#cf222e', value: 2, description: 'The statement is not accurate.' },
      {
        id: 'pants-on-fire',
        label: 'Pants on Fire',
        color: '#8b1a1a',
        value: 1,
        description: 'The statement is not accurate and makes a ridiculous claim.',
      },
    ],
  },
  {
    id: 'meta-afp',
    name: 'Meta / AFP ratings',
    labels: [
      { id: 'false', label: 'False', color: '#cf222e', value: 1, description: 'Claims or content that have no basis in fact.' },
      {
        id: 'altered',
        label: 'Altered',
        color: '#a0213b',
        value: 2,
        description: 'Image, audio or video edited or synthesised in ways that could mislead.',
      },
      { id: 'partly-false', label: 'Partly false', color: '#d4661c', value: 3, description: 'Content with some factual inaccuracies.' },
      {
        id: 'missing-context',
        label: 'Missing context',
        color: '#b58a00',
        value: 4,
        description: 'Content that may mislead without additional context.',
      },
      { id: 'true', label: 'True', color: '#1a7f37', value: 5, description: 'Content that is accurate.' },
      {
        id: 'satire',
        label: 'Satire',
        color: '#6e56cf',
        value: null,
        description: 'Content that uses irony, exaggeration or absurdity for criticism or humour.',
      },
    ],
  },
  {
    id: 'aap',
    name: 'AAP FactCheck',
    labels: [
      { id: 'true', label: 'True', color: '#1a7f37', value: 6, description: 'The claim is accurate.' },
      {
        id: 'mostly-true',
        label: 'Mostly True',
        color: '#4d9a2a',
        value: 5,
        description: 'The claim is accurate with a minor error or omission.',
      },
      {
        id: 'somewhat-true',
        label: 'Somewhat True',
        color: '#8a9a1a',
        value: 4,
        description: 'The claim is partly accurate but leaves out important information.',
      },
      {
        id: 'somewhat-false',
        label: 'Somewhat False',
        color: '#d4991c',
        value: 3,
        description: 'The claim has an element of truth but is largely inaccurate.',
      },
      {
        id: 'mostly-false',
        label: 'Mostly False',
        color: '#d4661c',
        value: 2,
        description: 'The claim is inaccurate apart from a minor element.',
      },
      { id: 'false', label: 'False', color: '#cf222e', value: 1, description: 'The claim is inaccurate.' },
      {
        id: 'unproven',
        label: 'Unproven',
        color: '#6e7781',
        value: null,
        description: 'There is not enough evidence to support or reject the claim.',
      },
    ],
  },
  {
    id: 'conclusion',
    name: 'Conclusion only',
    labels: [
      {
        id: 'correct',
        label: 'Correct',
        color: '#1a7f37',
        value: null,
        description: 'The claim is right; the conclusion says so in a sentence.',
      },
      {
        id: 'incorrect',
        label: 'Incorrect',
        color: '#cf222e',
        value: null,
        description: 'The claim is wrong; the conclusion gives the right figure or fact.',
      },
      {
        id: 'misleading',
        label: 'Misleading',
        color: '#d4661c',
        value: null,
        description: 'The claim is technically accurate but gives a wrong impression.',
      },
      {
        id: 'needs-context',
        label: 'Needs context',
        color: '#b58a00',
        value: null,
        description: 'The claim is missing context that changes how it should be read.',
      },
      { id: 'unsupported', label: 'Unsupported', color: '#6e7781', value: null, description: 'No evidence was found either way.' },
    ],
  },
]

export const DEFAULT_RATING_SCALE_ID = 'politifact'

export function ratingScalePreset(id: string): RatingScale | undefined {
  return RATING_SCALE_PRESETS.find((scale) => scale.id === id)
}

export function defaultRatingScale(): RatingScale {
  const scale = ratingScalePreset(DEFAULT_RATING_SCALE_ID)
  if (!scale) throw new Error(`missing rating scale preset ${DEFAULT_RATING_SCALE_ID}`)
  return structuredClone(scale)
}
