import js from '@eslint/js'
import reactHooks from 'eslint-plugin-react-hooks'
import reactRefresh from 'eslint-plugin-react-refresh'
import globals from 'globals'
import i18next from 'eslint-plugin-i18next'
import tseslint from 'typescript-eslint'

/** Text with no letters (×, →, "·", "3 / 7") needs no translation: the lint's whole allow-list of words, with key names. */
const SYMBOLS_ONLY = '^[\\s\\d.,:;!?()\\[\\]{}\'"“”‘’«»…·×→←↑↓◂▸⌘⇧⌥+\\-–—/|<>=*#%&@~^_]*$'

/** A layer's import rules: which other layers it must not import, and whether Node or Electron are allowed. */
function layer(files, { node, electron = false, forbidden, why }) {
  const patterns = forbidden.map((part) => ({
    regex: part.startsWith('@') ? `^${part}(/|$)` : part.replaceAll('/', '\\/'),
    message: why,
  }))
  if (!node) patterns.push({ regex: '^node:', message: why })
  return {
    files: [files],
    rules: {
      'no-restricted-imports': [
        'error',
        { paths: [...(electron ? [] : [{ name: 'electron', message: why }]), ...(node ? [] : ['fs', 'path'])], patterns },
      ],
    },
  }
}

export default tseslint.config(
  { ignores: ['out', 'dist', 'node_modules', 'test-results', 'playwright-report', '.tmp'] },
  js.configs.recommended,
  ...tseslint.configs.strictTypeChecked.map((config) => ({ ...config, files: ['**/*.{ts,tsx}'] })),
  {
    files: ['**/*.{ts,tsx}'],
    languageOptions: {
      parserOptions: { projectService: true, tsconfigRootDir: import.meta.dirname },
    },
    rules: {
      '@typescript-eslint/restrict-template-expressions': ['error', { allowNumber: true }],
      '@typescript-eslint/no-confusing-void-expression': 'off',
      '@typescript-eslint/no-unnecessary-condition': ['error', { allowConstantLoopConditions: true }],
      // Dropping a field by destructuring it out of a rest copy is deliberate.
      '@typescript-eslint/no-unused-vars': ['error', { ignoreRestSiblings: true }],
    },
  },
  {
    // Tests assert on known data: non-null assertions and async callbacks without await are fine there.
    files: ['tests/**/*.ts', 'bench/**/*.ts'],
    rules: {
      '@typescript-eslint/no-non-null-assertion': 'off',
      '@typescript-eslint/require-await': 'off',
    },
  },
  {
    files: ['src/renderer/**/*.{ts,tsx}'],
    languageOptions: { globals: globals.browser },
    plugins: { 'react-hooks': reactHooks, 'react-refresh': reactRefresh },
    rules: {
      ...reactHooks.configs.recommended.rules,
      'react-refresh/only-export-components': ['warn', { allowConstantExport: true }],
    },
  },
  {
    files: ['**/*.{js,mjs,cjs}', 'scripts/**', 'bin/**'],
    languageOptions: { globals: globals.node },
  },
  // Every word a checker reads comes from resources/locales (docs/i18n.md): literal text in JSX
  // (children and the attributes people read: aria-label, title, placeholder, alt, labels) fails the lint.
  {
    files: ['src/renderer/**/*.tsx'],
    plugins: { i18next },
    rules: {
      'i18next/no-literal-string': [
        'error',
        {
          mode: 'jsx-only',
          // A key cap (<kbd>A</kbd>) names the key, which is the same in every language.
          'jsx-components': { exclude: ['^kbd$', '^Trans$'] },
          'jsx-attributes': { include: ['^aria-label$', '^title$', '^placeholder$', '^alt$', '^label$', 'Label$'] },
          // The allow-list: symbols, digits and key names, never words.
          words: { exclude: [SYMBOLS_ONLY, '^(Factdesk|URL|Ctrl|Shift|Alt|Esc|Enter|Tab)$', '^https?://\\S*$'] },
        },
      ],
    },
  },
  // The shell's menus and dialogs: the strings handed to Electron as labels, titles, messages and buttons.
  {
    files: ['src/main/**/*.ts'],
    plugins: { i18next },
    rules: {
      'i18next/no-literal-string': [
        'error',
        {
          mode: 'all',
          // What Electron shows: these properties anywhere, and the arguments of the calls that open dialogs or make menu items.
          'object-properties': { include: ['^(label|title|message|detail|buttons|toolTip|sublabel|checkboxLabel)$'] },
          callees: { include: ['^(showErrorBox|showMessageBox|showMessageBoxSync|showMessage|showSaveDialog|showOpenDialog|command)$'] },
          words: { exclude: ['^Factdesk$', SYMBOLS_ONLY] },
        },
      ],
    },
  },
  // Layering (docs/architecture.md): dependencies point down only.
  // renderer → contract, domain; preload → contract; main → engine, contract, domain;
  // cli → engine, contract, domain; engine → contract, domain; contract → domain; domain → nothing.
  layer('src/domain/**/*.ts', {
    node: false,
    forbidden: ['@contract', '@engine', '/main/', '/cli/', '/renderer/', '/preload/'],
    why: 'src/domain is pure TypeScript: no Node built-ins, no Electron, and it imports no other layer.',
  }),
  layer('src/contract/**/*.ts', {
    node: false,
    forbidden: ['@engine', '/main/', '/cli/', '/renderer/', '/preload/'],
    why: 'src/contract is shared by every process: it may import only src/domain.',
  }),
  layer('src/engine/**/*.ts', {
    node: true,
    forbidden: ['/main/', '/cli/', '/renderer/', '/preload/'],
    why: 'The engine is shared by every edition: it never reaches into the shell, the CLI or the UI.',
  }),
  layer('src/cli/**/*.ts', {
    node: true,
    forbidden: ['/main/', '/renderer/', '/preload/'],
    why: 'The CLI runs the engine directly, never the Electron shell or the UI.',
  }),
  layer('src/main/**/*.ts', {
    node: true,
    electron: true,
    forbidden: ['/cli/', '/renderer/'],
    why: 'The Electron shell reaches the UI only through IPC.',
  }),
  layer('src/preload/**/*.ts', {
    node: true,
    electron: true,
    forbidden: ['@engine', '@domain', '/main/', '/cli/', '/renderer/'],
    why: 'The sandboxed preload only builds window.factdesk from the contract.',
  }),
  layer('src/renderer/**/*.{ts,tsx}', {
    node: false,
    forbidden: ['@engine', '/main/', '/cli/', '/preload/'],
    why: 'The renderer talks to the rest only through the API (window.factdesk).',
  }),
)
