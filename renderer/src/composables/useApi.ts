// Access to the wire API for components: one session per app, provided at mount (main.ts). A
// refusal by the server (wrong or missing token) is remembered, so the whole page can show it.
import { inject, shallowRef, type App, type InjectionKey, type Ref } from 'vue'
import type { ApiArgs, ApiClient, ApiError, ApiMethod, ApiResult, ApiResultValue } from '../../../main/api/contract'

export interface ApiSession {
  call<M extends ApiMethod>(method: M, args: ApiArgs<M>): Promise<ApiResult<ApiResultValue<M>>>
  /** The server's refusal, once a call came back `unauthorized`; null while access works. */
  readonly refused: Readonly<Ref<ApiError | null>>
}

const API_SESSION: InjectionKey<ApiSession> = Symbol('arc-ttt api session')

export function createApiSession(client: ApiClient): ApiSession {
  const refused = shallowRef<ApiError | null>(null)
  const call = async <M extends ApiMethod>(method: M, args: ApiArgs<M>): Promise<ApiResult<ApiResultValue<M>>> => {
    let result: ApiResult<ApiResultValue<M>>
    try {
      result = await (client[method] as (a: ApiArgs<M>) => Promise<ApiResult<ApiResultValue<M>>>)(args)
    } catch (error) {
      // The transports return errors as values; a rejection means the transport itself broke.
      result = { ok: false, error: { code: 'internal', message: `${method} failed: ${error instanceof Error ? error.message : String(error)}` } }
    }
    if (!result.ok && result.error.code === 'unauthorized') refused.value = result.error
    return result
  }
  return { call, refused }
}

export function provideApi(app: App, client: ApiClient): void {
  app.provide(API_SESSION, createApiSession(client))
}

export function useApi(): ApiSession {
  const session = inject(API_SESSION)
  if (!session) throw new Error('useApi() needs provideApi(app, client) at mount (see main.ts)')
  return session
}
