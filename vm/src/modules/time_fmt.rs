//! Calendar arithmetic, the local time zone and C's `strftime` for the `time` module:
//! pure functions, no interpreter types.
//!
//! The local zone is read from the TZif file named by `$TZ` (`:Area/City` or
//! `Area/City` under `/usr/share/zoneinfo`) or `/etc/localtime`; a missing or
//! unreadable file means UTC, as glibc does. Times after the file's last transition use
//! that transition's offset (the POSIX-rule footer of "slim" files is not applied).

use std::sync::OnceLock;

/// A broken-down time (C's `struct tm`, with Python's conventions: `wday` 0 is Monday,
/// `yday` counts from 1).
#[derive(Clone, Debug, PartialEq)]
pub struct Tm {
    pub year: i64,
    pub mon: i64,
    pub mday: i64,
    pub hour: i64,
    pub min: i64,
    pub sec: i64,
    pub wday: i64,
    pub yday: i64,
    pub isdst: i64,
    pub zone: String,
    pub gmtoff: i64,
}

/// Days since 1970-01-01 of a proleptic Gregorian date (Howard Hinnant's algorithm).
pub fn days_from_civil(y: i64, m: i64, d: i64) -> i64 {
    let y = if m <= 2 { y - 1 } else { y };
    let era = y.div_euclid(400);
    let yoe = y - era * 400;
    let mp = (m + 9) % 12;
    let doy = (153 * mp + 2) / 5 + d - 1;
    let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
    era * 146097 + doe - 719468
}

/// The date of a day count since 1970-01-01.
pub fn civil_from_days(z: i64) -> (i64, i64, i64) {
    let z = z + 719468;
    let era = z.div_euclid(146097);
    let doe = z - era * 146097;
    let yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
    let y = yoe + era * 400;
    let doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    let mp = (5 * doy + 2) / 153;
    let d = doy - (153 * mp + 2) / 5 + 1;
    let m = if mp < 10 { mp + 3 } else { mp - 9 };
    (if m <= 2 { y + 1 } else { y }, m, d)
}

pub fn is_leap(y: i64) -> bool {
    y % 4 == 0 && (y % 100 != 0 || y % 400 == 0)
}

/// The broken-down UTC time of `t` seconds since the epoch, shifted by `offset`.
pub fn breakdown(t: i64, offset: i64, isdst: i64, zone: &str) -> Tm {
    let local = t + offset;
    let days = local.div_euclid(86400);
    let secs = local.rem_euclid(86400);
    let (year, mon, mday) = civil_from_days(days);
    Tm {
        year,
        mon,
        mday,
        hour: secs / 3600,
        min: secs % 3600 / 60,
        sec: secs % 60,
        // 1970-01-01 was a Thursday (3 with Monday as 0).
        wday: (days + 3).rem_euclid(7),
        yday: days - days_from_civil(year, 1, 1) + 1,
        isdst,
        zone: zone.to_string(),
        gmtoff: offset,
    }
}

pub fn gmtime(t: i64) -> Tm {
    // glibc names UTC "GMT" in gmtime's tm_zone.
    breakdown(t, 0, 0, "GMT")
}

/// One local-time type of a TZif file.
#[derive(Clone)]
struct TType {
    offset: i64,
    isdst: bool,
    abbr: String,
}

struct Zone {
    transitions: Vec<(i64, usize)>,
    types: Vec<TType>,
}

fn be32(b: &[u8], i: usize) -> Option<i64> {
    Some(i64::from(i32::from_be_bytes(
        b.get(i..i + 4)?.try_into().ok()?,
    )))
}

fn be64(b: &[u8], i: usize) -> Option<i64> {
    Some(i64::from_be_bytes(b.get(i..i + 8)?.try_into().ok()?))
}

