// The ARC data layer: grids, tasks, validation, loading and summaries.
export * from './types'
export { makeGrid, gridHeight, gridWidth, gridsEqual, gridKey } from './grid'
export { validateTask, validateGrid, describeJson, type TaskValidation } from './validate'
export { parseJsonText, readJsonFile, MAX_JSON_FILE_BYTES, type JsonRead } from './read-json'
export { loadDataset, validTasks, allProblems, siblingSolutionsFile, type Dataset, type TaskEntry, type LoadOptions } from './load'
export { datasetFingerprint, taskHash, canonicalTaskText } from './fingerprint'
export { summarizeTask, compactTaskLength, compactGridLength, taskGrids, type TaskSummary } from './summary'
