//! MT19937, the Mersenne Twister exactly as CPython's `_random` module runs it.
//!
//! Bit-for-bit equality with CPython depends on three details that differ from other
//! MT19937 front ends: seeding always goes through `init_by_array` (even for small
//! ints), `random()` builds a 53-bit float from two outputs (27 + 26 bits), and
//! `getrandbits(k)` fills the result 32 bits at a time from the least significant word,
//! dropping the *low* bits of the last (most significant) word.

use num_bigint::BigUint;

/// Number of 32-bit words of state.
pub const N: usize = 624;
const M: usize = 397;
const MATRIX_A: u32 = 0x9908_b0df;
const UPPER_MASK: u32 = 0x8000_0000;
const LOWER_MASK: u32 = 0x7fff_ffff;

#[derive(Clone, PartialEq, Eq)]
pub struct Mt19937 {
    state: [u32; N],
    /// Next word of `state` to temper; `N` means the block must be regenerated first.
    index: usize,
}

impl std::fmt::Debug for Mt19937 {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "Mt19937 {{ index: {}, .. }}", self.index)
    }
}

impl Mt19937 {
    /// The reference `init_genrand`: only used as the first step of `init_by_array`.
    fn init_genrand(seed: u32) -> Self {
        let mut state = [0u32; N];
        state[0] = seed;
        for i in 1..N {
            let prev = state[i - 1];
            state[i] = 1_812_433_253u32
                .wrapping_mul(prev ^ (prev >> 30))
                .wrapping_add(i as u32);
        }
        Mt19937 { state, index: N }
    }

    /// The reference `init_by_array`, which CPython uses for every seed.
    /// An empty key behaves like CPython's key of one zero word.
    pub fn from_key(key: &[u32]) -> Self {
        let zero = [0u32];
        let key = if key.is_empty() { &zero[..] } else { key };
        let mut g = Self::init_genrand(19_650_218);
        let mt = &mut g.state;
        let (mut i, mut j) = (1usize, 0usize);
        for _ in 0..N.max(key.len()) {
            let prev = mt[i - 1];
            mt[i] = (mt[i] ^ (prev ^ (prev >> 30)).wrapping_mul(1_664_525))
                .wrapping_add(key[j])
                .wrapping_add(j as u32);
            i += 1;
            j += 1;
            if i >= N {
                mt[0] = mt[N - 1];
                i = 1;
            }
            if j >= key.len() {
                j = 0;
            }
        }
        for _ in 0..N - 1 {
            let prev = mt[i - 1];
            mt[i] =
                (mt[i] ^ (prev ^ (prev >> 30)).wrapping_mul(1_566_083_941)).wrapping_sub(i as u32);
            i += 1;
            if i >= N {
                mt[0] = mt[N - 1];
                i = 1;
            }
        }
        // MSB is 1, assuring a non-zero initial array.
        mt[0] = 0x8000_0000;
        g
    }

    /// Seeds from a non-negative integer given as its 32-bit words, least significant
    /// first, as CPython's `random_seed` splits `abs(n)`.
    pub fn from_biguint(n: &BigUint) -> Self {
        Self::from_key(&n.to_u32_digits())
    }

    fn regenerate(&mut self) {
        let mt = &mut self.state;
        let mag01 = |y: u32| if y & 1 == 0 { 0 } else { MATRIX_A };
        for kk in 0..N - M {
            let y = (mt[kk] & UPPER_MASK) | (mt[kk + 1] & LOWER_MASK);
            mt[kk] = mt[kk + M] ^ (y >> 1) ^ mag01(y);
        }
        for kk in N - M..N - 1 {
            let y = (mt[kk] & UPPER_MASK) | (mt[kk + 1] & LOWER_MASK);
            mt[kk] = mt[kk + M - N] ^ (y >> 1) ^ mag01(y);
        }
        let y = (mt[N - 1] & UPPER_MASK) | (mt[0] & LOWER_MASK);
        mt[N - 1] = mt[M - 1] ^ (y >> 1) ^ mag01(y);
        self.index = 0;
    }

    /// The next tempered 32-bit output (`genrand_uint32`).
    pub fn next_u32(&mut self) -> u32 {
        if self.index >= N {
            self.regenerate();
        }
        let mut y = self.state[self.index];
        self.index += 1;
        y ^= y >> 11;
        y ^= (y << 7) & 0x9d2c_5680;
        y ^= (y << 15) & 0xefc6_0000;
        y ^ (y >> 18)
    }

    /// `random.random()`: a float in [0, 1) with 53 random bits.
    pub fn random(&mut self) -> f64 {
        let a = self.next_u32() >> 5;
        let b = self.next_u32() >> 6;
        (a as f64 * 67_108_864.0 + b as f64) * (1.0 / 9_007_199_254_740_992.0)
    }

    /// `getrandbits(k)` for `k <= 64`, consuming the same outputs as CPython.
    pub fn getrandbits_u64(&mut self, k: u32) -> u64 {
        debug_assert!(k <= 64);
        match k {
            0 => 0,
            1..=32 => u64::from(self.next_u32() >> (32 - k)),
            _ => {
                let low = u64::from(self.next_u32());
                let high = u64::from(self.next_u32() >> (64 - k));
                (high << 32) | low
            }
        }
    }

    /// `getrandbits(k)` for any `k`.
    pub fn getrandbits(&mut self, k: u64) -> BigUint {
        if k <= 64 {
            return BigUint::from(self.getrandbits_u64(k as u32));
        }
        let words = (k - 1) / 32 + 1;
        let mut digits = Vec::with_capacity(words as usize);
        let mut left = k;
        for _ in 0..words {
            let mut r = self.next_u32();
            if left < 32 {
                r >>= 32 - left;
            }
            digits.push(r);
            left = left.saturating_sub(32);
        }
        BigUint::from_slice(&digits)
    }

    /// The state words and position, the first 624 and last items of the tuple that
    /// CPython's `Random.getstate()` puts in its middle.
    pub fn state(&self) -> (&[u32; N], usize) {
        (&self.state, self.index)
    }

    /// Restores a state from `getstate()`. CPython keeps the low 32 bits of each word
    /// (the caller converts them as `PyLong_AsUnsignedLong` does) and checks only the
    /// position.
    pub fn set_state(&mut self, words: &[u32; N], index: i64) -> Result<(), super::error::PyErr> {
        if !(0..=N as i64).contains(&index) {
            return Err(super::error::PyErr::value("invalid state"));
        }
        self.state = *words;
        self.index = index as usize;
        Ok(())
    }
}
