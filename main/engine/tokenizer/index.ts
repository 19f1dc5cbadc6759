// The compact ARC tokenizer: vocabulary, encoding with per-token 2D information, and decoding.
export { TOKEN, VOCAB_SIZE, ROLE, ROLE_COUNT, NO_POSITION, POSITION_VALUES, isColourToken, type Role } from './vocab'
export {
  encodeGrid,
  encodeExamples,
  encodeTask,
  padTo,
  advanceCursor,
  GRID_START,
  type ExampleToEncode,
  type EncodedSequence,
  type GridSpan,
  type GridCursor
} from './encode'
export { decodeGrid, type DecodedGrid, type DecodeFailure } from './decode'
