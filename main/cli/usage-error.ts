// A usage error: bad flags or arguments. The CLI prints its message and the help, exit code 2.
export class UsageError extends Error {}

export const EXIT_OK = 0
export const EXIT_FAILURE = 1
export const EXIT_USAGE = 2
