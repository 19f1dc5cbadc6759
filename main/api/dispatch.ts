// Validates an incoming call (method name and arguments) and runs it, always returning a typed
// result value: transports never see a raw exception.
import { isApiMethod, type ApiResult } from './contract'
import { argsValidators } from './validators'
import { ApiFailure, type Handlers } from './handlers'

export async function dispatch(handlers: Handlers, method: unknown, args: unknown): Promise<ApiResult<unknown>> {
  if (!isApiMethod(method)) {
    return { ok: false, error: { code: 'bad-request', message: `unknown API method ${JSON.stringify(method)}` } }
  }
  const validated = argsValidators[method](args)
  if (typeof validated === 'string') {
    return { ok: false, error: { code: 'bad-request', message: `${method}: ${validated}` } }
  }
  try {
    const call = handlers[method] as (a: unknown) => Promise<unknown>
    return { ok: true, value: await call(validated) }
  } catch (error) {
    if (error instanceof ApiFailure) return { ok: false, error: { code: error.code, message: error.message } }
    return { ok: false, error: { code: 'internal', message: `${method} failed: ${error instanceof Error ? error.message : String(error)}` } }
  }
}
