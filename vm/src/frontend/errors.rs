//! Translation of ruff's parse errors into CPython 3.11's SyntaxError messages and
//! positions. Where ruff and CPython disagree on what went wrong, CPython's tokenizer-level
//! rules are re-applied here (e.g. an unclosed bracket anywhere wins over a generic
//! "invalid syntax"). Cases are pinned by `vm/tests/syntax_errors/`.

use ruff_python_parser::{
    InterpolatedStringErrorType, LexicalErrorType, ParseError, ParseErrorType,
};
use ruff_text_size::{TextRange, TextSize};

use super::{LineIndex, SyntaxErrorInfo, SyntaxErrorKind};

/// Translates ruff's error into CPython 3.11's message and position.
pub(super) fn convert_error(
    errors: &[ParseError],
    source: &str,
    filename: &str,
    index: &LineIndex,
) -> SyntaxErrorInfo {
    let err = &errors[0];
    let info = convert_error_inner(err, source, filename, index);
    // When the parser had to read to the end of the file (inside brackets newlines do not
    // end statements), CPython reports the bracket still open ("'(' was never closed")
    // instead of a generic error.
    let reached_eof = errors.iter().any(|e| {
        matches!(e.error, ParseErrorType::Lexical(LexicalErrorType::Eof))
            || e.location.start().to_usize() >= source.trim_end().len()
    });
    if info.message == "invalid syntax"
        && reached_eof
        && let Some(unclosed) = unclosed_bracket(source, filename, index)
    {
        return unclosed;
    }
    info
}

fn point(at: TextSize) -> TextRange {
    TextRange::new(at, at)
}

fn text_of(source: &str, r: TextRange) -> &str {
    let start = r.start().to_usize().min(source.len());
    let end = r.end().to_usize().min(source.len()).max(start);
    source.get(start..end).unwrap_or("")
}