/// Parses a TZif file (version 1 data, or the 64-bit block of versions 2+).
fn parse_tzif(b: &[u8]) -> Option<Zone> {
    if b.get(0..4)? != b"TZif" {
        return None;
    }
    let counts = |at: usize| -> Option<[usize; 6]> {
        let mut c = [0usize; 6];
        for (k, slot) in c.iter_mut().enumerate() {
            *slot = be32(b, at + 20 + 4 * k)? as usize;
        }
        Some(c)
    };
    let c1 = counts(0)?;
    let [isutc, isstd, leap, timecnt, typecnt, charcnt] = c1;
    let v1_len = timecnt * 5 + typecnt * 6 + charcnt + leap * 8 + isstd + isutc;
    let (base, c, tsize) = if b[4] >= b'2' {
        let at = 44 + v1_len;
        (at + 44, counts(at)?, 8)
    } else {
        (44, c1, 4)
    };
    let [_, _, _, timecnt, typecnt, charcnt] = c;
    let mut p = base;
    let mut times = Vec::with_capacity(timecnt);
    for k in 0..timecnt {
        times.push(if tsize == 8 {
            be64(b, p + 8 * k)?
        } else {
            be32(b, p + 4 * k)?
        });
    }
    p += timecnt * tsize;
    let idx: Vec<usize> = b.get(p..p + timecnt)?.iter().map(|&i| i as usize).collect();
    p += timecnt;
    let tt_at = p;
    p += typecnt * 6;
    let chars = b.get(p..p + charcnt)?;
    let mut types = Vec::with_capacity(typecnt);
    for k in 0..typecnt {
        let o = tt_at + 6 * k;
        let ai = *b.get(o + 5)? as usize;
        let end = chars[ai.min(chars.len())..]
            .iter()
            .position(|&c| c == 0)
            .map_or(chars.len(), |e| ai + e);
        types.push(TType {
            offset: be32(b, o)?,
            isdst: *b.get(o + 4)? != 0,
            abbr: String::from_utf8_lossy(chars.get(ai..end)?).into_owned(),
        });
    }
    if types.is_empty() || idx.iter().any(|&i| i >= types.len()) {
        return None;
    }
    Some(Zone {
        transitions: times.into_iter().zip(idx).collect(),
        types,
    })
}

fn load_zone() -> Option<Zone> {
    let path = match std::env::var("TZ") {
        Ok(tz) if !tz.is_empty() => {
            let name = tz.trim_start_matches(':');
            if name.starts_with('/') {
                name.to_string()
            } else {
                format!("/usr/share/zoneinfo/{name}")
            }
        }
        _ => "/etc/localtime".to_string(),
    };
    parse_tzif(&std::fs::read(path).ok()?)
}

fn zone() -> &'static Option<Zone> {
    static Z: OnceLock<Option<Zone>> = OnceLock::new();
    Z.get_or_init(load_zone)
}

/// `(offset, isdst, abbreviation)` of the local zone at `t`.
pub fn local_type(t: i64) -> (i64, bool, String) {
    let Some(z) = zone() else {
        return (0, false, "UTC".to_string());
    };
    let i = z.transitions.partition_point(|&(at, _)| at <= t);
    let ty = if i == 0 {
        z.types.iter().find(|t| !t.isdst).unwrap_or(&z.types[0])
    } else {
        &z.types[z.transitions[i - 1].1]
    };
    (ty.offset, ty.isdst, ty.abbr.clone())
}

pub fn localtime(t: i64) -> Tm {
    let (off, dst, abbr) = local_type(t);
    breakdown(t, off, i64::from(dst), &abbr)
}

/// `(timezone, altzone, daylight, (std name, dst name))` as the `time` module's
/// constants: seconds *west* of UTC, from the zone's types around now.
pub fn zone_constants(now: i64) -> (i64, i64, bool, String, String) {
    let (off, dst, abbr) = local_type(now);
    let (mut std_off, mut std_name) = (off, abbr.clone());
    let (mut dst_off, mut dst_name) = (off, abbr);
    let mut daylight = dst;
    if let Some(z) = zone() {
        // The types of the last transitions: one standard and one daylight saving.
        for &(_, i) in z.transitions.iter().rev().take(4) {
            let ty = &z.types[i];
            if ty.isdst {
                daylight = true;
                dst_off = ty.offset;
                dst_name = ty.abbr.clone();
            } else {
                std_off = ty.offset;
                std_name = ty.abbr.clone();
            }
        }
    }
    if !daylight {
        dst_off = std_off;
        dst_name = std_name.clone();
    }
    (-std_off, -dst_off, daylight, std_name, dst_name)
}

