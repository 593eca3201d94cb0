//! The `time` module.

use std::time::{Duration, Instant, SystemTime, UNIX_EPOCH};

use std::sync::OnceLock;

use stmpy_core::error::{PyResult, type_error, value_error};
use stmpy_core::stm::Tx;
use stmpy_core::types::types;
use stmpy_core::value::{ObjRef, Value};

use super::time_fmt::{self, Tm};
use crate::builtins::Table;
use crate::call::StrValue;
use crate::ops;
use crate::vm::Vm;

pub const FUNCTIONS: Table = &[
    ("time", time),
    ("time_ns", time_ns),
    ("perf_counter", perf_counter),
    ("perf_counter_ns", perf_counter_ns),
    ("monotonic", perf_counter),
    ("monotonic_ns", perf_counter_ns),
    ("process_time", perf_counter),
    ("sleep", sleep),
    ("gmtime", gmtime),
    ("localtime", localtime),
    ("mktime", mktime),
    ("strftime", strftime),
    ("asctime", asctime),
    ("ctime", ctime),
];

/// `timezone`, `altzone`, `daylight`, `tzname` and the `struct_time` class.
pub fn init(_vm: &mut Vm, tx: &Tx, g: &ObjRef) -> PyResult<()> {
    let now = since_epoch().as_secs() as i64;
    let (timezone, altzone, daylight, std_name, dst_name) = time_fmt::zone_constants(now);
    super::set_attr(tx, g, "timezone", Value::Int(timezone))?;
    super::set_attr(tx, g, "altzone", Value::Int(altzone))?;
    super::set_attr(tx, g, "daylight", Value::Int(i64::from(daylight)))?;
    super::set_attr(
        tx,
        g,
        "tzname",
        Value::tuple(vec![Value::string(std_name), Value::string(dst_name)]),
    )?;
    super::set_attr(tx, g, "struct_time", Value::Obj(struct_time(tx)?))?;
    Ok(())
}

/// The `time.struct_time` class (made once per process).
fn struct_time(tx: &Tx) -> PyResult<ObjRef> {
    static T: OnceLock<ObjRef> = OnceLock::new();
    if let Some(t) = T.get() {
        return Ok(t.clone());
    }
    let fields = [
        "tm_year",
        "tm_mon",
        "tm_mday",
        "tm_hour",
        "tm_min",
        "tm_sec",
        "tm_wday",
        "tm_yday",
        "tm_isdst",
        "tm_zone",
        "tm_gmtoff",
    ];
    let t = super::structseq::make_type(tx, "time", "struct_time", &fields, 9)?;
    // Another thread may have made it first: everyone uses the stored one.
    let _ = T.set(t);
    Ok(T.get().cloned().unwrap_or_else(|| types().object.clone()))
}

fn tm_value(vm: &mut Vm, tx: &Tx, tm: &Tm) -> PyResult<Value> {
    let cls = struct_time(tx)?;
    let values = vec![
        Value::Int(tm.year),
        Value::Int(tm.mon),
        Value::Int(tm.mday),
        Value::Int(tm.hour),
        Value::Int(tm.min),
        Value::Int(tm.sec),
        Value::Int(tm.wday),
        Value::Int(tm.yday),
        Value::Int(tm.isdst),
        Value::str(&tm.zone),
        Value::Int(tm.gmtoff),
    ];
    super::structseq::new(vm, tx, &cls, values)
}

/// The broken-down time of a 9-item sequence (a tuple or struct_time).
fn tm_of(vm: &mut Vm, tx: &Tx, v: &Value, func: &str) -> PyResult<Tm> {
    let items = crate::iter::collect(vm, tx, v)
        .map_err(|_| type_error("Tuple or struct_time argument required"))?;
    if items.len() != 9 {
        return Err(type_error(format!("{func}(): illegal time tuple argument")));
    }
    let mut n = [0i64; 9];
    for (slot, it) in n.iter_mut().zip(&items) {
        *slot = crate::stdlib::args::to_i64(vm, tx, it)?;
    }
    let zone = ops::getattr_opt(vm, tx, v, &Value::str("tm_zone"))?
        .and_then(|z| z.payload_str().map(String::from))
        .unwrap_or_default();
    Ok(Tm {
        year: n[0],
        mon: n[1],
        mday: n[2],
        hour: n[3],
        min: n[4],
        sec: n[5],
        wday: n[6],
        yday: n[7],
        isdst: n[8],
        zone,
        gmtoff: 0,
    })
}

