// Runtime validators of every wire-API method's arguments, used by dispatch before any handler
// runs. Node side only: the run methods' validators check config values with the engine's parser.
import type { ApiArgs, ApiMethod } from './contract'
import { runArgsValidators } from './runs-validators'
import { MAX_PATH_LENGTH, MAX_ID_LENGTH, noArgs, objectArg, stringArg, validator } from './validate-helpers'

export type ArgsValidator<M extends ApiMethod> = (raw: unknown) => ApiArgs<M> | string

export const argsValidators: { [M in ApiMethod]: ArgsValidator<M> } = {
  appInfo: noArgs,
  listDatasets: noArgs,
  pickFolder: noArgs,
  openDataset: validator((raw) => ({ path: stringArg(objectArg(raw, '', ['path']).path, 'path', { maxLength: MAX_PATH_LENGTH }) })),
  getTask: validator((raw) => {
    const obj = objectArg(raw, '', ['path', 'taskId'])
    return { path: stringArg(obj.path, 'path', { maxLength: MAX_PATH_LENGTH }), taskId: stringArg(obj.taskId, 'taskId', { maxLength: MAX_ID_LENGTH }) }
  }),
  ...runArgsValidators
}
