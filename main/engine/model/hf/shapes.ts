// config.json of two public checkpoints, for benchmarks with random weights of their shapes
// (the weights cannot be downloaded here). Values as published on the Hugging Face hub.
export const HF_MODEL_SHAPES: Readonly<Record<string, Readonly<Record<string, unknown>>>> = {
  'qwen2.5-0.5b': {
    architectures: ['Qwen2ForCausalLM'],
    hidden_size: 896,
    intermediate_size: 4864,
    num_hidden_layers: 24,
    num_attention_heads: 14,
    num_key_value_heads: 2,
    vocab_size: 151936,
    max_position_embeddings: 32768,
    rope_theta: 1000000.0,
    rms_norm_eps: 1e-6,
    tie_word_embeddings: true,
    hidden_act: 'silu',
    bos_token_id: 151643,
    eos_token_id: 151643
  },
  'llama-3.2-1b': {
    architectures: ['LlamaForCausalLM'],
    hidden_size: 2048,
    intermediate_size: 8192,
    num_hidden_layers: 16,
    num_attention_heads: 32,
    num_key_value_heads: 8,
    head_dim: 64,
    vocab_size: 128256,
    max_position_embeddings: 131072,
    rope_theta: 500000.0,
    rope_scaling: {
      rope_type: 'llama3',
      factor: 32.0,
      low_freq_factor: 1.0,
      high_freq_factor: 4.0,
      original_max_position_embeddings: 8192
    },
    rms_norm_eps: 1e-5,
    tie_word_embeddings: true,
    hidden_act: 'silu',
    bos_token_id: 128000,
    eos_token_id: 128001
  }
}
