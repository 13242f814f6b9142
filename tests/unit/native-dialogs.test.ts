import { writeFile } from 'node:fs/promises'
import { join } from 'node:path'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { serializeProject } from '@domain/project/codec'
import type { DesktopAbilities } from '@engine/ports'
import { testEngine, type TestEngine } from '../helpers/projects'
import { sampleProject } from '../fixtures/report/projects'

/** The titles and file types of the native dialogs the engine opens, as the shell would show them. */
describe('native dialogs in the app’s language', () => {
  let closes: (() => Promise<void>)[]
  let asked: { title: string; filters: { name: string }[] }[]
  const desktop: DesktopAbilities = {
    openPath: () => Promise.resolve(),
    chooseOpenFile: (options) => (asked.push(options), Promise.resolve(null)),
    chooseSaveFile: (options) => (asked.push(options), Promise.resolve(null)),
    printToPdf: () => Promise.resolve(new Uint8Array()),
  }
  const engine = async (systemLanguage: string): Promise<TestEngine> => {
    const made = await testEngine({ desktop, systemLanguage })
    closes.push(made.close)
    return made
  }
  beforeEach(() => {
    asked = []
    closes = []
  })
  afterEach(async () => {
    await Promise.all(closes.map((close) => close()))
  })

  it('speak the checker’s choice in Settings: the report, case file, key, project and article dialogs', async () => {
    const { services, home } = await engine('en-US')
    await services.handlers['settings:set']({ language: 'uk' })
    const path = join(home, 'trains.factdesk.json')
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
  })

  it('speak the system’s language until the checker picks one, and English where no catalogue has it', async () => {
    await (await engine('uk-UA')).services.handlers['app:chooseProject']({})
    await (await engine('pl-PL')).services.handlers['app:chooseProject']({})
    expect(asked.map((a) => a.title)).toEqual(['Відкрити проєкт Factdesk', 'Open a Factdesk project'])
  })
})
