//! Differential testing against CPython: each test builds lines `op \t arg \t ...` (args
//! hex-encoded UTF-8), CPython computes the expected result of every line, and the test
//! compares them with ours. Results are `OK:<hex utf-8>` or `ERR:<exception>:<hex msg>`.
#![allow(dead_code)]

use std::io::Write;
use std::process::{Command, Stdio};

use stmpy_core::fmt::{ErrorKind, FmtError};

const DRIVER: &str = r#"
import sys, struct, math
def h(s): return s.encode('utf-8', 'surrogatepass').hex()
def u(x): return bytes.fromhex(x).decode('utf-8')
def f(x): return struct.unpack('>d', bytes.fromhex(x))[0]
def bits(x): return 'nan' if math.isnan(x) else struct.pack('>d', x).hex()
def ratio(x):
    n, d = x.as_integer_ratio(); return '%d/%d' % (n, d)
ops = {
    'repr': lambda a: repr(f(a[0])),
    'str': lambda a: str(f(a[0])),
    'ffmt': lambda a: format(f(a[0]), u(a[1])),
    'ifmt': lambda a: format(int(u(a[0])), u(a[1])),
    'sfmt': lambda a: format(u(a[0]), u(a[1])),
    'pint': lambda a: u(a[0]) % (int(u(a[1])),),
    'pflt': lambda a: u(a[0]) % (f(a[1]),),
    'pstr': lambda a: u(a[0]) % (u(a[1]),),
    'pany': lambda a: u(a[0]) % eval(u(a[1])),
    'int': lambda a: str(int(u(a[0]), int(a[1]))),
    'float': lambda a: bits(float(u(a[0]))),
    'hashf': lambda a: str(hash(f(a[0]))),
    'hashi': lambda a: str(hash(int(u(a[0])))),
    'round': lambda a: bits(round(f(a[0]), int(a[1]))),
    'round0': lambda a: str(round(f(a[0]))),
    'roundi': lambda a: str(round(int(u(a[0])), int(a[1]))),
    'tofloat': lambda a: bits(float(int(u(a[0])))),
    'hex': lambda a: f(a[0]).hex(),
    'fromhex': lambda a: bits(float.fromhex(u(a[0]))),
    'ratio': lambda a: ratio(f(a[0])),
    'srepr': lambda a: repr(u(a[0])),
    'ascii': lambda a: ascii(u(a[0])),
    'base': lambda a: {2: bin, 8: oct, 16: hex}[int(a[1])](int(u(a[0]))),
}
for line in sys.stdin:
    parts = line.rstrip('\n').split('\t')
    try:
        r = ops[parts[0]](parts[1:])
        print('OK:' + h(r))
    except Exception as e:
        print('ERR:%s:%s' % (type(e).__name__, h(str(e))))
"#;

pub fn hex(s: &str) -> String {
    s.bytes().map(|b| format!("{b:02x}")).collect()
}

pub fn unhex(s: &str) -> String {
    let bytes: Vec<u8> = (0..s.len())
        .step_by(2)
        .map(|i| u8::from_str_radix(&s[i..i + 2], 16).unwrap())
        .collect();
    String::from_utf8(bytes).unwrap()
}

pub fn fbits(x: f64) -> String {
    format!("{:016x}", x.to_bits())
}

/// How CPython's driver prints a float result.
pub fn bits_result(x: f64) -> String {
    if x.is_nan() { "nan".into() } else { fbits(x) }
}

pub fn encode(r: Result<String, FmtError>) -> String {
    match r {
        Ok(s) => format!("OK:{}", hex(&s)),
        Err(e) => {
            let kind = match e.kind {
                ErrorKind::ValueError => "ValueError",
                ErrorKind::OverflowError => "OverflowError",
                ErrorKind::TypeError => "TypeError",
            };
            format!("ERR:{kind}:{}", hex(&e.msg))
        }
    }
}

fn decode(line: &str) -> String {
    if let Some(h) = line.strip_prefix("OK:") {
        return format!("OK {:?}", unhex(h));
    }
    let mut it = line.splitn(3, ':');
    let (_, kind, msg) = (it.next(), it.next().unwrap_or(""), it.next().unwrap_or(""));
    format!("{kind} {:?}", unhex(msg))
}

/// Runs CPython on `cases` (op line, our encoded result) and fails listing mismatches.
/// Skips (passes) when python3 is not installed.
pub fn check_against_python(cases: &[(String, String)]) {
    let Ok(mut child) = Command::new("python3")
        .args(["-c", DRIVER])
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .spawn()
    else {
        eprintln!("python3 not found: skipping CPython comparison");
        return;
    };
    let mut input = String::new();
    for (line, _) in cases {
        input.push_str(line);
        input.push('\n');
    }
    let mut stdin = child.stdin.take().unwrap();
    let writer = std::thread::spawn(move || stdin.write_all(input.as_bytes()));
    let out = child.wait_with_output().unwrap();
    writer.join().unwrap().unwrap();
    assert!(out.status.success(), "python3 driver failed");
    let expected: Vec<&str> = std::str::from_utf8(&out.stdout).unwrap().lines().collect();
    assert_eq!(expected.len(), cases.len());
    let mut failures = Vec::new();
    for ((line, ours), theirs) in cases.iter().zip(&expected) {
        if ours != theirs {
            let args: Vec<String> = line
                .split('\t')
                .enumerate()
                .map(|(i, a)| {
                    if i == 0 || a.len() % 2 == 1 {
                        a.to_string()
                    } else {
                        format!("{:?}", unhex_lossy(a))
                    }
                })
                .collect();
            failures.push(format!(
                "{}\n    ours:    {}\n    cpython: {}",
                args.join(" "),
                decode(ours),
                decode(theirs)
            ));
        }
    }
    if !failures.is_empty() {
        let n = failures.len();
        failures.truncate(25);
        panic!(
            "{n} of {} cases differ from CPython:\n{}",
            cases.len(),
            failures.join("\n")
        );
    }
}

