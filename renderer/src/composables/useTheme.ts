// Light and dark themes. The choice is remembered in localStorage; until the user picks one, the
// theme follows the system's prefers-color-scheme (and its changes). The theme is applied as
// `data-theme` on <html>, where styles.css switches its CSS variables; charts re-read them.
import { inject, readonly, ref, type App, type DeepReadonly, type InjectionKey, type Ref } from 'vue'

export type Theme = 'light' | 'dark'
export const THEME_STORAGE_KEY = 'arc-ttt.theme'

export interface ThemeState {
  readonly theme: DeepReadonly<Ref<Theme>>
  toggle(): void
  set(theme: Theme): void
}

const THEME: InjectionKey<ThemeState> = Symbol('arc-ttt theme')

function storedTheme(): Theme | null {
  try {
    const value = window.localStorage.getItem(THEME_STORAGE_KEY)
    return value === 'light' || value === 'dark' ? value : null
  } catch {
    return null // storage disabled: the theme still works, it is just not remembered
  }
}

function systemTheme(media: MediaQueryList | null): Theme {
  return media?.matches ? 'dark' : 'light'
}

/** Reads the remembered or system theme and applies it at once (before mount: no flash). */
export function createTheme(root: HTMLElement = document.documentElement): ThemeState {
  const media = typeof window.matchMedia === 'function' ? window.matchMedia('(prefers-color-scheme: dark)') : null
  let chosen = storedTheme()
  const theme = ref<Theme>(chosen ?? systemTheme(media))
  const apply = (value: Theme): void => {
    // Applied here, synchronously, so watchers of `theme` (charts) read the new CSS variables.
    root.dataset.theme = value
    theme.value = value
  }
  apply(theme.value)
  media?.addEventListener('change', () => {
    if (chosen === null) apply(systemTheme(media))
  })
  const set = (value: Theme): void => {
    chosen = value
    try {
      window.localStorage.setItem(THEME_STORAGE_KEY, value)
    } catch {
      // not remembered; see storedTheme
    }
    apply(value)
  }
  return { theme: readonly(theme), set, toggle: () => set(theme.value === 'dark' ? 'light' : 'dark') }
}

export function provideTheme(app: App, state: ThemeState): void {
  app.provide(THEME, state)
}

/** The app's theme, or null outside an app that provides one. */
export function useTheme(): ThemeState | null {
  return inject(THEME, null)
}
