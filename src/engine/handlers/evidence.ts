import { readFile } from 'node:fs/promises'
import { basename } from 'node:path'
import JSZip from 'jszip'
import { AppError } from '@domain/errors'
import { importNewVersion } from '@domain/evidence/versions'
import { buildCaseFile, defaultCaseName, MANIFEST, type CaseManifest } from '../evidence/case-file'
import { openCaseFile } from '../evidence/open-case'
import { verifyProject } from '../evidence/verify'
import { refuseProtectedTarget } from '../export'
import { writeFileAtomic } from '../fs/durable'
import { loadCatalogues } from '../catalogues'
import { translatorFor } from '@contract/i18n/translator'
import { sha256 } from '../project-store'
import type { Engine } from '../services'
import type { HandlersFor } from './types'

export function evidenceHandlers({
  ctx,
  env,
  now,
  settings,
  store,
  openProject,
  needDesktop,
  projectsDir,
  author,
  edit,
}: Engine): HandlersFor<'evidence:verify' | 'evidence:renderCase' | 'evidence:saveCase' | 'evidence:openCase' | 'evidence:importVersion'> {
  /** The same zip as `factdesk case`: the project as saved, so its pending edits are written first. */
  const caseBytes = async (
    path: string,
    language: string | undefined,
  ): Promise<{ bytes: Uint8Array; omitted: CaseManifest['omitted'] }> => {
    const status = await store.flush(path)
    if (status.state !== 'saved')
      throw new AppError(
        'CONFLICT',
        `The case file holds the project as saved, and "${path}" is not saved (${status.message ?? status.state}). Resolve that, then export again.`,
      )
    const { organisationName, organisationUrl, organisationLogo } = await settings.get()
    const bytes = await buildCaseFile(path, openProject(path), await readFile(path, 'utf8'), {
      report: {
        claims: 'accepted',
        includeArticle: true,
        organisation: { name: organisationName, url: organisationUrl, logo: organisationLogo },
        generatedAt: now().toISOString(),
        translator: translatorFor(loadCatalogues(ctx.resourcesDir), language ?? 'en'),
      },
      export: ctx.desktop ? { printPdf: ctx.desktop.printToPdf } : { env },
    })
    // What the manifest records as left out (a report still incomplete, a PDF without a browser), for the checker to see.
    const manifestText = await (await JSZip.loadAsync(bytes)).file(MANIFEST)?.async('string')
    const { omitted } = JSON.parse(manifestText ?? '{"omitted":[]}') as Pick<CaseManifest, 'omitted'>
    return { bytes, omitted }
  }
  return {
    // The project as it is open (what the checker sees), its attachments as they are on disk now.
    'evidence:verify': ({ path }) => verifyProject(path, openProject(path)),
    'evidence:renderCase': async ({ path, language }) => {
      const { bytes, omitted } = await caseBytes(path, language)
      return {
        content: Buffer.from(bytes).toString('base64'),
        encoding: 'base64',
        mimeType: 'application/zip',
        fileName: basename(defaultCaseName(path)),
        omitted,
      }
    },
    'evidence:openCase': async ({ fileName, dataBase64 }) => {
      return openCaseFile(Buffer.from(dataBase64, 'base64'), fileName, await projectsDir(), {
        author: await author(),
        at: now().toISOString(),
      })
    },
    'evidence:importVersion': ({ path, text, origin }) => {
      if (openProject(path).article.text === text)
        throw new AppError(
          'INVALID_INPUT',
          'This text is the article as the project already has it: there is no newer version to import.',
          {
            key: 'sameVersion',
          },
        )
      const at = now().toISOString()
      const versionOrigin = {
        fileName: origin?.fileName ?? '',
        fileSha256: origin?.sha256 ?? '',
        fileBytes: origin?.bytes ?? null,
        textSha256: sha256(text),
        importedAt: at,
      }
      return edit(path, 'article.version', (p, c) => importNewVersion(p, { text, origin: versionOrigin }, c))
    },
    'evidence:saveCase': async ({ path, language }) => {
      const desktop = needDesktop('Saving a case file with a dialog')
      const { bytes, omitted } = await caseBytes(path, language)
      const target = await desktop.chooseSaveFile({
        title: 'Export case file',
        defaultPath: defaultCaseName(path),
        filters: [{ name: 'Factdesk case file', extensions: ['zip'] }],
      })
      if (!target) return { path: null, omitted: [] }
      refuseProtectedTarget(target, path)
      await writeFileAtomic(target, bytes)
      return { path: target, omitted }
    },
  }
}
