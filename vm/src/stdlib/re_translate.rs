//! Python regular-expression syntax → `fancy-regex` syntax.
//!
//! `re` runs on the `fancy-regex` engine (backtracking for backreferences and lookaround,
//! delegating the rest to `regex-automata`). The two syntaxes mostly agree; this pass
//! rewrites where they differ, so that a pattern means what it means in CPython:
//!
//! | Python                      | emitted                          |
//! |-----------------------------|----------------------------------|
//! | `(?P=name)`, `\N` backrefs  | `\k<name>`, `\k<N>`              |
//! | `\Z`                        | `\z`                             |
//! | `$` without MULTILINE       | `(?=\n?\z)` (end, or before a final newline) |
//! | `{` not starting a repeat   | `\{` (a literal, as in Python); `{,n}` → `{0,n}` |
//! | `[` `&` `~` inside a class  | escaped (Rust reads them as nested classes / set operators) |
//! | `\uXXXX`, `\UXXXXXXXX`, octal `\0`, `\012` | `\x{...}`         |
//! | VERBOSE                     | whitespace and comments removed here (Rust's `x` flag would also drop whitespace inside classes) |
//! | ASCII (`re.A`, `(?a)`)      | `\d` `\w` `\s` `\b` as ASCII classes |
//! | `(?#...)`                   | removed                          |
//!
//! Unknown escapes of ASCII letters are errors, as in CPython (`bad escape \q`).
//! Positions in the emitted pattern are not meaningful to users; error messages carry
//! CPython's wording where this pass detects the error, and the engine's otherwise.

pub const IGNORECASE: i64 = 2;
pub const LOCALE: i64 = 4;
pub const MULTILINE: i64 = 8;
pub const DOTALL: i64 = 16;
pub const UNICODE: i64 = 32;
pub const VERBOSE: i64 = 64;
pub const ASCII: i64 = 256;

/// The translated pattern and the number of capturing groups with their names.
#[derive(Debug, Clone, PartialEq)]
pub struct Translated {
    pub pattern: String,
    pub groups: usize,
    pub names: Vec<(String, usize)>,
}

struct Tr<'a> {
    src: Vec<char>,
    i: usize,
    out: String,
    flags: i64,
    groups: usize,
    names: Vec<(String, usize)>,
    _p: std::marker::PhantomData<&'a ()>,
}

/// Characters that must be escaped to stand for themselves in the emitted pattern.
fn is_meta(c: char) -> bool {
    "\\.+*?()|[]{}^$#&-~".contains(c)
}

fn push_literal(out: &mut String, c: char) {
    if is_meta(c) {
        out.push('\\');
    }
    if c.is_whitespace() || c.is_control() {
        out.push_str(&format!("\\x{{{:x}}}", c as u32));
    } else {
        out.push(c);
    }
}

/// Translates `pattern` under `flags` (CPython's flag bits), or CPython's error message.
pub fn translate(pattern: &str, flags: i64) -> Result<Translated, String> {
    let mut tr = Tr {
        src: pattern.chars().collect(),
        i: 0,
        out: String::new(),
        flags,
        groups: 0,
        names: Vec::new(),
        _p: std::marker::PhantomData,
    };
    tr.leading_flags()?;
    if tr.flags & LOCALE != 0 {
        return Err("cannot use LOCALE flag with a str pattern".into());
    }
    if tr.flags & ASCII != 0 && tr.flags & UNICODE != 0 {
        return Err("ASCII and UNICODE flags are incompatible".into());
    }
    tr.body()?;
    let mut prefix = String::new();
    for (bit, letter) in [(IGNORECASE, 'i'), (MULTILINE, 'm'), (DOTALL, 's')] {
        if tr.flags & bit != 0 {
            prefix.push(letter);
        }
    }
    let pattern = if prefix.is_empty() {
        tr.out
    } else {
        format!("(?{prefix}){}", tr.out)
    };
    Ok(Translated {
        pattern,
        groups: tr.groups,
        names: tr.names,
    })
}

