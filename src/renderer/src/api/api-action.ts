import type { InputOf, OutputOf } from '@contract/api'
import type { Channel } from '@contract/channels'
import { useApp } from '../store'
import type { AttemptOptions } from '../store/notice-slice'
import { call } from './client'

/**
 * A component's one way to call the API outside the store: the channel's answer, or undefined once
 * the checker has been told why it failed (a notice, or in place with `onError`).
 */
export function apiAction<C extends Channel>(
  channel: C,
  input: InputOf<C>,
  options?: Pick<AttemptOptions, 'onError'>,
): Promise<OutputOf<C> | undefined> {
  return useApp.getState().attempt(() => call(channel, input), options)
}
