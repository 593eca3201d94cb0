//! The parser front end: the only module that touches `ruff_python_parser`.
//!
//! It parses source text into `ruff_python_ast` trees and turns parse errors into
//! [`SyntaxErrorInfo`] values carrying CPython 3.11's wording and positions, so the
//! runtime can print them exactly like `python3` does ([`SyntaxErrorInfo::render`]).
//! Byte offsets from the parser are mapped to lines and columns once, by [`LineIndex`].

use std::fmt;

mod errors;

use errors::convert_error;
use ruff_python_ast::{ModExpression, ModModule, PythonVersion};
use ruff_python_parser::{Mode as RuffMode, ParseOptions, UnsupportedSyntaxError};
use ruff_text_size::{TextRange, TextSize};

/// Which exception class a syntax error is reported as.
#[derive(Copy, Clone, Debug, PartialEq, Eq)]
pub enum SyntaxErrorKind {
    SyntaxError,
    IndentationError,
    TabError,
}

impl SyntaxErrorKind {
    pub fn class_name(self) -> &'static str {
        match self {
            SyntaxErrorKind::SyntaxError => "SyntaxError",
            SyntaxErrorKind::IndentationError => "IndentationError",
            SyntaxErrorKind::TabError => "TabError",
        }
    }
}

/// A syntax error as CPython's `SyntaxError` attributes describe it.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct SyntaxErrorInfo {
    pub kind: SyntaxErrorKind,
    /// `msg`, e.g. `invalid syntax`, `expected ':'`.
    pub message: String,
    pub filename: String,
    /// 1-based line.
    pub lineno: u32,
    /// 1-based column in characters (CPython's `offset`).
    pub offset: u32,
    pub end_lineno: u32,
    /// 1-based, exclusive end column in characters (CPython's `end_offset`); 0 if unknown.
    pub end_offset: u32,
    /// The source line (with its newline, as CPython keeps it), if available.
    pub text: Option<String>,
}

impl SyntaxErrorInfo {
    /// Builds an error for the byte range `range` of `source`.
    pub fn at(
        kind: SyntaxErrorKind,
        message: impl Into<String>,
        filename: &str,
        source: &str,
        index: &LineIndex,
        range: TextRange,
    ) -> Self {
        let (lineno, col) = index.line_col(range.start());
        let (end_lineno, end_col) = index.line_col(range.end());
        let line_text = index.line_text(source, lineno);
        let offset = char_offset(line_text, col) + 1;
        let end_offset = if end_lineno == lineno {
            char_offset(line_text, end_col) + 1
        } else {
            let end_text = index.line_text(source, end_lineno);
            char_offset(end_text, end_col) + 1
        };
        SyntaxErrorInfo {
            kind,
            message: message.into(),
            filename: filename.to_string(),
            lineno,
            offset,
            end_lineno,
            end_offset,
            text: Some(if line_text.ends_with('\n') {
                line_text.to_string()
            } else {
                format!("{line_text}\n")
            }),
        }
    }

    /// The lines CPython 3.11 prints for an uncaught syntax error (no traceback header):
    /// `  File "x.py", line N`, the stripped source line indented by 4, the caret line,
    /// and `SyntaxError: msg`. Each line ends with `\n`.
    pub fn render(&self) -> String {
        let mut out = format!("  File \"{}\", line {}\n", self.filename, self.lineno);
        if let Some(text) = &self.text {
            // Mirrors pythonrun.c print_error_text: strip leading blanks, shift the
            // offsets by what was stripped, clip to the line, one caret at least.
            let line = text.trim_end_matches('\n');
            let stripped = line.trim_start_matches([' ', '\t', '\x0c']);
            let removed = line.chars().count() - stripped.chars().count();
            let len = stripped.chars().count() as i64;
            let mut offset = self.offset as i64 - 1 - removed as i64;
            let mut end = if self.end_lineno == self.lineno && self.end_offset > 0 {
                self.end_offset as i64 - 1 - removed as i64
            } else {
                len + 1
            };
            offset = offset.min(len);
            end = end.min(len + 1);
            out.push_str("    ");
            out.push_str(stripped);
            out.push('\n');
            if offset >= 0 {
                let carets = if end > offset { end - offset } else { 1 };
                out.push_str("    ");
                out.push_str(&" ".repeat(offset as usize));
                out.push_str(&"^".repeat(carets as usize));
                out.push('\n');
            }
        }
        out.push_str(&format!("{}: {}\n", self.kind.class_name(), self.message));
        out
    }
}

impl fmt::Display for SyntaxErrorInfo {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(
            f,
            "{} ({}, line {})",
            self.message, self.filename, self.lineno
        )
    }
}

fn char_offset(line: &str, byte_col: u32) -> u32 {
    let byte_col = (byte_col as usize).min(line.len());
    let mut end = byte_col;
    while !line.is_char_boundary(end) {
        end -= 1;
    }
    line[..end].chars().count() as u32
}

/// Maps byte offsets to (1-based line, 0-based byte column).
#[derive(Clone, Debug)]
pub struct LineIndex {
    line_starts: Vec<u32>,
    len: u32,
}

impl LineIndex {
    pub fn new(source: &str) -> Self {
        let mut line_starts = vec![0];
        let bytes = source.as_bytes();
        let mut i = 0;
        while i < bytes.len() {
            match bytes[i] {
                b'\n' => line_starts.push(i as u32 + 1),
                b'\r' => {
                    if bytes.get(i + 1) == Some(&b'\n') {
                        i += 1;
                    }
                    line_starts.push(i as u32 + 1);
                }
                _ => {}
            }
            i += 1;
        }
        LineIndex {
            line_starts,
            len: source.len() as u32,
        }
    }

