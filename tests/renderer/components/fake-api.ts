// A fake wire API for component tests: each method answers from a handler the test gives (or fails
// with `unsupported`), every call is recorded, and host events are pushed by hand. Mounting goes
// through the app's own provide functions, as main.ts does.
import { mount, type ComponentMountingOptions } from '@vue/test-utils'
import { flushPromises } from '@vue/test-utils'
import type { Component } from 'vue'
import { createRouter, createMemoryHistory, type Router } from 'vue-router'
import type { ApiArgs, ApiClient, ApiMethod, ApiResult, ApiResultValue } from '../../../main/api/contract'
import type { HostEvent, HostEventSource } from '../../../main/api/runs-contract'
import { provideApi } from '../../../renderer/src/composables/useApi'
import { provideHostEvents } from '../../../renderer/src/composables/useHostEvents'

export type FakeHandlers = { [M in ApiMethod]?: (args: ApiArgs<M>) => ApiResult<ApiResultValue<M>> | ApiResultValue<M> }

export interface FakeApi {
  readonly client: ApiClient
  readonly calls: { method: ApiMethod; args: unknown }[]
  readonly events: HostEventSource & { push(event: HostEvent): void }
  /** The calls of one method, their arguments in order. */
  argsOf<M extends ApiMethod>(method: M): ApiArgs<M>[]
}

const isResult = (value: unknown): value is ApiResult<unknown> =>
  typeof value === 'object' && value !== null && 'ok' in value && typeof (value as { ok: unknown }).ok === 'boolean'

export function fakeApi(handlers: FakeHandlers): FakeApi {
  const calls: { method: ApiMethod; args: unknown }[] = []
  const client = new Proxy({} as ApiClient, {
    get: (_target, method: string) => async (args: unknown) => {
      calls.push({ method: method as ApiMethod, args })
      const handler = handlers[method as ApiMethod] as ((a: unknown) => unknown) | undefined
      if (!handler) return { ok: false, error: { code: 'unsupported', message: `${method} is not faked` } }
      const answer = handler(args)
      return isResult(answer) ? answer : { ok: true, value: answer }
    }
  })
  const listeners = new Set<(event: HostEvent) => void>()
  const events = {
    subscribe(listener: (event: HostEvent) => void) {
      listeners.add(listener)
      return () => void listeners.delete(listener)
    },
    push: (event: HostEvent) => listeners.forEach((l) => l(event))
  }
  const argsOf = <M extends ApiMethod>(method: M) => calls.filter((c) => c.method === method).map((c) => c.args as ApiArgs<M>)
  return { client, calls, events, argsOf }
}

/** A router with the app's route names, each a blank page but the one under test. */
export function testRouter(): Router {
  const blank = { template: '<div />' }
  return createRouter({
    history: createMemoryHistory(),
    routes: ['tasks', 'adapt', 'runs', 'compare'].map((name) => ({ path: `/${name}`, name, component: blank })).concat([
      { path: '/task/:taskId', name: 'task', component: blank }
    ])
  })
}

/** Mounts a component with the fake API, its events and a router at `path`; waits for the first calls to settle. */
export async function mountWithApi<C extends Component>(
  component: C,
  api: FakeApi,
  path: string,
  options: ComponentMountingOptions<C> = {}
) {
  const router = testRouter()
  await router.push(path)
  await router.isReady()
  const plugin = { install: (app: Parameters<typeof provideApi>[0]) => (provideApi(app, api.client), provideHostEvents(app, api.events)) }
  const global = { plugins: [router, plugin], ...(options.global ?? {}) }
  const wrapper = mount(component, { ...options, global, attachTo: document.body } as ComponentMountingOptions<C>)
  await flushPromises()
  return { wrapper, router }
}
