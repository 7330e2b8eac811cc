// The per-token gate g_t of structured-mask attention's scan (MIXERS.md §4): 1 for the causal mask
// (mask 0), λ for decay (mask 1), a_t for the selective mask (mask 2). Reads the including file's
// `params` (the plan's layout, with `mask` and `lambda`) and `a` by these names.

fn gate(t: u32) -> f32 {
  if (params.mask == 2u) { return a[t]; }
  return select(1.0, params.lambda, params.mask == 1u);
}
