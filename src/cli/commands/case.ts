import { mkdir, readFile, writeFile } from 'node:fs/promises'
import { join, resolve } from 'node:path'
import type { Command } from 'commander'
import { buildCaseFile, defaultCaseName, generateSigningKeys, readKeyFile } from '@engine/evidence/case-file'
import { writeFileAtomic } from '@engine/fs/durable'
import { defaultConfigDir } from '@engine/paths'
import { readProjectFile } from '@engine/project-store'
import { SettingsStore } from '@engine/settings'
import { AppError } from '@domain/errors'
import { loadCatalogues } from '@engine/catalogues'
import { translatorFor } from '@contract/i18n/translator'
import { RESOURCES_DIR, type CliIo } from '../io'

export function registerCase(program: Command, io: CliIo): void {
  program
    .command('case')
    .description(
      'write the portable case file: one .zip with the project, its attached files, the reports and a MANIFEST.json of SHA-256 hashes',
    )
    .argument('<file>', 'the project file (.factdesk.json)')
    .option('-o, --output <path>', 'where to write the .zip; default: <project>.case.zip next to the project')
    .option('--sign-key <path>', "the organisation's Ed25519 private key (PEM) to sign the manifest with (see factdesk keygen)")
    .action(async (file: string, options: { output?: string; signKey?: string }) => {
      const path = resolve(io.cwd, file)
      const { project } = await readProjectFile(path)
      const settings = await new SettingsStore(defaultConfigDir(io.env)).get()
      const bytes = await buildCaseFile(path, project, await readFile(path, 'utf8'), {
        report: {
          claims: 'accepted',
          includeArticle: true,
          organisation: { name: settings.organisationName, url: settings.organisationUrl, logo: settings.organisationLogo },
          generatedAt: new Date().toISOString(),
          // The case file's reports are the record of the check: in English, the language every desk's tools read.
          translator: translatorFor(loadCatalogues(RESOURCES_DIR), 'en'),
        },
        export: { env: io.env, log: (line) => io.stderr(`${line}\n`) },
        ...(options.signKey
          ? { privateKeyPem: readKeyFile(await readFile(resolve(io.cwd, options.signKey)), options.signKey, 'private') }
          : {}),
      })
      const target = options.output ? resolve(io.cwd, options.output) : defaultCaseName(path)
      await writeFileAtomic(target, bytes)
      io.stdout(`${target}\n`)
    })
}

export function registerKeygen(program: Command, io: CliIo): void {
  program
    .command('keygen')
    .description("make an organisation's Ed25519 key pair for signing case files; keep the private key outside any project folder")
    .requiredOption('--out <dir>', 'the folder to write factdesk-signing.key (private) and factdesk-signing.pub (public) into')
    .action(async (options: { out: string }) => {
      const dir = resolve(io.cwd, options.out)
      await mkdir(dir, { recursive: true })
      const keys = generateSigningKeys()
      const privatePath = join(dir, 'factdesk-signing.key')
      try {
        await writeFile(privatePath, keys.privateKeyPem, { flag: 'wx', mode: 0o600 })
      } catch {
        throw new AppError('ALREADY_EXISTS', `"${privatePath}" already exists; a signing key is never overwritten. Choose another folder.`)
      }
      await writeFile(join(dir, 'factdesk-signing.pub'), keys.publicKeyPem, { flag: 'wx' })
      io.stdout(`${privatePath}\n${join(dir, 'factdesk-signing.pub')}\n`)
    })
}
