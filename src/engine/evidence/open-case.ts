import { mkdir, stat, writeFile } from 'node:fs/promises'
import { basename, dirname, join } from 'node:path'
import { AppError } from '@domain/errors'
import type { EvidenceReport } from '@domain/evidence/report'
import { decodeProject } from '@domain/project/codec'
import { historyEntry, type Project } from '@domain/project/schema'
import { attachmentPath } from '../attachments'
import { IMPORT_LIMITS, type ImportLimits } from '../import/limits'
import { checkZipSizes } from '../import/zip-guard'
import { PROJECT_SUFFIX, writeProjectFileAt } from '../project-store'
import { verifyCaseFile } from './case-file'

export interface OpenedCase {
  /** The project file unpacked into the projects folder. */
  path: string
  /** The name the case gave the project, when it was taken and the project was unpacked under `path` instead. */
  renamedFrom: string | null
  /** The case file's own check (`factdesk verify CASE.zip`), made before anything was unpacked. */
  report: EvidenceReport
}

function brokenLabels(report: EvidenceReport): string {
  return report.checks
    .filter((c) => c.status === 'broken')
    .map((c) => c.label)
    .join(', ')
}

async function exists(path: string): Promise<boolean> {
  return stat(path).then(
    () => true,
    () => false,
  )
}

/** The first stem in the projects folder with neither a project file nor an attachments folder by that name. */
async function freeStem(dir: string, stem: string): Promise<string> {
  for (let n = 1; n < 10_000; n++) {
    const candidate = n === 1 ? stem : `${stem}-${n}`
    if (!(await exists(join(dir, `${candidate}${PROJECT_SUFFIX}`))) && !(await exists(join(dir, `${candidate}.files`)))) return candidate
  }
  throw new AppError(
    'ALREADY_EXISTS',
    `Every name from "${stem}" to "${stem}-9999" is taken in "${dir}". Rename some projects and open the case file again.`,
    { key: 'caseFile.namesTaken', params: { name: stem, folder: dir } },
  )
}

/**
 * Opens a case file: checks that it would not unpack to more than an import may (the zip-bomb
 * limits of the import), verifies it as `factdesk verify` does, and unpacks the project and its
 * attached files into the projects folder, never over anything there. The reports stay in the zip.
 *
 * When the project's name is taken, it is unpacked under the next free name; its attachments then
 * move with it (they live in a folder named after the project file), which changes the project, so
 * that is recorded as a history entry naming the case's head: the chain stays whole and says why.
 */
export async function openCaseFile(
  bytes: Uint8Array,
  fileName: string,
  projectsDir: string,
  meta: { author: string; at: string; publicKeyPem?: string },
  limits: ImportLimits = IMPORT_LIMITS,
): Promise<OpenedCase> {
  try {
    await checkZipSizes(bytes, fileName, limits)
  } catch (error) {
    if (error instanceof AppError && error.code === 'TOO_LARGE')
      throw new AppError(
        'TOO_LARGE',
        `"${fileName}" would unpack to more than Factdesk unpacks from one file (${limits.zipEntryBytes / 1048576} MB a file, ${limits.zipTotalBytes / 1048576} MB in all, ${limits.zipEntries.toLocaleString('en')} files): it is damaged or built to exhaust memory. Nothing was unpacked.`,
        {
          key: 'caseFile.tooLarge',
          params: {
            file: fileName,
            entryLimit: limits.zipEntryBytes / 1048576,
            totalLimit: limits.zipTotalBytes / 1048576,
            entries: limits.zipEntries,
          },
        },
      )
    throw new AppError(
      'INVALID_INPUT',
      `"${fileName}" is not a readable .zip file, so it is not a Factdesk case file. Nothing was unpacked.`,
      { key: 'caseFile.openNotZip', params: { file: fileName } },
    )
  }
  const { contents, ...report } = await verifyCaseFile(bytes, fileName, meta.publicKeyPem)
  if (!contents)
    throw new AppError('INVALID_INPUT', `"${fileName}" could not be read as a Factdesk case file. Nothing was unpacked.`, {
      key: 'caseFile.unreadable',
      params: { file: fileName },
    })
  const { manifest, zip } = contents
  const projectBytes = await zip.file(manifest.project.file)?.async('uint8array')
  if (!projectBytes || !manifest.project.file.endsWith(PROJECT_SUFFIX))
    throw new AppError(
      'INVALID_INPUT',
      `The case file "${fileName}" holds no project file at "${manifest.project.file}". Nothing was unpacked.`,
      { key: 'caseFile.noProject', params: { file: fileName, project: manifest.project.file } },
    )
  const { project } = decodeProject(projectBytes, manifest.project.file)
  const folder = dirname(manifest.project.file)
  const stem = basename(manifest.project.file, PROJECT_SUFFIX)

  await mkdir(projectsDir, { recursive: true })
  const newStem = await freeStem(projectsDir, stem)
  const path = join(projectsDir, `${newStem}${PROJECT_SUFFIX}`)
  const moved = (attachment: string): string =>
    newStem === stem ? attachment : `${newStem}.files/${attachment.slice(`${stem}.files/`.length)}`
  // Only the attached files the project names, from the zip: an unlisted extra file is never unpacked.
  for (const source of project.sources) {
    if (!source.attachment) continue
    const data = await zip.file(`${folder}/${source.attachment}`)?.async('uint8array')
    if (!data) continue
    const target = attachmentPath(path, moved(source.attachment))
    await mkdir(dirname(target), { recursive: true })
    await writeFile(target, data, { flag: 'wx' })
  }
  if (newStem === stem) {
    // Byte for byte as the case holds it, so its hash still matches the manifest.
    await writeFile(path, projectBytes, { flag: 'wx' })
    return { path, renamedFrom: null, report }
  }
  const renamed: Project = {
    ...project,
    sources: project.sources.map((s) => (s.attachment ? { ...s, attachment: moved(s.attachment) } : s)),
    history: [
      ...project.history,
      historyEntry({
        at: meta.at,
        author: meta.author,
        action: 'case.open',
        claimId: null,
        summary: `Opened from the case file ${fileName} (history head ${manifest.historyHead ?? 'none'}) as ${newStem}${PROJECT_SUFFIX}, since ${stem}${PROJECT_SUFFIX} was taken; attached files moved to ${newStem}.files.${report.intact ? '' : ` The case file did not verify when opened (${brokenLabels(report)}): this entry records the project as found, not as the case's author left it.`}`,
      }),
    ],
  }
  return { path: await writeProjectFileAt(path, renamed), renamedFrom: `${stem}${PROJECT_SUFFIX}`, report }
}
