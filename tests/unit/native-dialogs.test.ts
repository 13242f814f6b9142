import { writeFile } from 'node:fs/promises'
import { join } from 'node:path'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { serializeProject } from '@domain/project/codec'
import type { DesktopAbilities } from '@engine/ports'
import { createServices, type Services } from '@engine/services'
import { tempDir } from '../helpers/projects'
import { sampleProject } from '../fixtures/report/projects'

/** The titles and file types of the native dialogs the engine opens, as the shell would show them. */
describe('native dialogs in the app’s language', () => {
  let root: string
  let cleanup: () => Promise<void>
  let asked: { title: string; filters: { name: string }[] }[]
  const desktop: DesktopAbilities = {
    openPath: () => Promise.resolve(),
    chooseOpenFile: (options) => (asked.push(options), Promise.resolve(null)),
    chooseSaveFile: (options) => (asked.push(options), Promise.resolve(null)),
    printToPdf: () => Promise.resolve(new Uint8Array()),
  }
  const engine = (systemLanguage?: string): Services =>
    createServices({
      edition: 'test',
      version: '0',
      resourcesDir: join(import.meta.dirname, '../../resources'),
      configDir: join(root, 'cfg'),
      env: { FACTDESK_HOME: root },
      desktop,
      ...(systemLanguage ? { systemLanguage } : {}),
    })
  beforeEach(async () => {
    ;({ dir: root, cleanup } = await tempDir())
    asked = []
  })
  afterEach(async () => cleanup())

  it('speak the checker’s choice in Settings: the report, case file, key, project and article dialogs', async () => {
    const services = engine('en-US')
    await services.handlers['settings:set']({ language: 'uk' })
    const path = join(root, 'trains.factdesk.json')
    await writeFile(path, serializeProject(sampleProject()))
    await services.handlers['project:open']({ path })
    await services.handlers['report:save']({ path, format: 'html', includeArticle: false, draft: false })
    await services.handlers['evidence:saveCase']({ path, language: 'uk', chooseSigningKey: true })
    await services.handlers['app:chooseProject']({})
    await services.handlers['app:chooseImportFile']({ importId: 'i-1' })
    expect(asked.map((a) => [a.title, a.filters[0]?.name])).toEqual([
      ['Експорт: HTML', 'HTML'],
      ['Підписати ключем організації', 'Закритий ключ Ed25519 (PEM)'],
      ['Відкрити проєкт Factdesk', 'Проєкт Factdesk'],
      ['Імпортувати статтю', 'Статті'],
    ])
    await services.store.closeAll()
  })

  it('speak the system’s language until the checker picks one, and English where no catalogue has it', async () => {
    await engine('uk-UA').handlers['app:chooseProject']({})
    await engine('pl-PL').handlers['app:chooseProject']({})
    expect(asked.map((a) => a.title)).toEqual(['Відкрити проєкт Factdesk', 'Open a Factdesk project'])
  })
})
