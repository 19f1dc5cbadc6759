// Learning-rate schedule: linear warmup, then cosine decay to zero (recipe section 5: cosine with
// 10% warmup). Steps are 1-based.
export function learningRateAt(step: number, totalSteps: number, peak: number, warmupFraction: number): number {
  const warmup = Math.max(1, Math.round(totalSteps * warmupFraction))
  if (step <= warmup) return (peak * step) / warmup
  const progress = (step - warmup) / Math.max(1, totalSteps - warmup)
  return peak * 0.5 * (1 + Math.cos(Math.PI * Math.min(1, progress)))
}