impl Tr<'_> {
    fn peek(&self, k: usize) -> Option<char> {
        self.src.get(self.i + k).copied()
    }

    fn starts_with(&self, s: &str) -> bool {
        s.chars()
            .enumerate()
            .all(|(k, c)| self.src.get(self.i + k) == Some(&c))
    }

    /// Global inline flags `(?aimsux)` at the start of the pattern.
    fn leading_flags(&mut self) -> Result<(), String> {
        loop {
            if self.flags & VERBOSE != 0 {
                self.skip_verbose();
            }
            if !self.starts_with("(?") {
                return Ok(());
            }
            let mut k = self.i + 2;
            let mut f = 0;
            while let Some(&c) = self.src.get(k) {
                let bit = match c {
                    'a' => ASCII,
                    'i' => IGNORECASE,
                    'L' => LOCALE,
                    'm' => MULTILINE,
                    's' => DOTALL,
                    'u' => UNICODE,
                    'x' => VERBOSE,
                    _ => break,
                };
                f |= bit;
                k += 1;
            }
            if k == self.i + 2 || self.src.get(k) != Some(&')') {
                return Ok(());
            }
            self.flags |= f;
            self.i = k + 1;
        }
    }

    fn skip_verbose(&mut self) {
        while let Some(c) = self.peek(0) {
            if c.is_whitespace() {
                self.i += 1;
            } else if c == '#' {
                while let Some(c) = self.peek(0) {
                    self.i += 1;
                    if c == '\n' {
                        break;
                    }
                }
            } else {
                break;
            }
        }
    }

    fn body(&mut self) -> Result<(), String> {
        while self.i < self.src.len() {
            if self.flags & VERBOSE != 0 {
                self.skip_verbose();
                if self.i >= self.src.len() {
                    break;
                }
            }
            let c = self.src[self.i];
            match c {
                '\\' => self.escape(false)?,
                '[' => self.class()?,
                '(' => self.group()?,
                '{' => self.brace(),
                '}' => {
                    self.out.push_str("\\}");
                    self.i += 1;
                }
                '$' => {
                    if self.flags & MULTILINE != 0 {
                        self.out.push('$');
                    } else {
                        self.out.push_str("(?=\\n?\\z)");
                    }
                    self.i += 1;
                }
                '#' | '&' | '~' | ' ' => {
                    push_literal(&mut self.out, c);
                    self.i += 1;
                }
                _ => {
                    self.out.push(c);
                    self.i += 1;
                }
            }
        }
        Ok(())
    }

    /// `{m,n}` repeat, or a literal brace as Python reads it.
    fn brace(&mut self) {
        let mut k = self.i + 1;
        let digits = |k: &mut usize, src: &[char]| {
            let s = *k;
            while src.get(*k).is_some_and(|c| c.is_ascii_digit()) {
                *k += 1;
            }
            src[s..*k].iter().collect::<String>()
        };
        let lo = digits(&mut k, &self.src);
        let mut hi = None;
        if self.src.get(k) == Some(&',') {
            k += 1;
            hi = Some(digits(&mut k, &self.src));
        }
        let valid = self.src.get(k) == Some(&'}') && !(lo.is_empty() && hi.is_none());
        if !valid {
            self.out.push_str("\\{");
            self.i += 1;
            return;
        }
        let lo = if lo.is_empty() { "0".to_string() } else { lo };
        match hi {
            None => self.out.push_str(&format!("{{{lo}}}")),
            Some(h) if h.is_empty() => self.out.push_str(&format!("{{{lo},}}")),
            Some(h) => self.out.push_str(&format!("{{{lo},{h}}}")),
        }
        self.i = k + 1;
    }

    fn group(&mut self) -> Result<(), String> {
        if !self.starts_with("(?") {
            self.groups += 1;
            self.out.push('(');
            self.i += 1;
            return Ok(());
        }
        if self.starts_with("(?P<") {
            let start = self.i + 4;
            let mut k = start;
            while self.src.get(k).is_some_and(|&c| c != '>') {
                k += 1;
            }
            if k >= self.src.len() {
                return Err("missing >, unterminated name".into());
            }
            let name: String = self.src[start..k].iter().collect();
            if name.is_empty() {
                return Err("missing group name".into());
            }
            if !is_identifier(&name) {
                return Err(format!("bad character in group name '{name}'"));
            }
            if self.names.iter().any(|(n, _)| *n == name) {
                return Err(format!(
                    "redefinition of group name '{name}' as group {}; was group {}",
                    self.groups + 1,
                    self.names
                        .iter()
                        .find(|(n, _)| *n == name)
                        .map_or(0, |x| x.1)
                ));
            }
            self.groups += 1;
            self.names.push((name.clone(), self.groups));
            self.out.push_str(&format!("(?P<{name}>"));
            self.i = k + 1;
            return Ok(());
        }
        if self.starts_with("(?P=") {
            let start = self.i + 4;
            let mut k = start;
            while self.src.get(k).is_some_and(|&c| c != ')') {
                k += 1;
            }
            if k >= self.src.len() {
                return Err("missing ), unterminated name".into());
            }
            let name: String = self.src[start..k].iter().collect();
            if !self.names.iter().any(|(n, _)| *n == name) {
                return Err(format!("unknown group name '{name}'"));
            }
            self.out.push_str(&format!("\\k<{name}>"));
            self.i = k + 1;
            return Ok(());
        }
        if self.starts_with("(?#") {
            while self.peek(0).is_some_and(|c| c != ')') {
                self.i += 1;
            }
            if self.i >= self.src.len() {
                return Err("missing ), unterminated comment".into());
            }
            self.i += 1;
            return Ok(());
        }
        // Scoped flags `(?i:...)` / `(?-i:...)`: keep i, m, s; a/u/x are dropped.
        let mut k = self.i + 2;
        let mut letters = String::new();
        while let Some(&c) = self.src.get(k) {
            if "aiLmsux-".contains(c) {
                if "ims-".contains(c) {
                    letters.push(c);
                }
                k += 1;
            } else {
                break;
            }
        }
        if k > self.i + 2 && self.src.get(k) == Some(&':') {
            let letters = letters.trim_end_matches('-');
            self.out.push_str(&format!("(?{letters}:"));
            self.i = k + 1;
            return Ok(());
        }
        if k > self.i + 2 && self.src.get(k) == Some(&')') {
            return Err("global flags not at the start of the expression".into());
        }
        // (?:  (?=  (?!  (?<=  (?<!  (?>  (?(  pass through unchanged.
        self.out.push_str("(?");
        self.i += 2;
        Ok(())
    }

    fn class(&mut self) -> Result<(), String> {
        let open = self.i;
        self.out.push('[');
        self.i += 1;
        if self.peek(0) == Some('^') {
            self.out.push('^');
            self.i += 1;
        }
        let mut first = true;
        loop {
            let Some(c) = self.peek(0) else {
                return Err(format!("unterminated character set at position {open}"));
            };
            match c {
                ']' if !first => {
                    self.out.push(']');
                    self.i += 1;
                    return Ok(());
                }
                '\\' => self.escape(true)?,
                '[' | '&' | '~' | ']' => {
                    self.out.push('\\');
                    self.out.push(c);
                    self.i += 1;
                }
                _ => {
                    self.out.push(c);
                    self.i += 1;
                }
            }
            first = false;
        }
    }

    fn escape(&mut self, in_class: bool) -> Result<(), String> {
        let Some(c) = self.peek(1) else {
            return Err("bad escape (end of pattern)".into());
        };
        self.i += 2;
        let ascii = self.flags & ASCII != 0;
        match c {
            'd' | 'D' | 'w' | 'W' | 's' | 'S' if ascii => {
                let (set, neg) = match c {
                    'd' => ("0-9", false),
                    'D' => ("0-9", true),
                    'w' => ("0-9A-Za-z_", false),
                    'W' => ("0-9A-Za-z_", true),
                    's' => (" \\t\\n\\r\\x0B\\x0C", false),
                    _ => (" \\t\\n\\r\\x0B\\x0C", true),
                };
                if in_class && !neg {
                    self.out.push_str(set);
                } else if in_class {
                    // A negated class inside a class: Rust nests classes.
                    self.out.push_str(&format!("[^{set}]"));
                } else if neg {
                    self.out.push_str(&format!("[^{set}]"));
                } else {
                    self.out.push_str(&format!("[{set}]"));
                }
            }
            'd' | 'D' | 'w' | 'W' | 's' | 'S' => {
                self.out.push('\\');
                self.out.push(c);
            }
            'b' if in_class => self.out.push_str("\\x08"),
            'b' | 'B' if ascii => self.out.push_str(&format!("(?-u:\\{c})")),
            'b' | 'B' | 'A' if !in_class => {
                self.out.push('\\');
                self.out.push(c);
            }
            'Z' if !in_class => self.out.push_str("\\z"),
            'a' => self.out.push_str("\\x07"),
            'f' => self.out.push_str("\\x0C"),
            'v' => self.out.push_str("\\x0B"),
            'n' | 't' | 'r' => {
                self.out.push('\\');
                self.out.push(c);
            }
            'x' => {
                let h = self.hex(2).ok_or_else(|| self.bad_escape("x"))?;
                self.out.push_str(&format!("\\x{{{h:x}}}"));
            }
            'u' => {
                let h = self.hex(4).ok_or_else(|| self.bad_escape("u"))?;
                self.out.push_str(&format!("\\x{{{h:x}}}"));
            }
            'U' => {
                let h = self
                    .hex(8)
                    .filter(|&h| h <= 0x10FFFF)
                    .ok_or_else(|| self.bad_escape("U"))?;
                self.out.push_str(&format!("\\x{{{h:x}}}"));
            }
            '0'..='9' => self.digit_escape(c, in_class)?,
            c if c.is_ascii_alphabetic() => return Err(format!("bad escape \\{c}")),
            c => push_literal(&mut self.out, c),
        }
        Ok(())
    }

    fn bad_escape(&self, what: &str) -> String {
        let rest: String = self.src[self.i..].iter().take(8).collect();
        format!("incomplete escape \\{what}{rest}")
    }

    fn hex(&mut self, n: usize) -> Option<u32> {
        let s: String = self.src.get(self.i..self.i + n)?.iter().collect();
        if s.len() != n || !s.chars().all(|c| c.is_ascii_hexdigit()) {
            return None;
        }
        self.i += n;
        u32::from_str_radix(&s, 16).ok()
    }

    /// `\0`, `\012` (octal) or `\1`..`\99` (a backreference), as CPython decides.
    fn digit_escape(&mut self, c: char, in_class: bool) -> Result<(), String> {
        let is_oct = |c: Option<char>| c.is_some_and(|c| ('0'..='7').contains(&c));
        if c == '0' || in_class {
            let mut v = c.to_digit(8).ok_or_else(|| format!("bad escape \\{c}"))?;
            let mut n = 1;
            while n < 3 && is_oct(self.peek(0)) {
                v = v * 8 + self.peek(0).and_then(|c| c.to_digit(8)).unwrap_or(0);
                self.i += 1;
                n += 1;
            }
            self.out.push_str(&format!("\\x{{{v:x}}}"));
            return Ok(());
        }
        // Three octal digits make an octal escape; otherwise up to two digits are a
        // group number.
        if is_oct(Some(c)) && is_oct(self.peek(0)) && is_oct(self.peek(1)) {
            let s: String = [c, self.src[self.i], self.src[self.i + 1]].iter().collect();
            let v = u32::from_str_radix(&s, 8).unwrap_or(0);
            if v > 0o377 {
                return Err(format!("octal escape value \\{s} outside of range 0-0o377"));
            }
            self.i += 2;
            self.out.push_str(&format!("\\x{{{v:x}}}"));
            return Ok(());
        }
        let mut num = c.to_digit(10).unwrap_or(0) as usize;
        if self.peek(0).is_some_and(|c| c.is_ascii_digit()) {
            num = num * 10 + self.peek(0).and_then(|c| c.to_digit(10)).unwrap_or(0) as usize;
            self.i += 1;
        }
        if num > self.groups {
            return Err(format!("invalid group reference {num}"));
        }
        self.out.push_str(&format!("\\k<{num}>"));
        Ok(())
    }
}

