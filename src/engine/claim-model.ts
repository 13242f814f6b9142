import { readFile } from 'node:fs/promises'
import { join } from 'node:path'
import { CheckworthinessModelSchema, type CheckworthinessModel } from '@domain/claims/model'
import { AppError } from '@domain/errors'

/** Where the model sits inside the resources folder. */
export const CHECKWORTHINESS_MODEL = join('models', 'checkworthiness.json')

const loaded = new Map<string, Promise<CheckworthinessModel>>()

/** Reads and validates the shipped check-worthiness model, once per file. */
export function loadCheckworthinessModel(resourcesDir: string): Promise<CheckworthinessModel> {
  const file = join(resourcesDir, CHECKWORTHINESS_MODEL)
  let model = loaded.get(file)
  if (!model) {
    model = readModel(file)
    loaded.set(file, model)
    model.catch(() => loaded.delete(file))
  }
  return model
}

async function readModel(file: string): Promise<CheckworthinessModel> {
  let raw: string
  try {
    raw = await readFile(file, 'utf8')
  } catch (error) {
    throw new AppError(
      'NOT_FOUND',
      `The check-worthiness model is missing from this installation ("${file}"): ${(error as Error).message}. Reinstall Factdesk.`,
      { key: 'install.missing', params: { file } },
    )
  }
  let json: unknown
  try {
    json = JSON.parse(raw)
  } catch (error) {
    throw new AppError(
      'INTERNAL',
      `The check-worthiness model "${file}" is not valid JSON (${(error as Error).message}). Reinstall Factdesk.`,
      { key: 'install.damaged', params: { file } },
    )
  }
  const parsed = CheckworthinessModelSchema.safeParse(json)
  if (!parsed.success) {
    const issue = parsed.error.issues[0]
    const where = issue?.path.length ? issue.path.join('.') : 'the file'
    throw new AppError(
      'INTERNAL',
      `The check-worthiness model "${file}" is not one this version can read (${where}: ${issue?.message ?? 'invalid'}). Reinstall Factdesk.`,
      { key: 'install.damaged', params: { file } },
    )
  }
  return parsed.data
}
