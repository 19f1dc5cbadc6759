// Globals of the renderer: the Electron preload's API object and Vue single-file components.
import type { ApiClient } from '../../main/api/contract'
import type { HostEventSource } from '../../main/api/runs-contract'

declare global {
  interface Window {
    /** Exposed by the Electron preload (preload/index.ts); absent in browser mode. */
    readonly arcTtt?: ApiClient & HostEventSource
  }
}

declare module '*.vue' {
  import type { DefineComponent } from 'vue'
  const component: DefineComponent<object, object, unknown>
  export default component
}
