// Scoring and export: exact match with two attempts, both task-score conventions, and the submission
// file format (recipe section 9).
export * from './types'
export { scoreTask, scoreSubmission, hasTestOutputs, type TestOutputResult, type TaskScore, type DatasetScore } from './score'
export { submissionEntry, buildSubmission, formatSubmission, writeSubmissionFile } from './write-submission'
export { validateSubmission, readSubmissionFile, type SubmissionRead } from './read-submission'
