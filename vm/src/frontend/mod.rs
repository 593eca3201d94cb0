//! The parser front end: the only module that touches `ruff_python_parser`.
//!
//! It parses source text into `ruff_python_ast` trees and turns parse errors into
//! [`SyntaxErrorInfo`] values carrying CPython 3.11's wording and positions, so the
//! runtime can print them exactly like `python3` does ([`SyntaxErrorInfo::render`]).
//! Byte offsets from the parser are mapped to lines and columns once, by [`LineIndex`].

use std::fmt;

use ruff_python_ast::{ModExpression, ModModule, PythonVersion};
use ruff_python_parser::{
    LexicalErrorType, Mode as RuffMode, ParseError, ParseErrorType, ParseOptions,
    UnsupportedSyntaxError,
};
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
    if let Some(err) = parsed.errors().first() {
        return Err(convert_error(err, source, filename, index));
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

/// Translates ruff's error into CPython 3.11's message and position.
fn convert_error(
    err: &ParseError,
    source: &str,
    filename: &str,
    index: &LineIndex,
) -> SyntaxErrorInfo {
    use SyntaxErrorKind::*;
    let range = err.location;
    let at =
        |kind, msg: &str, range| SyntaxErrorInfo::at(kind, msg, filename, source, index, range);
    let point = |r: TextRange| TextRange::new(r.start(), r.start());
    match &err.error {
        ParseErrorType::Lexical(lex) => match lex {
            LexicalErrorType::IndentationError => at(
                IndentationError,
                "unindent does not match any outer indentation level",
                range,
            ),
            LexicalErrorType::UnclosedStringError => {
                let (line, _) = index.line_col(range.start());
                let text = &source[range.start().to_usize().min(source.len())..];
                let msg = if text.starts_with("\"\"\"") || text.starts_with("'''") {
                    let (end_line, _) = index.line_col(TextSize::new(source.len() as u32));
                    format!(
                        "unterminated triple-quoted string literal (detected at line {end_line})"
                    )
                } else {
                    format!("unterminated string literal (detected at line {line})")
                };
                at(SyntaxError, &msg, point(range))
            }
            LexicalErrorType::Eof => unexpected_eof(source, filename, index),
            LexicalErrorType::LineContinuationError => at(
                SyntaxError,
                "unexpected character after line continuation character",
                point(range),
            ),
            LexicalErrorType::UnrecognizedToken { tok } => at(
                SyntaxError,
                &format!("invalid character '{tok}' (U+{:04X})", *tok as u32),
                range,
            ),
            _ => at(SyntaxError, "invalid syntax", range),
        },
        ParseErrorType::UnexpectedIndentation => at(IndentationError, "unexpected indent", range),
        ParseErrorType::ExpectedToken { expected, found } => {
            use ruff_python_ast::token::TokenKind as T;
            match (expected, found) {
                (T::Colon, _) => at(SyntaxError, "expected ':'", point(range)),
                (T::Indent, _) => expected_indent(err, source, filename, index),
                (T::Rpar | T::Rsqb | T::Rbrace, T::EndOfFile | T::Newline) => {
                    unclosed_bracket(source, filename, index, range)
                }
                _ => at(SyntaxError, "invalid syntax", range),
            }
        }
        ParseErrorType::InvalidAssignmentTarget
        | ParseErrorType::InvalidAugmentedAssignmentTarget
        | ParseErrorType::InvalidAnnotatedAssignmentTarget
        | ParseErrorType::InvalidNamedAssignmentTarget
        | ParseErrorType::InvalidDeleteTarget => {
            let what = describe_target(&source[range.start().to_usize()..range.end().to_usize()]);
            let msg = match &err.error {
                ParseErrorType::InvalidDeleteTarget => format!("cannot delete {what}"),
                ParseErrorType::InvalidAugmentedAssignmentTarget => {
                    format!("'{what}' is an illegal expression for augmented assignment")
                }
                ParseErrorType::InvalidNamedAssignmentTarget => {
                    format!("cannot use assignment expressions with {what}")
                }
                _ => format!("cannot assign to {what}"),
            };
            at(SyntaxError, &msg, range)
        }
        ParseErrorType::PositionalAfterKeywordArgument => at(
            SyntaxError,
            "positional argument follows keyword argument",
            range,
        ),
        ParseErrorType::PositionalAfterKeywordUnpacking => at(
            SyntaxError,
            "positional argument follows keyword argument unpacking",
            range,
        ),
        ParseErrorType::InvalidArgumentUnpackingOrder => at(
            SyntaxError,
            "iterable argument unpacking follows keyword argument unpacking",
            range,
        ),
        ParseErrorType::NonDefaultParamAfterDefaultParam => at(
            SyntaxError,
            "non-default argument follows default argument",
            range,
        ),
        ParseErrorType::ExpectedKeywordParam => {
            at(SyntaxError, "named arguments must follow bare *", range)
        }
        ParseErrorType::OtherError(msg) => {
            let msg = translate_other(msg);
            at(SyntaxError, &msg, range)
        }
        ParseErrorType::ExpectedExpression
            if u32::from(range.start()) as usize >= source.trim_end().len() =>
        {
            unexpected_eof(source, filename, index)
        }
        _ => at(SyntaxError, "invalid syntax", range),
    }
}

/// CPython names the kind of expression that cannot be assigned to.
fn describe_target(text: &str) -> &'static str {
    let t = text.trim();
    let first = t.chars().next().unwrap_or(' ');
    if t == "None" || t == "True" || t == "False" || t == "..." {
        return "literal";
    }
    if first.is_ascii_digit()
        || first == '"'
        || first == '\''
        || (t.len() > 1 && "bBrRuU".contains(first) && t[1..].starts_with(['"', '\'']))
    {
        return "literal";
    }
    if (first == 'f' || first == 'F') && t[1..].starts_with(['"', '\'']) {
        return "f-string expression";
    }
    if t.ends_with(')') && !t.starts_with('(') {
        return "function call";
    }
    if t.starts_with("lambda") {
        return "lambda";
    }
    if t.starts_with('[') && t.contains(" for ") {
        return "list comprehension";
    }
    if t.starts_with('{') {
        return if t.contains(':') {
            "dict literal"
        } else {
            "set display"
        };
    }
    "expression"
}

