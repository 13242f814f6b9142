import { useEffect, useMemo, useState } from 'react'
import type { Person } from '@domain/project/schema'
import { call } from '../../api/client'
import { useApp } from '../../store'

let fromGit: Promise<Person> | null = null

/**
 * Who the checker is to the team: the name and e-mail from Settings, each falling back to git's
 * user.name and user.email (read once, by the engine, from the repository or ~/.gitconfig).
 */
export function useIdentity(): Person {
  const settings = useApp((s) => s.settings)
  const [git, setGit] = useState<Person>({ name: '', email: '' })
  const complete = Boolean(settings?.checkerName && settings.checkerEmail)
  useEffect(() => {
    if (complete) return
    fromGit ??= call('team:identity', {}).then(
      (info) => info.git,
      () => ({ name: '', email: '' }),
    )
    let live = true
    void fromGit.then((found) => live && setGit(found))
    return () => {
      live = false
    }
  }, [complete])
  const name = settings?.checkerName || git.name
  const email = settings?.checkerEmail || git.email
  // The same object while the identity is the same, so filters that depend on it do not rerun.
  return useMemo(() => ({ name, email }), [name, email])
}

/** git's user.name and user.email, the defaults Settings offers for the checker's name and e-mail. */
export function useGitIdentity(): Person {
  const [git, setGit] = useState<Person>({ name: '', email: '' })
  useEffect(() => {
    let live = true
    void call('team:identity', {}).then(
      (info) => live && setGit(info.git),
      () => undefined,
    )
    return () => {
      live = false
    }
  }, [])
  return git
}
