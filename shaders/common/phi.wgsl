// The feature map of linear attention (MIXERS.md §2): φ(x) = elu(x) + 1, i.e. x + 1 for x > 0 and
// e^x otherwise (always positive).

fn phi(x: f32) -> f32 { return select(exp(x), x + 1.0, x > 0.0); }
