import { useEffect } from 'react'
import { Notices } from './components/Notices'
import { ProjectScreen } from './features/article/ProjectScreen'
import { CaseOpenDialog } from './features/evidence/CaseOpenDialog'
import { useFileDrop } from './hooks/useFileDrop'
import { useRoute } from './hooks/useRoute'
import { useShellCommands } from './hooks/useShellCommands'
import { useUnsavedGuard } from './hooks/useUnsavedGuard'
import { HomeScreen } from './features/library/HomeScreen'
import { ImportProgress } from './features/library/ImportProgress'
import { useApp } from './store'

export function App() {
  const boot = useApp((s) => s.boot)
  const current = useApp((s) => s.current)
  useEffect(() => {
    void boot()
  }, [boot])
  useFileDrop()
  useShellCommands()
  useUnsavedGuard()
  useRoute()
  return (
    <>
      {current ? <ProjectScreen opened={current} /> : <HomeScreen />}
      <ImportProgress />
      <CaseOpenDialog />
      <Notices />
    </>
  )
}