fn convert_error_inner(
    err: &ParseError,
    source: &str,
    filename: &str,
    index: &LineIndex,
) -> SyntaxErrorInfo {
    use SyntaxErrorKind::*;
    let range = err.location;
    let at =
        |kind, msg: &str, range| SyntaxErrorInfo::at(kind, msg, filename, source, index, range);
    match &err.error {
        ParseErrorType::Lexical(lex) => match lex {
            LexicalErrorType::IndentationError => {
                let (line, _) = index.line_col(range.start());
                at(
                    IndentationError,
                    "unindent does not match any outer indentation level",
                    point(line_content_end(source, index, line)),
                )
            }
            LexicalErrorType::UnclosedStringError => {
                let (line, _) = index.line_col(range.start());
                let text = text_of(
                    source,
                    TextRange::new(range.start(), range.start() + TextSize::new(3)),
                );
                let msg = if text == "\"\"\"" || text == "'''" {
                    let trimmed = source.trim_end_matches(['\n', '\r']).len() as u32;
                    let (end_line, _) = index.line_col(TextSize::new(trimmed));
                    format!(
                        "unterminated triple-quoted string literal (detected at line {end_line})"
                    )
                } else {
                    format!("unterminated string literal (detected at line {line})")
                };
                at(SyntaxError, &msg, point(range.start()))
            }
            LexicalErrorType::Eof => unexpected_eof(source, filename, index),
            LexicalErrorType::LineContinuationError => at(
                SyntaxError,
                "unexpected character after line continuation character",
                point(range.start()),
            ),
            LexicalErrorType::UnrecognizedToken { tok } if !tok.is_ascii() => at(
                SyntaxError,
                &format!("invalid character '{tok}' (U+{:04X})", *tok as u32),
                range,
            ),
            LexicalErrorType::FStringError(e) => at(
                SyntaxError,
                &format!("f-string: {}", fstring_message(e)),
                range,
            ),
            _ => at(SyntaxError, "invalid syntax", range),
        },
        ParseErrorType::FStringError(e) => at(
            SyntaxError,
            &format!("f-string: {}", fstring_message(e)),
            range,
        ),
        ParseErrorType::UnexpectedIndentation => {
            let mut info = at(IndentationError, "unexpected indent", range);
            // CPython prints no caret for this one.
            info.offset = 0;
            info
        }
        ParseErrorType::ExpectedToken { expected, .. } => {
            use ruff_python_ast::token::TokenKind as T;
            match expected {
                T::Colon => at(SyntaxError, "expected ':'", point(range.start())),
                T::Indent => expected_indent(err, source, filename, index),
                _ => at(SyntaxError, "invalid syntax", range),
            }
        }
        ParseErrorType::OtherError(msg) if msg.starts_with("Expected an indented block") => {
            expected_indent(err, source, filename, index)
        }
        ParseErrorType::InvalidAssignmentTarget
        | ParseErrorType::InvalidAugmentedAssignmentTarget
        | ParseErrorType::InvalidAnnotatedAssignmentTarget
        | ParseErrorType::InvalidNamedAssignmentTarget
        | ParseErrorType::InvalidDeleteTarget => {
            let what = describe_target(text_of(source, range));
            let msg = match &err.error {
                ParseErrorType::InvalidDeleteTarget => format!("cannot delete {what}"),
                ParseErrorType::InvalidAugmentedAssignmentTarget => {
                    format!("'{what}' is an illegal expression for augmented assignment")
                }
                ParseErrorType::InvalidNamedAssignmentTarget => {
                    format!("cannot use assignment expressions with {what}")
                }
                ParseErrorType::InvalidAssignmentTarget
                    if what != "lambda" && is_whole_assignment_lhs(source, index, range) =>
                {
                    format!("cannot assign to {what} here. Maybe you meant '==' instead of '='?")
                }
                _ => format!("cannot assign to {what}"),
            };
            at(SyntaxError, &msg, range)
        }
        ParseErrorType::PositionalAfterKeywordArgument => at(
            SyntaxError,
            "positional argument follows keyword argument",
            point(range.end()),
        ),
        ParseErrorType::PositionalAfterKeywordUnpacking => at(
            SyntaxError,
            "positional argument follows keyword argument unpacking",
            point(range.end()),
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
        ParseErrorType::SimpleStatementsOnSameLine => {
            missing_parens(source, filename, index, range)
                .unwrap_or_else(|| at(SyntaxError, "invalid syntax", range))
        }
        ParseErrorType::ExpectedExpression
            if text_of(
                source,
                TextRange::new(
                    range
                        .start()
                        .checked_sub(TextSize::new(1))
                        .unwrap_or_default(),
                    range.start() + TextSize::new(1),
                ),
            ) == "{}" =>
        {
            let (line, _) = index.line_col(range.start());
            at(
                SyntaxError,
                "f-string: empty expression not allowed",
                point(line_content_end(source, index, line)),
            )
        }
        ParseErrorType::ExpectedExpression
            if u32::from(range.start()) as usize >= source.trim_end().len() =>
        {
            unexpected_eof(source, filename, index)
        }
        _ => at(SyntaxError, "invalid syntax", range),
    }
}

/// Python 2 style `print x` / `exec x`.
fn missing_parens(
    source: &str,
    filename: &str,
    index: &LineIndex,
    range: TextRange,
) -> Option<SyntaxErrorInfo> {
    let (line, _) = index.line_col(range.start());
    let line_text = index.line_text(source, line);
    let trimmed = line_text.trim_start();
    for word in ["print", "exec"] {
        if let Some(rest) = trimmed.strip_prefix(word)
            && rest.starts_with([' ', '\t'])
        {
            let start = index.line_start(line) + (line_text.len() - trimmed.len()) as u32;
            let end = line_content_end(source, index, line);
            return Some(SyntaxErrorInfo::at(
                SyntaxErrorKind::SyntaxError,
                format!("Missing parentheses in call to '{word}'. Did you mean {word}(...)?"),
                filename,
                source,
                index,
                TextRange::new(TextSize::new(start), end),
            ));
        }
    }
    None
}

fn fstring_message(e: &InterpolatedStringErrorType) -> String {
    use InterpolatedStringErrorType as F;
    match e {
        F::SingleRbrace => "single '}' is not allowed".into(),
        F::UnclosedLbrace => "expecting '}'".into(),
        F::InvalidConversionFlag => {
            "invalid conversion character: expected 's', 'r', or 'a'".into()
        }
        _ => "invalid syntax".into(),
    }
}

/// Whether `range` is the whole left-hand side of an `=` statement (CPython then adds
/// "here. Maybe you meant '==' instead of '='?").
fn is_whole_assignment_lhs(source: &str, index: &LineIndex, range: TextRange) -> bool {
    let (line, col) = index.line_col(range.start());
    let line_text = index.line_text(source, line);
    let before = line_text.get(..col as usize).unwrap_or("");
    if !before.trim().is_empty() {
        return false;
    }
    let rest = source
        .get(range.end().to_usize()..)
        .unwrap_or("")
        .trim_start_matches([' ', '\t']);
    rest.starts_with('=') && !rest.starts_with("==")
}

/// End of the non-blank content of 1-based `line`, as an offset.
fn line_content_end(source: &str, index: &LineIndex, line: u32) -> TextSize {
    let text = index.line_text(source, line);
    TextSize::new(index.line_start(line) + text.trim_end().len() as u32)
}

/// CPython's name for the kind of expression that cannot be assigned to or deleted
/// (`_PyPegen_get_expr_name`).
fn describe_target(text: &str) -> &'static str {
    use ruff_python_ast::Expr;
    let Ok(parsed) = ruff_python_parser::parse_expression(text.trim()) else {
        return "expression";
    };
    match parsed.expr() {
        Expr::Attribute(_) => "attribute",
        Expr::Subscript(_) => "subscript",
        Expr::Starred(_) => "starred",
        Expr::Name(_) => "name",
        Expr::List(_) => "list",
        Expr::Tuple(_) => "tuple",
        Expr::Lambda(_) => "lambda",
        Expr::Call(_) => "function call",
        Expr::BoolOp(_) | Expr::BinOp(_) | Expr::UnaryOp(_) => "expression",
        Expr::Generator(_) => "generator expression",
        Expr::Yield(_) | Expr::YieldFrom(_) => "yield expression",
        Expr::Await(_) => "await expression",
        Expr::ListComp(_) => "list comprehension",
        Expr::SetComp(_) => "set comprehension",
        Expr::DictComp(_) => "dict comprehension",
        Expr::Dict(_) => "dict literal",
        Expr::Set(_) => "set display",
        Expr::FString(_) => "f-string expression",
        Expr::NoneLiteral(_) => "None",
        Expr::BooleanLiteral(b) if b.value => "True",
        Expr::BooleanLiteral(_) => "False",
        Expr::EllipsisLiteral(_) => "ellipsis",
        Expr::Compare(_) => "comparison",
        Expr::If(_) => "conditional expression",
        Expr::Named(_) => "named expression",
        _ => "literal",
    }
}

