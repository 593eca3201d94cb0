//! `random.Random`: CPython 3.11's `random.py` algorithms over [`Mt19937`].
//!
//! Every method consumes generator outputs in exactly CPython's order, so a program
//! seeded the same way sees the same numbers. Methods that pick from a sequence take
//! its length and return indices; the VM applies them to the Python object (which also
//! lets the VM raise CPython's per-type `IndexError` messages where CPython would).

use num_bigint::{BigInt, BigUint, Sign};
use num_integer::Integer;
use num_traits::{One, Signed, ToPrimitive};
use sha2::{Digest, Sha512};

use super::error::{PyErr, Res};
use super::mt19937::{Mt19937, N};

const TWOPI: f64 = 2.0 * std::f64::consts::PI;

/// `4 * exp(-0.5) / sqrt(2.0)`, computed at first use exactly as `random.py` does.
fn nv_magicconst() -> f64 {
    4.0 * (-0.5f64).exp() / 2.0f64.sqrt()
}
/// `log(4.0)`.
fn log4() -> f64 {
    4.0f64.ln()
}
/// `1.0 + log(4.5)`.
fn sg_magicconst() -> f64 {
    1.0 + 4.5f64.ln()
}

/// What `Random.seed(a)` was given, after the VM looked at the Python type.
#[derive(Debug, Clone, Copy)]
pub enum Seed<'a> {
    /// `None`: seed from OS entropy (or the time if that fails).
    None,
    /// An `int` (or `bool`/int subclass): all bits of `abs(a)` are used.
    Int(&'a BigInt),
    /// A `str` (its UTF-8 for version 2, its code points for version 1).
    Str(&'a str),
    /// `bytes` or `bytearray`. For version 1 CPython treats only `bytes` this way: the
    /// VM passes a `bytearray` with version 1 as `Hash` (i.e. raises unhashable).
    Bytes(&'a [u8]),
    /// Anything else hashable (float, or str/bytes with a version other than 1 and 2):
    /// the value of `hash(a)`, reinterpreted as unsigned as CPython's C code does.
    Hash(i64),
}

/// Python's float `%`: the result takes the sign of the divisor.
pub fn py_float_mod(x: f64, y: f64) -> Res<f64> {
    if y == 0.0 {
        return Err(PyErr::zero_div("float modulo"));
    }
    let m = x % y;
    Ok(if m != 0.0 {
        if (y < 0.0) != (m < 0.0) { m + y } else { m }
    } else {
        0.0f64.copysign(y)
    })
}

/// Python's float true division.
pub fn py_float_div(x: f64, y: f64) -> Res<f64> {
    if y == 0.0 {
        return Err(PyErr::zero_div("float division by zero"));
    }
    Ok(x / y)
}

/// The result of Python's `float ** float`.
#[derive(Debug, Clone, Copy, PartialEq)]
pub enum FloatPow {
    Real(f64),
    /// A negative base raised to a non-integer power: CPython returns a complex number
    /// (computed by `complex.__pow__`); the VM must compute that itself.
    Complex,
}

/// Python's `float.__pow__` (floatobject.c `float_pow`), with its special cases and
/// errors.
pub fn py_float_pow(iv: f64, iw: f64) -> Res<FloatPow> {
    use FloatPow::Real;
    let is_odd_int = |w: f64| w.is_finite() && (w % 2.0).abs() == 1.0;
    if iw == 0.0 {
        return Ok(Real(1.0));
    }
    if iv.is_nan() {
        return Ok(Real(iv));
    }
    if iw.is_nan() {
        return Ok(Real(if iv == 1.0 { 1.0 } else { iw }));
    }
    if iw.is_infinite() {
        let av = iv.abs();
        return Ok(Real(if av == 1.0 {
            1.0
        } else if (iw > 0.0) == (av > 1.0) {
            iw.abs()
        } else {
            0.0
        }));
    }
    if iv.is_infinite() {
        let odd = is_odd_int(iw);
        return Ok(Real(if iw > 0.0 {
            if odd { iv } else { iv.abs() }
        } else if odd {
            0.0f64.copysign(iv)
        } else {
            0.0
        }));
    }
    if iv == 0.0 {
        if iw < 0.0 {
            return Err(PyErr::zero_div("0.0 cannot be raised to a negative power"));
        }
        return Ok(Real(if is_odd_int(iw) { iv } else { 0.0 }));
    }
    let mut base = iv;
    let mut negate = false;
    if iv < 0.0 {
        if iw != iw.floor() {
            return Ok(FloatPow::Complex);
        }
        base = -iv;
        negate = is_odd_int(iw);
    }
    if base == 1.0 {
        return Ok(Real(if negate { -1.0 } else { 1.0 }));
    }
    let r = base.powf(iw);
    if r.is_infinite() {
        return Err(PyErr::overflow("(34, 'Numerical result out of range')"));
    }
    Ok(Real(if negate { -r } else { r }))
}

fn real_pow(x: f64, y: f64) -> Res<f64> {
    match py_float_pow(x, y)? {
        FloatPow::Real(r) => Ok(r),
        // Only reachable with a negative base, which the distributions never form
        // from valid arguments; CPython would go on with a complex number and fail
        // later, so report it as the nearest Python-visible failure.
        FloatPow::Complex => Err(PyErr::type_error("must be real number, not complex")),
    }
}

/// Where a generator's bits come from.
// The Twister is the variant in use nearly always; boxing it would add an indirection
// to every draw to save space in the rare SystemRandom.
#[allow(clippy::large_enum_variant)]
#[derive(Debug, Clone, PartialEq)]
enum Source {
    /// `random.Random`: the Mersenne Twister, reproducible from a seed.
    Mt(Mt19937),
    /// `random.SystemRandom`: fresh OS entropy for every draw, as CPython reads
    /// `os.urandom`.
    Os,
}

impl Source {
    fn random(&mut self) -> f64 {
        match self {
            Source::Mt(mt) => mt.random(),
            Source::Os => {
                // `(int.from_bytes(urandom(7)) >> 3) * RECIP_BPF`
                let b = os_bytes(7);
                let x = b.iter().fold(0u64, |acc, &c| (acc << 8) | u64::from(c));
                (x >> 3) as f64 * (1.0 / 9_007_199_254_740_992.0)
            }
        }
    }

    fn getrandbits_u64(&mut self, k: u32) -> u64 {
        match self {
            Source::Mt(mt) => mt.getrandbits_u64(k),
            Source::Os => self.getrandbits(u64::from(k)).to_u64().unwrap_or(0),
        }
    }

    fn getrandbits(&mut self, k: u64) -> BigUint {
        match self {
            Source::Mt(mt) => mt.getrandbits(k),
            Source::Os => {
                // `int.from_bytes(urandom(numbytes)) >> (numbytes * 8 - k)`
                let numbytes = k.div_ceil(8);
                let x = BigUint::from_bytes_be(&os_bytes(numbytes as usize));
                x >> (numbytes * 8 - k)
            }
        }
    }
}

/// `random.Random` (or `SystemRandom`): the bit source plus the cached second normal
/// deviate of `gauss`.
#[derive(Debug, Clone, PartialEq)]
pub struct Random {
    src: Source,
    gauss_next: Option<f64>,
}

/// The tuple `Random.getstate()` returns: `(3, (*words, index), gauss_next)`.
#[derive(Debug, Clone, PartialEq)]
pub struct State {
    pub words: [u32; N],
    pub index: usize,
    pub gauss_next: Option<f64>,
}

/// The state version CPython 3.11 writes.
pub const STATE_VERSION: i64 = 3;

impl Random {
    /// A generator seeded like `random.Random(seed)`.
    pub fn new(seed: Seed<'_>, version: i64) -> Res<Self> {
        let mut r = Random {
            src: Source::Mt(Mt19937::from_key(&[0])),
            gauss_next: None,
        };
        r.seed(seed, version)?;
        Ok(r)
    }

    /// A `random.SystemRandom`: no state, every draw from the OS.
    pub fn system() -> Self {
        Random {
            src: Source::Os,
            gauss_next: None,
        }
    }

    /// Is this a `SystemRandom` (which has no state to seed, get or set)?
    pub fn is_system(&self) -> bool {
        self.src == Source::Os
    }

    /// `Random.seed(a, version)`.
    pub fn seed(&mut self, seed: Seed<'_>, version: i64) -> Res<()> {
        let mt = match seed {
            Seed::None => Mt19937::from_key(&os_entropy()),
            Seed::Int(n) => Mt19937::from_biguint(n.magnitude()),
            Seed::Str(s) if version == 1 => {
                Mt19937::from_biguint(&BigUint::from(version1_hash(s.chars().map(u32::from))))
            }
            Seed::Bytes(b) if version == 1 => {
                Mt19937::from_biguint(&BigUint::from(version1_hash(b.iter().map(|&c| c.into()))))
            }
            Seed::Str(s) => Mt19937::from_biguint(&version2_int(s.as_bytes())),
            Seed::Bytes(b) => Mt19937::from_biguint(&version2_int(b)),
            Seed::Hash(h) => Mt19937::from_biguint(&BigUint::from(h as u64)),
        };
        self.src = Source::Mt(mt);
        self.gauss_next = None;
        Ok(())
    }

    /// The state, or `None` for a `SystemRandom`.
    pub fn getstate(&self) -> Option<State> {
        let Source::Mt(mt) = &self.src else {
            return None;
        };
        let (words, index) = mt.state();
        Some(State {
            words: *words,
            index,
            gauss_next: self.gauss_next,
        })
    }

    /// `Random.setstate` for a version-3 (or, after the caller reduced each word
    /// modulo 2**32, version-2) state. The caller checks the version
    /// ([`bad_state_version`]) and that the middle item is a tuple of 625 ints.
    pub fn setstate(&mut self, words: &[u32; N], index: i64, gauss_next: Option<f64>) -> Res<()> {
        let mut mt = Mt19937::from_key(&[0]);
        mt.set_state(words, index)?;
        self.src = Source::Mt(mt);
        self.gauss_next = gauss_next;
        Ok(())
    }

    pub fn random(&mut self) -> f64 {
        self.src.random()
    }

    /// `getrandbits(k)`; `k` is what the caller converted from Python (negative fails).
    pub fn getrandbits(&mut self, k: i64) -> Res<BigUint> {
        if k < 0 {
            return Err(PyErr::value("number of bits must be non-negative"));
        }
        Ok(self.src.getrandbits(k as u64))
    }

    /// `getrandbits(k)` for `0 <= k <= 64` without allocating.
    pub fn getrandbits_u64(&mut self, k: u32) -> u64 {
        self.src.getrandbits_u64(k)
    }

    /// `randbytes(n)`: `getrandbits(n * 8).to_bytes(n, 'little')`.
    pub fn randbytes(&mut self, n: i64) -> Res<Vec<u8>> {
        // CPython computes `n * 8` first, so a negative count fails in getrandbits.
        let bits = n
            .checked_mul(8)
            .ok_or_else(|| PyErr::overflow("Python int too large to convert to C int"))?;
        let value = self.getrandbits(bits)?;
        let mut bytes = value.to_bytes_le();
        bytes.resize(n as usize, 0);
        Ok(bytes)
    }

    /// `_randbelow(n)` for `n > 0`: rejection sampling on `n.bit_length()` bits.
    pub fn randbelow(&mut self, n: u64) -> u64 {
        if n == 0 {
            // CPython would loop forever here; no caller passes 0, but never hang.
            return 0;
        }
        let k = 64 - n.leading_zeros();
        loop {
            let r = self.src.getrandbits_u64(k);
            if r < n {
                return r;
            }
        }
    }

    /// `_randbelow(n)` for a big `n > 0`.
    pub fn randbelow_big(&mut self, n: &BigUint) -> BigUint {
        if let Some(small) = n.to_u64() {
            return BigUint::from(self.randbelow(small));
        }
        let k = n.bits();
        loop {
            let r = self.src.getrandbits(k);
            if &r < n {
                return r;
            }
        }
    }

    /// `randrange(start, stop, step)` for arguments that fit in `i64` (the common case,
    /// without allocation). `step` is `None` when the caller omitted it.
    pub fn randrange_i64(&mut self, start: i64, stop: Option<i64>, step: Option<i64>) -> Res<i64> {
        let Some(stop) = stop else {
            if step.is_some_and(|s| s != 1) {
                return Err(PyErr::type_error("Missing a non-None stop argument"));
            }
            if start > 0 {
                return Ok(self.randbelow(start as u64) as i64);
            }
            return Err(PyErr::value("empty range for randrange()"));
        };
        let (istart, istop) = (i128::from(start), i128::from(stop));
        let width = istop - istart;
        let istep = i128::from(step.unwrap_or(1));
        if istep == 1 {
            if width > 0 {
                return Ok((istart + i128::from(self.randbelow(width as u64))) as i64);
            }
            return Err(PyErr::value(format!(
                "empty range for randrange() ({istart}, {istop}, {width})"
            )));
        }
        let n = if istep > 0 {
            Integer::div_floor(&(width + istep - 1), &istep)
        } else if istep < 0 {
            Integer::div_floor(&(width + istep + 1), &istep)
        } else {
            return Err(PyErr::value("zero step for randrange()"));
        };
        if n <= 0 {
            return Err(PyErr::value("empty range for randrange()"));
        }
        Ok((istart + istep * i128::from(self.randbelow(n as u64))) as i64)
    }

    /// `randrange(start, stop, step)` for any ints.
    pub fn randrange(
        &mut self,
        start: &BigInt,
        stop: Option<&BigInt>,
        step: Option<&BigInt>,
    ) -> Res<BigInt> {
        let small = |v: Option<&BigInt>| v.map(|v| v.to_i64().ok_or(())).transpose();
        if let (Some(a), Ok(b), Ok(c)) = (start.to_i64(), small(stop), small(step)) {
            return self.randrange_i64(a, b, c).map(BigInt::from);
        }
        let Some(stop) = stop else {
            if step.is_some_and(|s| !s.is_one()) {
                return Err(PyErr::type_error("Missing a non-None stop argument"));
            }
            if start.is_positive() {
                return Ok(self.randbelow_big(start.magnitude()).into());
            }
            return Err(PyErr::value("empty range for randrange()"));
        };
        let width = stop - start;
        let one = BigInt::one();
        let istep = step.unwrap_or(&one);
        if istep.is_one() {
            if width.is_positive() {
                return Ok(start + BigInt::from(self.randbelow_big(width.magnitude())));
            }
            return Err(PyErr::value(format!(
                "empty range for randrange() ({start}, {stop}, {width})"
            )));
        }
        let n = if istep.is_positive() {
            Integer::div_floor(&(&width + istep - BigInt::one()), istep)
        } else if istep.is_negative() {
            Integer::div_floor(&(&width + istep + BigInt::one()), istep)
        } else {
            return Err(PyErr::value("zero step for randrange()"));
        };
        if n.sign() != Sign::Plus {
            return Err(PyErr::value("empty range for randrange()"));
        }
        Ok(start + istep * BigInt::from(self.randbelow_big(n.magnitude())))
    }

    /// `randint(a, b)`: `randrange(a, b + 1)`.
    pub fn randint(&mut self, a: &BigInt, b: &BigInt) -> Res<BigInt> {
        let stop = b + 1;
        self.randrange(a, Some(&stop), None)
    }

    /// `choice(seq)`: the index to take from a sequence of length `len`.
    pub fn choice(&mut self, len: usize) -> Res<usize> {
        if len == 0 {
            return Err(PyErr::new(
                super::error::PyErrKind::IndexError,
                "Cannot choose from an empty sequence",
            ));
        }
        Ok(self.randbelow(len as u64) as usize)
    }

    /// `shuffle(x)` in place.
    pub fn shuffle<T>(&mut self, x: &mut [T]) {
        self.shuffle_by(x.len(), |i, j| x.swap(i, j));
    }

    /// `shuffle` of a sequence of length `len` that is not a slice (a persistent vector,
    /// or a user sequence driven through `__getitem__`/`__setitem__`): calls
    /// `swap(i, j)` for CPython's swaps, in CPython's order.
    pub fn shuffle_by(&mut self, len: usize, mut swap: impl FnMut(usize, usize)) {
        for i in (1..len).rev() {
            let j = self.randbelow(i as u64 + 1) as usize;
            swap(i, j);
        }
    }

    /// `sample(population, k)` for a population of length `n`: the indices chosen,
    /// in selection order. Follows CPython's choice between a copied pool (small `n`)
    /// and a set of chosen indices (large `n`), which consume different outputs.
    pub fn sample(&mut self, n: usize, k: i64) -> Res<Vec<usize>> {
        if k < 0 || k as u64 > n as u64 {
            return Err(PyErr::value("Sample larger than population or is negative"));
        }
        let k = k as usize;
        // Python ints: `21 + 4 ** _ceil(_log(k * 3, 4))` for k > 5, where the float
        // log is math.log's quotient of two natural logs.
        let mut setsize: u128 = 21;
        if k > 5 {
            let e = ((k * 3) as f64).ln() / 4.0f64.ln();
            setsize += 4u128.pow(e.ceil() as u32);
        }
        let mut result = Vec::with_capacity(k);
        if n as u128 <= setsize {
            let mut pool: Vec<usize> = (0..n).collect();
            for i in 0..k {
                let j = self.randbelow((n - i) as u64) as usize;
                result.push(pool[j]);
                pool[j] = pool[n - i - 1];
            }
        } else {
            let mut selected = std::collections::HashSet::with_capacity(k);
            for _ in 0..k {
                let mut j = self.randbelow(n as u64) as usize;
                while selected.contains(&j) {
                    j = self.randbelow(n as u64) as usize;
                }
                selected.insert(j);
                result.push(j);
            }
        }
        Ok(result)
    }

    /// `sample(population, k, counts=counts)`: indices into the population (of length
    /// `counts.len()`, checked by the caller against the population's length).
    pub fn sample_counts(&mut self, counts: &[i64], k: i64) -> Res<Vec<usize>> {
        let mut cum = Vec::with_capacity(counts.len());
        let mut acc: i128 = 0;
        for &c in counts {
            acc += i128::from(c);
            cum.push(acc);
        }
        let Some(total) = cum.pop() else {
            // CPython: `cum_counts.pop()` on an empty list.
            return Err(PyErr::new(
                super::error::PyErrKind::IndexError,
                "pop from empty list",
            ));
        };
        if total <= 0 {
            return Err(PyErr::value("Total of counts must be greater than zero"));
        }
        let total = usize::try_from(total)
            .ok()
            .filter(|&t| t <= isize::MAX as usize)
            .ok_or_else(|| PyErr::overflow("Python int too large to convert to C ssize_t"))?;
        let picks = self.sample(total, k)?;
        Ok(picks
            .into_iter()
            .map(|s| cum.partition_point(|&c| c <= s as i128))
            .collect())
    }

    /// `choices(population, k=k)` without weights: `floor(random() * n)` each time.
    /// For an empty population CPython draws once and then fails indexing it, so this
    /// returns `[0]` (one draw) and the caller's indexing raises the `IndexError`.
    pub fn choices(&mut self, n: usize, k: usize) -> Vec<usize> {
        if n == 0 {
            if k == 0 {
                return Vec::new();
            }
            self.random();
            return vec![0];
        }
        let nf = n as f64;
        (0..k)
            .map(|_| (self.random() * nf).floor() as usize)
            .collect()
    }

    /// `choices` with cumulative weights already summed by the caller with Python
    /// addition: `total` is `cum_weights[-1] + 0.0` and `bisect(x)` must return
    /// `bisect_right(cum_weights, x, 0, n - 1)`. Checks the total like CPython.
    pub fn choices_cum(
        &mut self,
        total: f64,
        k: usize,
        mut bisect: impl FnMut(f64) -> usize,
    ) -> Res<Vec<usize>> {
        check_choices_total(total)?;
        Ok((0..k).map(|_| bisect(self.random() * total)).collect())
    }

    /// `choices` with float weights (`weights`, or `cum_weights` when `cumulative`).
    pub fn choices_weighted(
        &mut self,
        n: usize,
        weights: &[f64],
        cumulative: bool,
        k: usize,
    ) -> Res<Vec<usize>> {
        let cum: Vec<f64> = if cumulative {
            weights.to_vec()
        } else {
            weights
                .iter()
                .scan(None::<f64>, |acc, &w| {
                    // `accumulate` starts from the first item itself (not 0.0 + it).
                    let s = acc.map_or(w, |a| a + w);
                    *acc = Some(s);
                    Some(s)
                })
                .collect()
        };
        if cum.len() != n {
            return Err(PyErr::value(
                "The number of weights does not match the population",
            ));
        }
        let Some(&last) = cum.last() else {
            return Err(PyErr::new(
                super::error::PyErrKind::IndexError,
                "list index out of range",
            ));
        };
        let hi = n - 1;
        self.choices_cum(last + 0.0, k, |x| cum[..hi].partition_point(|&c| c <= x))
    }

    /// `uniform(a, b)`.
    pub fn uniform(&mut self, a: f64, b: f64) -> f64 {
        a + (b - a) * self.random()
    }

    /// `triangular(low, high, mode)`.
    pub fn triangular(&mut self, low: f64, high: f64, mode: Option<f64>) -> f64 {
        let mut u = self.random();
        let mut c = match mode {
            None => 0.5,
            Some(m) => {
                if high - low == 0.0 {
                    // CPython catches the ZeroDivisionError and returns low.
                    return low;
                }
                (m - low) / (high - low)
            }
        };
        let (mut low, mut high) = (low, high);
        if u > c {
            u = 1.0 - u;
            c = 1.0 - c;
            std::mem::swap(&mut low, &mut high);
        }
        low + (high - low) * (u * c).sqrt()
    }

    /// `normalvariate(mu, sigma)` (Kinderman and Monahan).
    pub fn normalvariate(&mut self, mu: f64, sigma: f64) -> f64 {
        let magic = nv_magicconst();
        let z = loop {
            let u1 = self.random();
            let u2 = 1.0 - self.random();
            let z = magic * (u1 - 0.5) / u2;
            let zz = z * z / 4.0;
            if zz <= -u2.ln() {
                break z;
            }
        };
        mu + z * sigma
    }

    /// `gauss(mu, sigma)` (Box-Muller, caching the second deviate).
    pub fn gauss(&mut self, mu: f64, sigma: f64) -> f64 {
        let z = match self.gauss_next.take() {
            Some(z) => z,
            None => {
                let x2pi = self.random() * TWOPI;
                let g2rad = (-2.0 * (1.0 - self.random()).ln()).sqrt();
                self.gauss_next = Some(x2pi.sin() * g2rad);
                x2pi.cos() * g2rad
            }
        };
        mu + z * sigma
    }

    /// `lognormvariate(mu, sigma)`.
    pub fn lognormvariate(&mut self, mu: f64, sigma: f64) -> f64 {
        self.normalvariate(mu, sigma).exp()
    }

    /// `expovariate(lambd)`.
    pub fn expovariate(&mut self, lambd: f64) -> Res<f64> {
        py_float_div(-(1.0 - self.random()).ln(), lambd)
    }

    /// `vonmisesvariate(mu, kappa)`.
    pub fn vonmisesvariate(&mut self, mu: f64, kappa: f64) -> Res<f64> {
        if kappa <= 1e-6 {
            return Ok(TWOPI * self.random());
        }
        let s = 0.5 / kappa;
        let r = s + (1.0 + s * s).sqrt();
        let z = loop {
            let u1 = self.random();
            let z = (std::f64::consts::PI * u1).cos();
            let d = z / (r + z);
            let u2 = self.random();
            if u2 < 1.0 - d * d || u2 <= (1.0 - d) * d.exp() {
                break z;
            }
        };
        let q = 1.0 / r;
        let f = (q + z) / (1.0 + q * z);
        let u3 = self.random();
        if u3 > 0.5 {
            py_float_mod(mu + f.acos(), TWOPI)
        } else {
            py_float_mod(mu - f.acos(), TWOPI)
        }
    }

    /// `gammavariate(alpha, beta)`.
    pub fn gammavariate(&mut self, alpha: f64, beta: f64) -> Res<f64> {
        // Written as CPython's `alpha <= 0.0 or beta <= 0.0`, so NaNs pass through.
        if alpha <= 0.0 || beta <= 0.0 {
            return Err(PyErr::value("gammavariate: alpha and beta must be > 0.0"));
        }
        if alpha > 1.0 {
            // Uses R.C.H. Cheng, "The generation of Gamma variables with non-integral
            // shape parameters", Applied Statistics, (1977), 26, No. 1, p71-74
            let ainv = (2.0 * alpha - 1.0).sqrt();
            let bbb = alpha - log4();
            let ccc = alpha + ainv;
            loop {
                let u1 = self.random();
                if !(1e-7 < u1 && u1 < 0.9999999) {
                    continue;
                }
                let u2 = 1.0 - self.random();
                let v = (u1 / (1.0 - u1)).ln() / ainv;
                let x = alpha * v.exp();
                let z = u1 * u1 * u2;
                let r = bbb + ccc * v - x;
                if r + sg_magicconst() - 4.5 * z >= 0.0 || r >= z.ln() {
                    return Ok(x * beta);
                }
            }
        } else if alpha == 1.0 {
            Ok(-(1.0 - self.random()).ln() * beta)
        } else {
            // alpha is between 0 and 1 (exclusive): ALGORITHM GS of Statistical
            // Computing - Kennedy & Gentle.
            let e = std::f64::consts::E;
            let x = loop {
                let u = self.random();
                let b = (e + alpha) / e;
                let p = b * u;
                let x = if p <= 1.0 {
                    real_pow(p, 1.0 / alpha)?
                } else {
                    -((b - p) / alpha).ln()
                };
                let u1 = self.random();
                if p > 1.0 {
                    if u1 <= real_pow(x, alpha - 1.0)? {
                        break x;
                    }
                } else if u1 <= (-x).exp() {
                    break x;
                }
            };
            Ok(x * beta)
        }
    }

    /// `betavariate(alpha, beta)`.
    pub fn betavariate(&mut self, alpha: f64, beta: f64) -> Res<f64> {
        let y = self.gammavariate(alpha, 1.0)?;
        if y != 0.0 {
            return py_float_div(y, y + self.gammavariate(beta, 1.0)?);
        }
        Ok(0.0)
    }

    /// `paretovariate(alpha)`.
    pub fn paretovariate(&mut self, alpha: f64) -> Res<f64> {
        let u = 1.0 - self.random();
        real_pow(u, py_float_div(-1.0, alpha)?)
    }

    /// `weibullvariate(alpha, beta)`.
    pub fn weibullvariate(&mut self, alpha: f64, beta: f64) -> Res<f64> {
        let u = 1.0 - self.random();
        Ok(alpha * real_pow(-u.ln(), py_float_div(1.0, beta)?)?)
    }
}

/// `choices`' checks on the (float) total of the weights.
pub fn check_choices_total(total: f64) -> Res<()> {
    if total <= 0.0 {
        return Err(PyErr::value("Total of weights must be greater than zero"));
    }
    if !total.is_finite() {
        return Err(PyErr::value("Total of weights must be finite"));
    }
    Ok(())
}

/// The `ValueError` for a `setstate` version other than 2 or 3; `version` is the
/// `repr`-less `%s` text of the given version object.
pub fn bad_state_version(version: &str) -> PyErr {
    PyErr::value(format!(
        "state with version {version} passed to Random.setstate() of version {STATE_VERSION}"
    ))
}

/// The `TypeError` `seed` raises for other types.
pub fn bad_seed_type() -> PyErr {
    PyErr::type_error(
        "The only supported seed types are: None,\nint, float, str, bytes, and bytearray.",
    )
}

/// Version-1 seeding of str/bytes: a 64-bit string hash from Python 2 days.
fn version1_hash(chars: impl Iterator<Item = u32> + Clone) -> u64 {
    let mut len = 0u64;
    let mut x = chars.clone().next().map_or(0, |c| u64::from(c) << 7);
    for c in chars {
        x = 1_000_003u64.wrapping_mul(x) ^ u64::from(c);
        len += 1;
    }
    x ^ len
}

/// Version-2 seeding of str/bytes: `int.from_bytes(a + sha512(a).digest())`, big-endian.
fn version2_int(bytes: &[u8]) -> BigUint {
    let mut all = bytes.to_vec();
    all.extend_from_slice(&Sha512::digest(bytes));
    BigUint::from_bytes_be(&all)
}

/// `n` bytes of OS entropy (`os.urandom`). Should the OS source be unreadable, falls
/// back to a generator seeded from the time, so a draw never fails.
fn os_bytes(n: usize) -> Vec<u8> {
    use std::io::Read;
    static URANDOM: std::sync::OnceLock<Option<std::fs::File>> = std::sync::OnceLock::new();
    let mut buf = vec![0u8; n];
    if let Some(mut f) = URANDOM
        .get_or_init(|| std::fs::File::open("/dev/urandom").ok())
        .as_ref()
        && f.read_exact(&mut buf).is_ok()
    {
        return buf;
    }
    let mut mt = Mt19937::from_key(&os_entropy());
    for b in &mut buf {
        *b = mt.next_u32() as u8;
    }
    buf
}

/// 624 words of OS entropy as CPython's `random_seed_urandom` reads, falling back to
/// the time and process id when the OS source fails.
fn os_entropy() -> Vec<u32> {
    use std::io::Read;
    let mut buf = [0u8; N * 4];
    if std::fs::File::open("/dev/urandom")
        .and_then(|mut f| f.read_exact(&mut buf))
        .is_ok()
    {
        return buf
            .chunks_exact(4)
            .map(|c| u32::from_le_bytes([c[0], c[1], c[2], c[3]]))
            .collect();
    }
    let now = std::time::SystemTime::now()
        .duration_since(std::time::UNIX_EPOCH)
        .unwrap_or_default();
    let nanos = now.as_nanos();
    vec![
        nanos as u32,
        (nanos >> 32) as u32,
        (nanos >> 64) as u32,
        std::process::id(),
        (std::time::Instant::now().elapsed().as_nanos() as u32).rotate_left(16),
    ]
}