fn translate_other(msg: &str) -> String {
    if let Some(name) = msg.strip_prefix("Duplicate keyword argument ") {
        return format!(
            "keyword argument repeated: {}",
            name.trim_matches('"').trim_matches('`')
        );
    }
    if msg.contains("outside of a function") && msg.contains("return") {
        return "'return' outside function".to_string();
    }
    "invalid syntax".to_string()
}

fn unexpected_eof(source: &str, filename: &str, index: &LineIndex) -> SyntaxErrorInfo {
    // CPython reports unexpected EOF at the last line with text.
    let end = source.trim_end().len() as u32;
    let range = TextRange::new(TextSize::new(end), TextSize::new(end));
    SyntaxErrorInfo::at(
        SyntaxErrorKind::SyntaxError,
        "invalid syntax",
        filename,
        source,
        index,
        range,
    )
}

fn unclosed_bracket(
    source: &str,
    filename: &str,
    index: &LineIndex,
    range: TextRange,
) -> SyntaxErrorInfo {
    // Find the innermost bracket still open before the error, like CPython's tokenizer.
    let upto = (u32::from(range.start()) as usize).min(source.len());
    let mut stack: Vec<(usize, char)> = Vec::new();
    let mut in_str: Option<char> = None;
    for (i, c) in source[..upto].char_indices() {
        match in_str {
            Some(q) => {
                if c == q {
                    in_str = None;
                }
            }
            None => match c {
                '(' | '[' | '{' => stack.push((i, c)),
                ')' | ']' | '}' => {
                    stack.pop();
                }
                '"' | '\'' => in_str = Some(c),
                _ => {}
            },
        }
    }
    match stack.last() {
        Some(&(pos, c)) => {
            let at = TextSize::new(pos as u32);
            SyntaxErrorInfo::at(
                SyntaxErrorKind::SyntaxError,
                format!("'{c}' was never closed"),
                filename,
                source,
                index,
                TextRange::new(at, at + TextSize::new(1)),
            )
        }
        None => SyntaxErrorInfo::at(
            SyntaxErrorKind::SyntaxError,
            "invalid syntax",
            filename,
            source,
            index,
            range,
        ),
    }
}

fn expected_indent(
    err: &ParseError,
    source: &str,
    filename: &str,
    index: &LineIndex,
) -> SyntaxErrorInfo {
    // "expected an indented block after 'if' statement on line N", reported on the line
    // that should have been indented.
    let (err_line, _) = index.line_col(err.location.start());
    let mut header_line = err_line;
    let mut keyword = None;
    while header_line > 1 {
        header_line -= 1;
        let text = index.line_text(source, header_line).trim_start();
        if text.is_empty() || text.starts_with('#') {
            continue;
        }
        let word: String = text
            .chars()
            .take_while(|c| c.is_alphanumeric() || *c == '_')
            .collect();
        keyword = Some(word);
        break;
    }
    let what = match keyword.as_deref() {
        Some("if") => format!("'if' statement on line {header_line}"),
        Some("elif") => format!("'elif' statement on line {header_line}"),
        Some("else") => format!("'else' statement on line {header_line}"),
        Some("for") => format!("'for' statement on line {header_line}"),
        Some("while") => format!("'while' statement on line {header_line}"),
        Some("try") => format!("'try' statement on line {header_line}"),
        Some("except") => format!("'except' statement on line {header_line}"),
        Some("finally") => format!("'finally' statement on line {header_line}"),
        Some("with") => format!("'with' statement on line {header_line}"),
        Some("def") => format!("function definition on line {header_line}"),
        Some("class") => format!("class definition on line {header_line}"),
        _ => String::new(),
    };
    let msg = if what.is_empty() {
        "expected an indented block".to_string()
    } else {
        format!("expected an indented block after {what}")
    };
    let (line, _) = index.line_col(err.location.start());
    let text = index.line_text(source, line);
    let indent = text.len() - text.trim_start().len();
    let start = index.line_starts[(line - 1) as usize] + indent as u32;
    let end = start + text.trim().len() as u32;
    let mut info = SyntaxErrorInfo::at(
        SyntaxErrorKind::IndentationError,
        msg,
        filename,
        source,
        index,
        TextRange::new(TextSize::new(start), TextSize::new(end)),
    );
    if info.end_offset <= info.offset {
        info.end_offset = info.offset + 1;
    }
    info
}
