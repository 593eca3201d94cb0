//! MD5 (RFC 1321) and SHA-1 (FIPS 180-4) for `hashlib`: the two digests the `sha2`
//! crate does not provide. Both process 64-byte blocks with a 64-bit bit-length
//! trailer; they differ in word order (MD5 little-endian, SHA-1 big-endian).

/// Incremental MD5.
#[derive(Clone)]
pub struct Md5 {
    state: [u32; 4],
    buf: Vec<u8>,
    len: u64,
}

/// Incremental SHA-1.
#[derive(Clone)]
pub struct Sha1 {
    state: [u32; 5],
    buf: Vec<u8>,
    len: u64,
}

const MD5_S: [u32; 64] = [
    7, 12, 17, 22, 7, 12, 17, 22, 7, 12, 17, 22, 7, 12, 17, 22, 5, 9, 14, 20, 5, 9, 14, 20, 5, 9,
    14, 20, 5, 9, 14, 20, 4, 11, 16, 23, 4, 11, 16, 23, 4, 11, 16, 23, 4, 11, 16, 23, 6, 10, 15,
    21, 6, 10, 15, 21, 6, 10, 15, 21, 6, 10, 15, 21,
];

/// `floor(abs(sin(i + 1)) * 2^32)`.
fn md5_k(i: usize) -> u32 {
    ((i as f64 + 1.0).sin().abs() * 4_294_967_296.0) as u32
}

/// Counts and appends `data` to the pending bytes `buf`, and takes the whole 64-byte
/// blocks off its front (both hashes work on 64-byte blocks).
fn whole_blocks(buf: &mut Vec<u8>, len: &mut u64, data: &[u8]) -> Vec<u8> {
    *len = len.wrapping_add(data.len() as u64);
    buf.extend_from_slice(data);
    let full = buf.len() / 64 * 64;
    buf.drain(..full).collect()
}

/// Appends the padding and the bit length (`big`: SHA-1's byte order).
fn padded(buf: &[u8], len: u64, big: bool) -> Vec<u8> {
    let mut b = buf.to_vec();
    b.push(0x80);
    while b.len() % 64 != 56 {
        b.push(0);
    }
    let bits = len.wrapping_mul(8);
    b.extend_from_slice(&if big {
        bits.to_be_bytes()
    } else {
        bits.to_le_bytes()
    });
    b
}

impl Default for Md5 {
    fn default() -> Self {
        Md5 {
            state: [0x6745_2301, 0xefcd_ab89, 0x98ba_dcfe, 0x1032_5476],
            buf: Vec::new(),
            len: 0,
        }
    }
}

impl Md5 {
    fn block(&mut self, chunk: &[u8]) {
        let m: Vec<u32> = chunk
            .chunks(4)
            .map(|w| u32::from_le_bytes([w[0], w[1], w[2], w[3]]))
            .collect();
        let [mut a, mut b, mut c, mut d] = self.state;
        for (i, &shift) in MD5_S.iter().enumerate() {
            let (f, g) = match i / 16 {
                0 => ((b & c) | (!b & d), i),
                1 => ((d & b) | (!d & c), (5 * i + 1) % 16),
                2 => (b ^ c ^ d, (3 * i + 5) % 16),
                _ => (c ^ (b | !d), (7 * i) % 16),
            };
            let t = d;
            d = c;
            c = b;
            b = b.wrapping_add(
                a.wrapping_add(f)
                    .wrapping_add(md5_k(i))
                    .wrapping_add(m[g])
                    .rotate_left(shift),
            );
            a = t;
        }
        for (s, v) in self.state.iter_mut().zip([a, b, c, d]) {
            *s = s.wrapping_add(v);
        }
    }

    pub fn update(&mut self, data: &[u8]) {
        for chunk in whole_blocks(&mut self.buf, &mut self.len, data).chunks(64) {
            self.block(chunk);
        }
    }

    pub fn digest(&self) -> Vec<u8> {
        let mut h = self.clone();
        for chunk in padded(&self.buf, self.len, false).chunks(64) {
            h.block(chunk);
        }
        h.state.iter().flat_map(|w| w.to_le_bytes()).collect()
    }
}

impl Default for Sha1 {
    fn default() -> Self {
        Sha1 {
            state: [
                0x6745_2301,
                0xefcd_ab89,
                0x98ba_dcfe,
                0x1032_5476,
                0xc3d2_e1f0,
            ],
            buf: Vec::new(),
            len: 0,
        }
    }
}

impl Sha1 {
    fn block(&mut self, chunk: &[u8]) {
        let mut w = [0u32; 80];
        for (i, word) in chunk.chunks(4).enumerate() {
            w[i] = u32::from_be_bytes([word[0], word[1], word[2], word[3]]);
        }
        for i in 16..80 {
            // Each word depends on earlier ones of the same array.
            w[i] = (w[i - 3] ^ w[i - 8] ^ w[i - 14] ^ w[i - 16]).rotate_left(1);
        }
        let [mut a, mut b, mut c, mut d, mut e] = self.state;
        for (i, &wi) in w.iter().enumerate() {
            let (f, k) = match i / 20 {
                0 => ((b & c) | (!b & d), 0x5a82_7999),
                1 => (b ^ c ^ d, 0x6ed9_eba1),
                2 => ((b & c) | (b & d) | (c & d), 0x8f1b_bcdc),
                _ => (b ^ c ^ d, 0xca62_c1d6),
            };
            let t = a
                .rotate_left(5)
                .wrapping_add(f)
                .wrapping_add(e)
                .wrapping_add(k)
                .wrapping_add(wi);
            e = d;
            d = c;
            c = b.rotate_left(30);
            b = a;
            a = t;
        }
        for (s, v) in self.state.iter_mut().zip([a, b, c, d, e]) {
            *s = s.wrapping_add(v);
        }
    }

    pub fn update(&mut self, data: &[u8]) {
        for chunk in whole_blocks(&mut self.buf, &mut self.len, data).chunks(64) {
            self.block(chunk);
        }
    }

    pub fn digest(&self) -> Vec<u8> {
        let mut h = self.clone();
        for chunk in padded(&self.buf, self.len, true).chunks(64) {
            h.block(chunk);
        }
        h.state.iter().flat_map(|w| w.to_be_bytes()).collect()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn hex(b: &[u8]) -> String {
        b.iter().map(|x| format!("{x:02x}")).collect()
    }

    #[test]
    fn known_digests() {
        // Values from CPython's hashlib.
        let mut m = Md5::default();
        assert_eq!(hex(&m.digest()), "d41d8cd98f00b204e9800998ecf8427e");
        m.update(b"The quick brown fox jumps over the lazy dog");
        assert_eq!(hex(&m.digest()), "9e107d9d372bb6826bd81d3542a419d6");
        let mut s = Sha1::default();
        assert_eq!(hex(&s.digest()), "da39a3ee5e6b4b0d3255bfef95601890afd80709");
        s.update(b"The quick brown fox jumps over the lazy dog");
        assert_eq!(hex(&s.digest()), "2fd4e1c67a2d28fced849ee1bb76e7391b93eb12");
        let mut long = Md5::default();
        for _ in 0..1000 {
            long.update(b"abcdefghij");
        }
        let mut once = Md5::default();
        once.update(&b"abcdefghij".repeat(1000));
        assert_eq!(long.digest(), once.digest());
    }
}