/// Input that ends inside a statement: CPython 3.11 says "invalid syntax" at the end (or
/// names the bracket left open).
fn unexpected_eof(source: &str, filename: &str, index: &LineIndex) -> SyntaxErrorInfo {
    if let Some(info) = unclosed_bracket(source, filename, index) {
        return info;
    }
    let end = TextSize::new(source.trim_end().len() as u32);
    SyntaxErrorInfo::at(
        SyntaxErrorKind::SyntaxError,
        "invalid syntax",
        filename,
        source,
        index,
        point(end),
    )
}

/// The innermost bracket left open at the end of the source, as CPython's tokenizer
/// reports it.
fn unclosed_bracket(source: &str, filename: &str, index: &LineIndex) -> Option<SyntaxErrorInfo> {
    let bytes = source.as_bytes();
    let mut stack: Vec<(usize, char)> = Vec::new();
    let mut i = 0;
    while i < bytes.len() {
        let c = bytes[i];
        match c {
            b'#' => {
                while i < bytes.len() && bytes[i] != b'\n' {
                    i += 1;
                }
            }
            b'"' | b'\'' => {
                let triple = bytes.get(i + 1) == Some(&c) && bytes.get(i + 2) == Some(&c);
                i += if triple { 3 } else { 1 };
                loop {
                    if i >= bytes.len() {
                        // An unterminated string is reported by the lexer instead.
                        return None;
                    }
                    if bytes[i] == b'\\' {
                        i += 2;
                        continue;
                    }
                    if !triple && bytes[i] == b'\n' {
                        break;
                    }
                    if bytes[i] == c
                        && (!triple
                            || (bytes.get(i + 1) == Some(&c) && bytes.get(i + 2) == Some(&c)))
                    {
                        if triple {
                            i += 2;
                        }
                        break;
                    }
                    i += 1;
                }
            }
            b'(' | b'[' | b'{' => stack.push((i, c as char)),
            b')' | b']' | b'}' => {
                stack.pop();
            }
            _ => {}
        }
        i += 1;
    }
    let &(pos, c) = stack.last()?;
    let at = TextSize::new(pos as u32);
    let mut info = SyntaxErrorInfo::at(
        SyntaxErrorKind::SyntaxError,
        format!("'{c}' was never closed"),
        filename,
        source,
        index,
        TextRange::new(at, at + TextSize::new(1)),
    );
    info.end_offset = info.offset + 1;
    Some(info)
}

/// "expected an indented block after 'if' statement on line N", reported on the line
/// that should have been indented, with one caret at its first character.
fn expected_indent(
    err: &ParseError,
    source: &str,
    filename: &str,
    index: &LineIndex,
) -> SyntaxErrorInfo {
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
        Some(
            kw @ ("if" | "elif" | "else" | "for" | "while" | "try" | "except" | "finally" | "with"
            | "match" | "case"),
        ) => format!("'{kw}' statement on line {header_line}"),
        Some("def") => format!("function definition on line {header_line}"),
        Some("class") => format!("class definition on line {header_line}"),
        _ => String::new(),
    };
    let msg = if what.is_empty() {
        "expected an indented block".to_string()
    } else {
        format!("expected an indented block after {what}")
    };
    let text = index.line_text(source, err_line);
    let indent = text.len() - text.trim_start().len();
    let start = TextSize::new(index.line_start(err_line) + indent as u32);
    let mut info = SyntaxErrorInfo::at(
        SyntaxErrorKind::IndentationError,
        msg,
        filename,
        source,
        index,
        point(start),
    );
    info.end_offset = info.offset + 1;
    info
}