/// Seconds since the epoch of a local broken-down time (C's `mktime`, fields may be
/// out of range and are normalised).
pub fn mktime(tm: &Tm) -> i64 {
    let y = tm.year + (tm.mon - 1).div_euclid(12);
    let m = (tm.mon - 1).rem_euclid(12) + 1;
    let days = days_from_civil(y, m, 1) + tm.mday - 1;
    let local = days * 86400 + tm.hour * 3600 + tm.min * 60 + tm.sec;
    let (off, _, _) = local_type(local);
    let (off2, _, _) = local_type(local - off);
    local - off2
}

const DAYS: [&str; 7] = [
    "Monday",
    "Tuesday",
    "Wednesday",
    "Thursday",
    "Friday",
    "Saturday",
    "Sunday",
];
const MONTHS: [&str; 12] = [
    "January",
    "February",
    "March",
    "April",
    "May",
    "June",
    "July",
    "August",
    "September",
    "October",
    "November",
    "December",
];

fn day_name(tm: &Tm) -> &'static str {
    DAYS[tm.wday.rem_euclid(7) as usize]
}

fn month_name(tm: &Tm) -> &'static str {
    MONTHS[(tm.mon - 1).rem_euclid(12) as usize]
}

/// ISO 8601 week-based year and week number.
fn iso_week(tm: &Tm) -> (i64, i64) {
    let wday = tm.wday.rem_euclid(7); // Monday 0
    let yday = tm.yday - 1;
    let mut year = tm.year;
    let mut week = (yday - wday + 10) / 7;
    if week < 1 {
        year -= 1;
        let days = if is_leap(year) { 366 } else { 365 };
        week = (yday + days - wday + 10) / 7;
    } else {
        let days = if is_leap(year) { 366 } else { 365 };
        if yday - wday + 3 >= days {
            year += 1;
            week = 1;
        }
    }
    (year, week)
}