fn is_identifier(s: &str) -> bool {
    let mut cs = s.chars();
    cs.next().is_some_and(|c| c == '_' || c.is_alphabetic())
        && cs.all(|c| c == '_' || c.is_alphanumeric())
}

#[cfg(test)]
mod tests {
    use super::*;

    fn t(p: &str) -> String {
        translate(p, 0).unwrap().pattern
    }

    #[test]
    fn rewrites_python_only_syntax() {
        assert_eq!(t(r"(?P<a>x)(?P=a)"), r"(?P<a>x)\k<a>");
        assert_eq!(t(r"a\Z"), r"a\z");
        assert_eq!(t(r"a$"), r"a(?=\n?\z)");
        assert_eq!(t(r"x{,2}y{a"), r"x{0,2}y\{a");
        assert_eq!(t(r"[[a&]"), r"[\[a\&]");
        assert_eq!(t(r"(a)\1"), r"(a)\k<1>");
        assert_eq!(t(r"\0\101"), r"\x{0}\x{41}");
        assert_eq!(t("(?#c)a"), "a");
        assert_eq!(translate("a b # c\n d", VERBOSE).unwrap().pattern, "abd");
        assert_eq!(translate("(?i)a", 0).unwrap().pattern, "(?i)a");
    }

    #[test]
    fn counts_groups_and_names() {
        let r = translate(r"(a)(?:b)(?P<n>c)(?=d)", 0).unwrap();
        assert_eq!(r.groups, 2);
        assert_eq!(r.names, vec![("n".to_string(), 2)]);
    }

    #[test]
    fn reports_cpython_errors() {
        assert_eq!(translate(r"\q", 0).unwrap_err(), r"bad escape \q");
        assert_eq!(
            translate(r"(a)\2", 0).unwrap_err(),
            "invalid group reference 2"
        );
        assert_eq!(
            translate("[ab", 0).unwrap_err(),
            "unterminated character set at position 0"
        );
    }
}
