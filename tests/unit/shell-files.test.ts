import { join, resolve } from 'node:path'
import { pathToFileURL } from 'node:url'
import { describe, expect, it } from 'vitest'
import { projectPathsFromArgv } from '../../src/main/file-args'
import { dialogFilters, opensDirectly } from '../../src/main/file-types'

const CWD = resolve('/home/ana/news')

describe('project files on the command line', () => {
  it('picks .factdesk.json paths, resolving relative ones from the working folder', () => {
    expect(projectPathsFromArgv(['/opt/Factdesk/factdesk', 'rail.factdesk.json', '/tmp/other.factdesk.json'], CWD)).toEqual([
      join(CWD, 'rail.factdesk.json'),
      resolve('/tmp/other.factdesk.json'),
    ])
    expect(projectPathsFromArgv(['factdesk', '../archive/Old Story.FACTDESK.JSON'], CWD)).toEqual([
      resolve(CWD, '../archive/Old Story.FACTDESK.JSON'),
    ])
  })

  it('ignores flags, Chromium switches, the app path and other files', () => {
    const argv = [
      '/usr/lib/electron/electron',
      '.',
      '--no-sandbox',
      '--enable-features=Foo',
      '--user-data-dir=/tmp/x.factdesk.json',
      '--original-process-start-time=1',
      '-psn_0_12345',
      'notes.json',
      'story.factdesk.json.bak',
      'report.html',
    ]
    expect(projectPathsFromArgv(argv, CWD)).toEqual([])
  })

  it('accepts the file:// URLs Linux launchers pass, and lists a file once', () => {
    const file = resolve('/home/ana/Factdesk/a b.factdesk.json')
    expect(projectPathsFromArgv(['factdesk', pathToFileURL(file).href, file, 'file://%zz.factdesk.json'], CWD)).toEqual([file])
  })
})

describe('attachments the system may open directly', () => {
  it('are documents, images, audio and video, whatever the case of the extension', () => {
    for (const name of ['source.pdf', 'Screenshot.PNG', 'minutes.docx', 'page.html', 'interview.mp3', 'clip.mp4', 'data.csv']) {
      expect(opensDirectly(`/p/story.files/${name}`), name).toBe(true)
    }
  })

  it('are never programs, scripts, shortcuts, macro documents or unknown types', () => {
    for (const name of [
      'setup.exe',
      'run.bat',
      'x.cmd',
      'x.ps1',
      'x.vbs',
      'x.js',
      'x.jar',
      'x.sh',
      'x.desktop',
      'x.app',
      'x.lnk',
      'x.url',
      'x.scr',
      'x.msi',
      'x.docm',
      'x.AppImage',
      'noextension',
      'x.pdf.exe',
    ]) {
      expect(opensDirectly(`/p/story.files/${name}`), name).toBe(false)
    }
  })
})

describe('dialog filters', () => {
  const filters = [{ name: 'Factdesk project', extensions: ['factdesk.json'] }]

  it('keep double extensions where the system matches them', () => {
    expect(dialogFilters(filters, 'linux')).toEqual(filters)
    expect(dialogFilters(filters, 'win32')).toEqual(filters)
  })

  it('use the last extension on macOS, which matches nothing else', () => {
    expect(dialogFilters([...filters, { name: 'Reports', extensions: ['html', 'report.html'] }], 'darwin')).toEqual([
      { name: 'Factdesk project', extensions: ['json'] },
      { name: 'Reports', extensions: ['html'] },
    ])
  })
})