/// C's `strftime` in the "C" locale (glibc's conversions; unknown ones are copied).
pub fn strftime(fmt: &str, tm: &Tm) -> String {
    let mut out = String::new();
    let mut it = fmt.chars().peekable();
    let sunday0 = (tm.wday + 1).rem_euclid(7);
    while let Some(c) = it.next() {
        if c != '%' {
            out.push(c);
            continue;
        }
        let Some(d) = it.next() else {
            out.push('%');
            break;
        };
        match d {
            'a' => out.push_str(&day_name(tm)[..3]),
            'A' => out.push_str(day_name(tm)),
            'b' | 'h' => out.push_str(&month_name(tm)[..3]),
            'B' => out.push_str(month_name(tm)),
            'c' => out.push_str(&strftime("%a %b %e %H:%M:%S %Y", tm)),
            'C' => out.push_str(&format!("{:02}", tm.year.div_euclid(100))),
            'd' => out.push_str(&format!("{:02}", tm.mday)),
            'D' => out.push_str(&strftime("%m/%d/%y", tm)),
            'e' => out.push_str(&format!("{:2}", tm.mday)),
            'F' => out.push_str(&strftime("%Y-%m-%d", tm)),
            'g' => out.push_str(&format!("{:02}", iso_week(tm).0.rem_euclid(100))),
            'G' => out.push_str(&iso_week(tm).0.to_string()),
            'H' => out.push_str(&format!("{:02}", tm.hour)),
            'I' => out.push_str(&format!("{:02}", (tm.hour + 11) % 12 + 1)),
            'j' => out.push_str(&format!("{:03}", tm.yday)),
            'k' => out.push_str(&format!("{:2}", tm.hour)),
            'l' => out.push_str(&format!("{:2}", (tm.hour + 11) % 12 + 1)),
            'm' => out.push_str(&format!("{:02}", tm.mon)),
            'M' => out.push_str(&format!("{:02}", tm.min)),
            'n' => out.push('\n'),
            'p' => out.push_str(if tm.hour < 12 { "AM" } else { "PM" }),
            'P' => out.push_str(if tm.hour < 12 { "am" } else { "pm" }),
            'r' => out.push_str(&strftime("%I:%M:%S %p", tm)),
            'R' => out.push_str(&strftime("%H:%M", tm)),
            's' => out.push_str(&mktime(tm).to_string()),
            'S' => out.push_str(&format!("{:02}", tm.sec)),
            't' => out.push('\t'),
            'T' => out.push_str(&strftime("%H:%M:%S", tm)),
            'u' => out.push_str(&(tm.wday.rem_euclid(7) + 1).to_string()),
            'U' => out.push_str(&format!("{:02}", (tm.yday - 1 + 7 - sunday0) / 7)),
            'V' => out.push_str(&format!("{:02}", iso_week(tm).1)),
            'w' => out.push_str(&sunday0.to_string()),
            'W' => out.push_str(&format!(
                "{:02}",
                (tm.yday - 1 + 7 - tm.wday.rem_euclid(7)) / 7
            )),
            'x' => out.push_str(&strftime("%m/%d/%y", tm)),
            'X' => out.push_str(&strftime("%H:%M:%S", tm)),
            'y' => out.push_str(&format!("{:02}", tm.year.rem_euclid(100))),
            'Y' => out.push_str(&tm.year.to_string()),
            'z' => {
                let o = tm.gmtoff;
                let sign = if o < 0 { '-' } else { '+' };
                let a = o.abs();
                out.push_str(&format!("{sign}{:02}{:02}", a / 3600, a % 3600 / 60));
            }
            'Z' => out.push_str(&tm.zone),
            '%' => out.push('%'),
            other => {
                out.push('%');
                out.push(other);
            }
        }
    }
    out
}

/// `time.asctime`'s text: `Thu Jan  1 00:00:00 1970`.
pub fn asctime(tm: &Tm) -> String {
    format!(
        "{} {}{:3} {:02}:{:02}:{:02} {}",
        &day_name(tm)[..3],
        &month_name(tm)[..3],
        tm.mday,
        tm.hour,
        tm.min,
        tm.sec,
        tm.year
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn civil_round_trip_and_known_dates() {
        assert_eq!(days_from_civil(1970, 1, 1), 0);
        assert_eq!(days_from_civil(2000, 3, 1), 11017);
        for d in [-1_000_000, -1, 0, 59, 11016, 2_000_000] {
            let (y, m, dd) = civil_from_days(d);
            assert_eq!(days_from_civil(y, m, dd), d);
        }
        // time.gmtime(10**9) in CPython.
        let tm = gmtime(1_000_000_000);
        assert_eq!(
            (tm.year, tm.mon, tm.mday, tm.hour, tm.min, tm.sec),
            (2001, 9, 9, 1, 46, 40)
        );
        assert_eq!((tm.wday, tm.yday), (6, 252));
    }

    #[test]
    fn strftime_matches_glibc() {
        // Expected texts from CPython's time.strftime on Linux.
        let tm = gmtime(1_000_000_000);
        assert_eq!(
            strftime("%a %A %b %B %d %e %j %U %W %V %G %u %w", &tm),
            "Sun Sunday Sep September 09  9 252 36 36 36 2001 7 0"
        );
        assert_eq!(
            strftime("%I %p %y %C %F %T %D %%", &tm),
            "01 AM 01 20 2001-09-09 01:46:40 09/09/01 %"
        );
        assert_eq!(asctime(&gmtime(0)), "Thu Jan  1 00:00:00 1970");
    }
}
