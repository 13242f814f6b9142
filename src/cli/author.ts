import { userInfo } from 'node:os'

/** Who history entries name: the checker name from the settings, else the system user. */
export function cliAuthor(checkerName: string): string {
  if (checkerName) return checkerName
  try {
    return userInfo().username
  } catch {
    return 'checker'
  }
}
