import { desktopLink, formatRoute, projectRef } from '@contract/routes'

/** The link to a claim: `factdesk://…` in the desktop app, this page's address in the browser edition. */
export function claimLink(options: { desktop: boolean; projectsDir: string; path: string; claimId: string }): string {
  const route = { project: projectRef(options.path, options.projectsDir), claim: options.claimId }
  if (options.desktop) return desktopLink(route)
  return `${window.location.origin}${window.location.pathname}${formatRoute(route)}`
}

/**
 * Puts text on the clipboard. The Clipboard API needs a secure page and, in the desktop app, a
 * permission the hardened session never grants; the older copy command works in both from a click
 * or a key press, so it is the fallback.
 */
export async function copyText(text: string): Promise<boolean> {
  try {
    await navigator.clipboard.writeText(text)
    return true
  } catch {
    const area = document.createElement('textarea')
    area.value = text
    area.setAttribute('readonly', '')
    area.style.position = 'fixed'
    area.style.opacity = '0'
    const focused = document.activeElement
    document.body.append(area)
    area.select()
    // eslint-disable-next-line @typescript-eslint/no-deprecated -- the one clipboard write that needs no permission
    const copied = document.execCommand('copy')
    area.remove()
    if (focused instanceof HTMLElement) focused.focus()
    return copied
  }
}
