/**
 * Every channel of the API, `domain:verb`. Kept apart from the schemas in api.ts so the sandboxed
 * preload can build `window.factdesk` without bundling zod; api.ts is checked against this list.
 */
export const CHANNELS = [
  'app:info',
  'app:sample',
  'settings:get',
  'settings:set',
  'project:create',
  'project:importFile',
  'project:importText',
  'project:importProgress',
  'project:cancelImport',
  'project:open',
  'project:list',
  'project:close',
  'project:awaitSave',
  'project:checkDisk',
  'project:reload',
  'project:takeOver',
  'project:restoreRecovery',
  'project:discardRecovery',
  'project:saveCopy',
  'project:rename',
  'project:duplicate',
  'project:delete',
  'project:trash',
  'project:restore',
  'project:recent',
  'project:updateArticle',
  'project:undo',
  'project:redo',
  'claim:create',
  'claim:accept',
  'claim:dismiss',
  'claim:setStatus',
  'claim:setVerdict',
  'claim:update',
  'claim:merge',
  'claim:split',
  'claim:adjust',
  'source:add',
  'source:update',
  'source:delete',
  'source:attach',
  'source:detach',
  'source:attachFile',
  'source:openAttachment',
  'scale:presets',
  'scale:set',
  'app:chooseProject',
  'app:chooseImportFile',
  'report:render',
  'report:save',
  'report:setPublication',
] as const

export type Channel = (typeof CHANNELS)[number]

export function isChannel(value: unknown): value is Channel {
  return typeof value === 'string' && (CHANNELS as readonly string[]).includes(value)
}
