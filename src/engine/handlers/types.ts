import type { Handlers } from '@contract/api'
import type { Channel } from '@contract/channels'

/** The handlers of some channels; each domain's module returns its share of the one map. */
export type HandlersFor<C extends Channel> = Pick<Handlers, C>
