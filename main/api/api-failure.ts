// A failure a handler reports as a typed error value (a code the UI can branch on and a message a
// user can act on) instead of the generic 'internal' error dispatch gives any other exception.
export type ApiFailureCode = 'not-found' | 'unsupported' | 'bad-request'

export class ApiFailure extends Error {
  constructor(
    readonly code: ApiFailureCode,
    message: string
  ) {
    super(message)
  }
}