fn unhex_lossy(s: &str) -> String {
    if !s.bytes().all(|b| b.is_ascii_hexdigit()) {
        return s.to_string();
    }
    let bytes: Vec<u8> = (0..s.len())
        .step_by(2)
        .map(|i| u8::from_str_radix(&s[i..i + 2], 16).unwrap())
        .collect();
    String::from_utf8_lossy(&bytes).into_owned()
}

/// The generator for a test: `seed`, mixed with `$FMT_ORACLE_SEED` when set, so a soak
/// run can explore other cases (`FMT_ORACLE_SEED=7 FMT_ORACLE_SCALE=10 cargo test ...`).
pub fn rng(seed: u64) -> Rng {
    let extra = std::env::var("FMT_ORACLE_SEED")
        .ok()
        .and_then(|s| s.parse::<u64>().ok());
    Rng(seed ^ extra.map_or(0, |e| e.wrapping_mul(0x9E37_79B9_7F4A_7C15)) | 1)
}

/// `n` cases, times `$FMT_ORACLE_SCALE` when set.
pub fn cases(n: usize) -> usize {
    let scale = std::env::var("FMT_ORACLE_SCALE")
        .ok()
        .and_then(|s| s.parse::<usize>().ok());
    n * scale.unwrap_or(1)
}

/// A small deterministic generator (xorshift64*), so failures reproduce.
pub struct Rng(pub u64);

impl Rng {
    pub fn next(&mut self) -> u64 {
        self.0 ^= self.0 >> 12;
        self.0 ^= self.0 << 25;
        self.0 ^= self.0 >> 27;
        self.0.wrapping_mul(0x2545_F491_4F6C_DD1D)
    }
    pub fn below(&mut self, n: u64) -> u64 {
        self.next() % n
    }
    pub fn chance(&mut self, percent: u64) -> bool {
        self.below(100) < percent
    }
    pub fn pick<'a, T>(&mut self, items: &'a [T]) -> &'a T {
        &items[self.below(items.len() as u64) as usize]
    }

    /// Floats that exercise every path: raw bit patterns, short decimals, ties, specials.
    pub fn float(&mut self) -> f64 {
        match self.below(6) {
            0 | 1 => f64::from_bits(self.next()),
            2 => {
                let digits = 1 + self.below(17) as u32;
                let m = self.below(10u64.pow(digits));
                let e = self.below(60) as i64 - 30;
                let x: f64 = format!("{m}e{e}").parse().unwrap();
                if self.chance(50) { -x } else { x }
            }
            3 => {
                // Exact binary fractions: decimal ties at many positions.
                let k = self.below(1 << 20) as f64;
                let x = k / (1u64 << self.below(12)) as f64;
                if self.chance(50) { -x } else { x }
            }
            4 if self.chance(50) => {
                // Large values with a fraction: shortest-repr ties (1e15 + 0.25).
                let m = self.below(1 << 53) as f64;
                m / (1u64 << self.below(4)) as f64
            }
            4 => {
                let e = self.below(40) as i32 - 20;
                let x = 10f64.powi(e) * (1.0 + (self.below(3) as f64 - 1.0) * f64::EPSILON);
                if self.chance(30) { -x } else { x }
            }
            _ => *self.pick(&[
                0.0,
                -0.0,
                f64::INFINITY,
                f64::NEG_INFINITY,
                f64::NAN,
                f64::MAX,
                f64::MIN_POSITIVE,
                5e-324,
                1e16,
                1e-5,
                0.1,
                0.5,
                1.5,
                2.5,
                -2.5,
                123456789.0,
                9.5,
                0.125,
                9999999999999998.0,
            ]),
        }
    }

    /// Decimal text of an int of up to ~60 digits, sometimes an i64 edge.
    pub fn int_text(&mut self) -> String {
        if self.chance(10) {
            return self
                .pick(&[
                    "0",
                    "-1",
                    "1",
                    "9223372036854775807",
                    "-9223372036854775808",
                    "255",
                    "-255",
                    "1114111",
                    "1114112",
                    "65",
                ])
                .to_string();
        }
        let max = if self.chance(70) { 8 } else { 60 };
        let len = 1 + self.below(max);
        let mut s = String::new();
        if self.chance(40) {
            s.push('-');
        }
        s.push(char::from(b'1' + self.below(9) as u8));
        for _ in 1..len {
            s.push(char::from(b'0' + self.below(10) as u8));
        }
        s
    }
}
