import type { Edited, InputOf, OutputOf } from '@contract/api'
import type { Channel } from '@contract/channels'

/**
 * The channels that edit a project: those whose output is the edited project. Derived from the
 * contract, so a new edit channel is one at once and a channel that stops answering `Edited` drops out.
 */
export type EditChannel = { [C in Channel]: OutputOf<C> extends Edited ? C : never }[Channel]

/** An edit's input without the project path: the store adds the path of the project on screen. */
export type EditInput<C extends EditChannel> = Omit<InputOf<C>, 'path'>

/** How an edit was made: `base`, the project version the checker saw when they began it (default: the one on screen). */
export interface EditOptions {
  base?: number | null
}

/** Runs an edit channel on the project on screen; the edited project, or null when it failed (the checker was told why). */
export type EditAction = <C extends EditChannel>(channel: C, input: EditInput<C>, options?: EditOptions) => Promise<Edited | null>