/// Seconds since the epoch from an optional argument (`None` or absent: now).
fn secs_arg(vm: &mut Vm, tx: &Tx, args: &[Value]) -> PyResult<i64> {
    match args.first() {
        None | Some(Value::None) => Ok(since_epoch().as_secs() as i64),
        Some(v) => {
            let f = crate::stdlib::args::to_f64(vm, tx, v)?;
            if !f.is_finite() || f.abs() > 1e17 {
                return Err(stmpy_core::error::overflow_error(
                    "timestamp out of range for platform time_t",
                ));
            }
            Ok(f.floor() as i64)
        }
    }
}

fn gmtime(vm: &mut Vm, tx: &Tx, args: &[Value], _k: &[(Value, Value)]) -> PyResult<Value> {
    let t = secs_arg(vm, tx, args)?;
    tm_value(vm, tx, &time_fmt::gmtime(t))
}

fn localtime(vm: &mut Vm, tx: &Tx, args: &[Value], _k: &[(Value, Value)]) -> PyResult<Value> {
    let t = secs_arg(vm, tx, args)?;
    tm_value(vm, tx, &time_fmt::localtime(t))
}

fn mktime(vm: &mut Vm, tx: &Tx, args: &[Value], _k: &[(Value, Value)]) -> PyResult<Value> {
    let v = args
        .first()
        .ok_or_else(|| type_error("time.mktime() takes exactly one argument (0 given)"))?;
    let tm = tm_of(vm, tx, v, "mktime")?;
    Ok(Value::Float(time_fmt::mktime(&tm) as f64))
}

/// The time a formatting function formats: its argument, or the local time now.
fn tm_or_now(vm: &mut Vm, tx: &Tx, v: Option<&Value>, func: &str) -> PyResult<Tm> {
    match v {
        Some(v) => tm_of(vm, tx, v, func),
        None => Ok(time_fmt::localtime(since_epoch().as_secs() as i64)),
    }
}

fn strftime(vm: &mut Vm, tx: &Tx, args: &[Value], _k: &[(Value, Value)]) -> PyResult<Value> {
    let fmt = args
        .first()
        .and_then(|v| v.payload_str())
        .ok_or_else(|| type_error("strftime() argument 1 must be str"))?
        .to_string();
    let tm = tm_or_now(vm, tx, args.get(1), "strftime")?;
    if !(1..=12).contains(&tm.mon) {
        return Err(value_error("month out of range"));
    }
    if !(1..=31).contains(&tm.mday) {
        return Err(value_error("day of month out of range"));
    }
    Ok(Value::string(time_fmt::strftime(&fmt, &tm)))
}

fn asctime(vm: &mut Vm, tx: &Tx, args: &[Value], _k: &[(Value, Value)]) -> PyResult<Value> {
    let tm = tm_or_now(vm, tx, args.first(), "asctime")?;
    Ok(Value::string(time_fmt::asctime(&tm)))
}

fn ctime(vm: &mut Vm, tx: &Tx, args: &[Value], _k: &[(Value, Value)]) -> PyResult<Value> {
    let t = secs_arg(vm, tx, args)?;
    Ok(Value::string(time_fmt::asctime(&time_fmt::localtime(t))))
}

fn start() -> Instant {
    static S: std::sync::OnceLock<Instant> = std::sync::OnceLock::new();
    *S.get_or_init(Instant::now)
}

fn since_epoch() -> Duration {
    SystemTime::now()
        .duration_since(UNIX_EPOCH)
        .unwrap_or_default()
}

fn time(_vm: &mut Vm, _tx: &Tx, _a: &[Value], _k: &[(Value, Value)]) -> PyResult<Value> {
    Ok(Value::Float(since_epoch().as_secs_f64()))
}

fn time_ns(_vm: &mut Vm, _tx: &Tx, _a: &[Value], _k: &[(Value, Value)]) -> PyResult<Value> {
    Ok(Value::Int(since_epoch().as_nanos() as i64))
}

fn perf_counter(_vm: &mut Vm, _tx: &Tx, _a: &[Value], _k: &[(Value, Value)]) -> PyResult<Value> {
    Ok(Value::Float(start().elapsed().as_secs_f64()))
}

fn perf_counter_ns(_vm: &mut Vm, _tx: &Tx, _a: &[Value], _k: &[(Value, Value)]) -> PyResult<Value> {
    Ok(Value::Int(start().elapsed().as_nanos() as i64))
}

fn sleep(vm: &mut Vm, tx: &Tx, args: &[Value], _k: &[(Value, Value)]) -> PyResult<Value> {
    let secs = match args.first() {
        Some(Value::Int(i)) => *i as f64,
        Some(Value::Float(f)) => *f,
        _ => return Err(type_error("sleep() argument must be a number")),
    };
    if secs < 0.0 {
        return Err(value_error("sleep length must be non-negative"));
    }
    // A transaction boundary: the pause happens after the commit (output so far is
    // visible before it, as with CPython).
    crate::threads::sleep(vm, tx, secs)?;
    Ok(Value::None)
}