    /// 1-based line and 0-based byte column of `offset`.
    pub fn line_col(&self, offset: TextSize) -> (u32, u32) {
        let offset = u32::from(offset).min(self.len);
        let line = self.line_starts.partition_point(|&s| s <= offset) - 1;
        (line as u32 + 1, offset - self.line_starts[line])
    }

    /// The text of 1-based `line`, including its line terminator.
    pub fn line_text<'s>(&self, source: &'s str, line: u32) -> &'s str {
        let idx = (line.max(1) - 1) as usize;
        let Some(&start) = self.line_starts.get(idx) else {
            return "";
        };
        let end = self
            .line_starts
            .get(idx + 1)
            .copied()
            .unwrap_or(source.len() as u32);
        &source[start as usize..end as usize]
    }

    /// Byte offset where 1-based `line` starts.
    pub fn line_start(&self, line: u32) -> u32 {
        self.line_starts
            .get((line.max(1) - 1) as usize)
            .copied()
            .unwrap_or(self.len)
    }

    pub fn line_count(&self) -> usize {
        self.line_starts.len()
    }
}

/// A parsed program.
pub enum Parsed {
    Module(ModModule),
    Expression(ModExpression),
}

/// Parses `source`. `expression` selects `eval` input (a single expression).
pub fn parse(
    source: &str,
    filename: &str,
    expression: bool,
    index: &LineIndex,
) -> Result<Parsed, SyntaxErrorInfo> {
    let mode = if expression {
        RuffMode::Expression
    } else {
        RuffMode::Module
    };
    let options = ParseOptions::from(mode).with_target_version(PythonVersion::PY311);
    let parsed = ruff_python_parser::parse_unchecked(source, options);
    if !parsed.errors().is_empty() {
        return Err(convert_error(parsed.errors(), source, filename, index));
    }
    if let Some(err) = parsed.unsupported_syntax_errors().first() {
        return Err(convert_unsupported(err, source, filename, index));
    }
    let module = parsed.into_syntax();
    Ok(match module {
        ruff_python_ast::Mod::Module(m) => Parsed::Module(m),
        ruff_python_ast::Mod::Expression(e) => Parsed::Expression(e),
    })
}

fn convert_unsupported(
    err: &UnsupportedSyntaxError,
    source: &str,
    filename: &str,
    index: &LineIndex,
) -> SyntaxErrorInfo {
    SyntaxErrorInfo::at(
        SyntaxErrorKind::SyntaxError,
        "invalid syntax",
        filename,
        source,
        index,
        err.range,
    )
}

/// Where CPython 3.11's traceback puts the `^` run inside the `~` run for an expression
/// segment (`traceback._extract_caret_anchors_from_line_segment`): for a binary operation
/// the operator, for a subscript the `[...]`. Returns character offsets `(start, end)`
/// into `segment`, or `None` when CPython shows carets only (`^^^^`).
pub fn caret_anchors(segment: &str) -> Option<(usize, usize)> {
    use ruff_python_ast::{Expr, Stmt};
    use ruff_text_size::Ranged;
    let parsed = ruff_python_parser::parse_module(segment).ok()?;
    let body = &parsed.syntax().body;
    if body.len() != 1 {
        return None;
    }
    let Stmt::Expr(stmt) = &body[0] else {
        return None;
    };
    let bytes = segment.as_bytes();
    let chars = |byte: usize| segment[..byte.min(segment.len())].chars().count();
    match &*stmt.value {
        Expr::BinOp(b) => {
            let left_end = b.left.range().end().to_usize();
            let right_start = b.right.range().start().to_usize();
            let op = &segment[left_end..right_start];
            let op_offset = op.len() - op.trim_start().len();
            let mut left = left_end + op_offset;
            let mut right = left + 1;
            if op_offset + 1 < op.len() && !op.as_bytes()[op_offset + 1].is_ascii_whitespace() {
                right += 1;
            }
            while left < bytes.len()
                && (bytes[left].is_ascii_whitespace() || b")#".contains(&bytes[left]))
            {
                left += 1;
                right += 1;
            }
            Some((chars(left), chars(right)))
        }
        Expr::Subscript(s) => {
            let mut left = s.value.range().end().to_usize();
            let mut right = s.slice.range().end().to_usize() + 1;
            while left < bytes.len() && bytes[left] != b'[' {
                left += 1;
            }
            while right < bytes.len() && bytes[right] != b']' {
                right += 1;
            }
            if right < bytes.len() {
                right += 1;
            }
            Some((chars(left), chars(right)))
        }
        _ => None,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn caret_anchors_follow_cpython() {
        // Values from CPython 3.11's traceback._extract_caret_anchors_from_line_segment.
        assert_eq!(caret_anchors("1 / 0"), Some((2, 3)));
        assert_eq!(caret_anchors("a ** b"), Some((2, 4)));
        assert_eq!(caret_anchors("(x) // y"), Some((4, 5)));
        assert_eq!(caret_anchors("d['k']"), Some((1, 6)));
        assert_eq!(caret_anchors("f(x)"), None);
    }

    #[test]
    fn render_matches_cpython_caret_layout() {
        let src = "if True:\n    x = = 1\n";
        let index = LineIndex::new(src);
        let err = match parse(src, "t.py", false, &index) {
            Err(e) => e,
            Ok(_) => panic!("must fail"),
        };
        assert_eq!(
            err.render(),
            "  File \"t.py\", line 2\n    x = = 1\n        ^\nSyntaxError: invalid syntax\n"
        );
    }
}
