import { open, readFile } from 'node:fs/promises'
import { basename } from 'node:path'
import JSZip from 'jszip'
import { AppError } from '@domain/errors'
import { importNewVersion } from '@domain/evidence/versions'
import { buildCaseFile, defaultCaseName, MANIFEST, MAX_KEY_FILE_BYTES, readKeyFile, type CaseManifest } from '../evidence/case-file'
import { openCaseFile } from '../evidence/open-case'
import { verifyProject } from '../evidence/verify'
import { refuseProtectedTarget } from '../export'
import { writeFileAtomic } from '../fs/durable'
import { loadCatalogues } from '../catalogues'
import { translatorFor } from '@contract/i18n/translator'
import { sha256 } from '../project-store'
import type { Engine } from '../services'
import type { HandlersFor } from './types'

/** A key file chosen in the system's dialog, read only up to what a key file may be, so a large file chosen by mistake is not loaded whole. */
async function readKeyBytes(path: string): Promise<Uint8Array> {
  const handle = await open(path, 'r').catch((error: unknown) => {
    throw new AppError('IO', `"${path}" could not be read (${(error as Error).message}). Choose the organisation's private key file.`, {
      key: 'caseFile.key.unreadable',
      params: { file: path },
    })
  })
  try {
    const buffer = Buffer.alloc(MAX_KEY_FILE_BYTES + 1)
    const { bytesRead } = await handle.read(buffer, 0, buffer.byteLength, 0)
    return buffer.subarray(0, bytesRead)
  } finally {
    await handle.close()
  }
}

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
  uiTranslator,
}: Engine): HandlersFor<'evidence:verify' | 'evidence:renderCase' | 'evidence:saveCase' | 'evidence:openCase' | 'evidence:importVersion'> {
  /** The same zip as `factdesk case`: the project as saved, so its pending edits are written first. */
  const caseBytes = async (
    path: string,
    language: string | undefined,
    privateKeyPem: string | null,
  ): Promise<{ bytes: Uint8Array; omitted: CaseManifest['omitted'] }> => {
    const status = await store.flush(path)
    if (status.state !== 'saved')
      throw new AppError(
        'CONFLICT',
        `The case file holds the project as saved, and "${path}" is not saved (${status.message ?? status.state}). Resolve that, then export again.`,
        { key: 'caseFile.notSaved', params: { file: path } },
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
      ...(privateKeyPem ? { privateKeyPem } : {}),
    })
    // What the manifest records as left out (a report still incomplete, a PDF without a browser), for the checker to see.
    const manifestText = await (await JSZip.loadAsync(bytes)).file(MANIFEST)?.async('string')
    const { omitted } = JSON.parse(manifestText ?? '{"omitted":[]}') as Pick<CaseManifest, 'omitted'>
    return { bytes, omitted }
  }
  return {
    // The project as it is open (what the checker sees), its attachments as they are on disk now.
    'evidence:verify': ({ path }) => verifyProject(path, openProject(path), store.provenance(path)),
    'evidence:renderCase': async ({ path, language, signingKey }) => {
      const key = signingKey ? readKeyFile(Buffer.from(signingKey.dataBase64, 'base64'), signingKey.fileName, 'private') : null
      const { bytes, omitted } = await caseBytes(path, language, key)
      return {
        content: Buffer.from(bytes).toString('base64'),
        encoding: 'base64',
        mimeType: 'application/zip',
        fileName: basename(defaultCaseName(path)),
        omitted,
      }
    },
    'evidence:openCase': async ({ fileName, dataBase64, publicKey }) => {
      const publicKeyPem = publicKey ? readKeyFile(Buffer.from(publicKey.dataBase64, 'base64'), publicKey.fileName, 'public') : undefined
      return openCaseFile(Buffer.from(dataBase64, 'base64'), fileName, await projectsDir(), {
        author: await author(),
        at: now().toISOString(),
        ...(publicKeyPem ? { publicKeyPem } : {}),
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
    'evidence:saveCase': async ({ path, language, chooseSigningKey }) => {
      const desktop = needDesktop('saveCase')
      const { t } = await uiTranslator()
      let key: string | null = null
      if (chooseSigningKey) {
        const keyPath = await desktop.chooseOpenFile({
          title: t('nativeDialogs.signingKey'),
          filters: [{ name: t('nativeDialogs.keyFiles'), extensions: ['key', 'pem'] }],
        })
        if (!keyPath) return { path: null, omitted: [], signed: false }
        key = readKeyFile(await readKeyBytes(keyPath), basename(keyPath), 'private')
      }
      const { bytes, omitted } = await caseBytes(path, language, key)
      const target = await desktop.chooseSaveFile({
        title: t('nativeDialogs.saveCase'),
        defaultPath: defaultCaseName(path),
        filters: [{ name: t('nativeDialogs.caseFiles'), extensions: ['zip'] }],
      })
      if (!target) return { path: null, omitted: [], signed: false }
      refuseProtectedTarget(target, path)
      await writeFileAtomic(target, bytes)
      return { path: target, omitted, signed: key !== null }
    },
  }
}
