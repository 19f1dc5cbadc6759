// File-system errors in words: "no such file or folder" rather than Node's bare ENOENT, so every
// caller (validate, tasks, run, the dataset chooser) says the same readable thing.

const WORDS: Readonly<Record<string, string>> = {
  ENOENT: 'no such file or folder',
  EACCES: 'permission denied',
  EPERM: 'permission denied',
  ENOTDIR: 'a part of the path is a file, not a folder',
  EISDIR: 'a folder where a file was expected',
  ELOOP: 'too many symbolic links'
}

/** The error's cause in words, with the system's code in brackets for a search; any other error's message. */
export function describeFileError(error: unknown): string {
  const code = (error as NodeJS.ErrnoException | undefined)?.code
  if (code !== undefined && code in WORDS) return `${WORDS[code]} (${code})`
  return error instanceof Error ? error.message : String(error)
}
