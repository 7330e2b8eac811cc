// The FFT passes' view of one axis (MIXERS.md §10), for the fft plan's uniform layout
// `struct Params { L, d, md, mL, bitsD, bitsL: u32 }`: along d (AXIS 0: one transform per token)
// or along L (AXIS 1: one per channel); m = 2^bits is the radix-2 length (the Bluestein
// convolution length where n is not a power of two, else n).

override AXIS: u32 = 0u;

fn lengthN() -> u32 { return select(params.d, params.L, AXIS == 1u); }
fn lengthM() -> u32 { return select(params.md, params.mL, AXIS == 1u); }
fn bitsM() -> u32 { return select(params.bitsD, params.bitsL, AXIS == 1u); }
fn transforms() -> u32 { return select(params.L, params.d, AXIS == 1u); }

/** i with its lowest `bits` bits reversed (the radix-2 input order); bits = 0 maps 0 to 0. */
fn reverse(i: u32, bits: u32) -> u32 {
  if (bits == 0u) { return 0u; }
  return reverseBits(i) >> (32u - bits);
}
