//! Frozen modules: standard-library modules written in Python (`vm/lib/*.py`), embedded in
//! the binary with `include_str!` so a lone `stmpy` executable can import them.
//!
//! `import name` looks in `crate::modules::NATIVE_MODULES` first, then here, then on
//! `sys.path` (see `crate::import`). A module written in Python may import a native helper
//! (`_name`) for its hot parts, as CPython's `collections` imports `_collections`.
//!
//! While editing `vm/lib`, set `STMPY_FROZEN_DIR=vm/lib` to read the sources from disk
//! instead of the copies compiled in, so no rebuild is needed between tries.

/// One frozen module: its import name, whether it is a package, and its source.
pub struct FrozenModule {
    pub name: &'static str,
    pub is_package: bool,
    pub source: &'static str,
}

macro_rules! frozen {
    ($name:literal, $file:literal) => {
        FrozenModule {
            name: $name,
            is_package: false,
            source: include_str!(concat!("../../lib/", $file)),
        }
    };
    ($name:literal, $file:literal, package) => {
        FrozenModule {
            name: $name,
            is_package: true,
            source: include_str!(concat!("../../lib/", $file)),
        }
    };
}

/// Every frozen module, by import name.
pub const FROZEN_MODULES: &[FrozenModule] = &[
    frozen!("collections", "collections/__init__.py", package),
    frozen!("collections.abc", "collections/abc.py"),
    frozen!("_collections_abc", "_collections_abc.py"),
    frozen!("_compat_pickle", "_compat_pickle.py"),
    frozen!("_csv", "_csv.py"),
    frozen!("_generic_alias", "_generic_alias.py"),
    frozen!("_objreduce", "_objreduce.py"),
    frozen!("_pydecimal", "_pydecimal.py"),
    frozen!("_weakrefset", "_weakrefset.py"),
    frozen!("abc", "abc.py"),
    frozen!("argparse", "argparse.py"),
    frozen!("atexit", "atexit.py"),
    frozen!("base64", "base64.py"),
    frozen!("binascii", "binascii.py"),
    frozen!("bisect", "bisect.py"),
    frozen!("codecs", "codecs.py"),
    frozen!("colorsys", "colorsys.py"),
    frozen!("contextlib", "contextlib.py"),
    frozen!("contextvars", "contextvars.py"),
    frozen!("copy", "copy.py"),
    frozen!("copyreg", "copyreg.py"),
    frozen!("csv", "csv.py"),
    frozen!("dataclasses", "dataclasses.py"),
    frozen!("datetime", "datetime.py"),
    frozen!("decimal", "decimal.py"),
    frozen!("difflib", "difflib.py"),
    frozen!("enum", "enum.py"),
    frozen!("errno", "errno.py"),
    frozen!("fnmatch", "fnmatch.py"),
    frozen!("fractions", "fractions.py"),
    frozen!("functools", "functools.py"),
    frozen!("gc", "gc.py"),
    frozen!("genericpath", "genericpath.py"),
    frozen!("graphlib", "graphlib.py"),
    frozen!("heapq", "heapq.py"),
    frozen!("io", "io.py"),
    frozen!("ipaddress", "ipaddress.py"),
    frozen!("itertools", "itertools.py"),
    frozen!("json", "json/__init__.py", package),
    frozen!("json.decoder", "json/decoder.py"),
    frozen!("json.encoder", "json/encoder.py"),
    frozen!("keyword", "keyword.py"),
    frozen!("logging", "logging/__init__.py", package),
    frozen!("ntpath", "ntpath.py"),
    frozen!("numbers", "numbers.py"),
    frozen!("operator", "operator.py"),
    frozen!("os", "os/__init__.py", package),
    frozen!("os.path", "os/path.py"),
    frozen!("pathlib", "pathlib.py"),
    frozen!("pickle", "pickle.py"),
    frozen!("posixpath", "posixpath.py"),
    frozen!("pprint", "pprint.py"),
    frozen!("re", "re.py"),
    frozen!("shlex", "shlex.py"),
    frozen!("signal", "signal.py"),
    frozen!("stat", "stat.py"),
    frozen!("statistics", "statistics.py"),
    frozen!("string", "string.py"),
    frozen!("struct", "struct.py"),
    frozen!("textwrap", "textwrap.py"),
    frozen!("timeit", "timeit.py"),
    frozen!("traceback", "traceback.py"),
    frozen!("types", "types.py"),
    frozen!("typing", "typing.py"),
    frozen!("unittest", "unittest/__init__.py", package),
    frozen!("unittest.__main__", "unittest/__main__.py"),
    frozen!("unittest._log", "unittest/_log.py"),
    frozen!("unittest.case", "unittest/case.py"),
    frozen!("unittest.loader", "unittest/loader.py"),
    frozen!("unittest.main", "unittest/main.py"),
    frozen!("unittest.result", "unittest/result.py"),
    frozen!("unittest.runner", "unittest/runner.py"),
    frozen!("unittest.signals", "unittest/signals.py"),
    frozen!("unittest.suite", "unittest/suite.py"),
    frozen!("unittest.util", "unittest/util.py"),
    frozen!("urllib", "urllib/__init__.py", package),
    frozen!("urllib.parse", "urllib/parse.py"),
    frozen!("warnings", "warnings.py"),
    frozen!("weakref", "weakref.py"),
];

/// The source of frozen module `name`, with its pseudo file name and whether it is a
/// package; `None` when there is no such frozen module.
pub fn find(name: &str) -> Option<(String, String, bool)> {
    let m = FROZEN_MODULES.iter().find(|m| m.name == name)?;
    let rel = if m.is_package {
        format!("{}/__init__.py", m.name.replace('.', "/"))
    } else {
        format!("{}.py", m.name.replace('.', "/"))
    };
    if let Some(dir) = std::env::var_os("STMPY_FROZEN_DIR") {
        let path = std::path::Path::new(&dir).join(&rel);
        if let Ok(src) = std::fs::read_to_string(&path) {
            return Some((src, path.to_string_lossy().into_owned(), m.is_package));
        }
    }
    Some((
        m.source.to_string(),
        format!("<frozen {}>", m.name),
        m.is_package,
    ))
}
