//! The clock arithmetic access logs need, in UTC and without a date crate:
//! milliseconds since the epoch to a civil date and back, the three ways a
//! time is written (the access log's CLF `02/Dec/2026:13:00:00 +0000`, and
//! `aws logs tail`'s detailed `2026-12-02T13:00:00.123000+00:00` and short
//! `2026-12-02T13:00:00`), and reading the ISO 8601 times `--since` takes.

use std::fmt::Write as _;

const MONTHS: [&str; 12] = [
    "Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec",
];

const MS_PER_DAY: i64 = 86_400_000;

/// A moment in UTC, split into its calendar parts.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Civil {
    pub year: i64,
    /// 1 to 12.
    pub month: u32,
    /// 1 to 31.
    pub day: u32,
    pub hour: u32,
    pub minute: u32,
    pub second: u32,
    pub millis: u32,
}

/// Milliseconds since the epoch, now.
pub fn now_ms() -> i64 {
    std::time::SystemTime::now()
        .duration_since(std::time::UNIX_EPOCH)
        .map_or(0, |d| i64::try_from(d.as_millis()).unwrap_or(i64::MAX))
}

impl Civil {
    /// The calendar parts of `ms` since the epoch (proleptic Gregorian).
    pub fn from_ms(ms: i64) -> Civil {
        let days = ms.div_euclid(MS_PER_DAY);
        let rem = ms.rem_euclid(MS_PER_DAY);
        let z = days + 719_468;
        let era = z.div_euclid(146_097);
        let doe = z.rem_euclid(146_097);
        let yoe = (doe - doe / 1460 + doe / 36_524 - doe / 146_096) / 365;
        let doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
        let mp = (5 * doy + 2) / 153;
        let day = doy - (153 * mp + 2) / 5 + 1;
        let month = if mp < 10 { mp + 3 } else { mp - 9 };
        let secs = rem / 1000;
        Civil {
            year: yoe + era * 400 + i64::from(month <= 2),
            month: month as u32,
            day: day as u32,
            hour: (secs / 3600) as u32,
            minute: (secs % 3600 / 60) as u32,
            second: (secs % 60) as u32,
            millis: (rem % 1000) as u32,
        }
    }

    /// Milliseconds since the epoch; `None` for a day the month lacks.
    pub fn to_ms(self) -> Option<i64> {
        if !(1..=12).contains(&self.month)
            || self.day == 0
            || self.day > days_in_month(self.year, self.month)
            || self.hour > 23
            || self.minute > 59
            || self.second > 60
            || self.millis > 999
        {
            return None;
        }
        let y = self.year - i64::from(self.month <= 2);
        let era = y.div_euclid(400);
        let yoe = y.rem_euclid(400);
        let m = i64::from(self.month);
        let doy = (153 * (if m > 2 { m - 3 } else { m + 9 }) + 2) / 5 + i64::from(self.day) - 1;
        let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
        let days = era * 146_097 + doe - 719_468;
        let secs =
            i64::from(self.hour) * 3600 + i64::from(self.minute) * 60 + i64::from(self.second);
        days.checked_mul(MS_PER_DAY)?
            .checked_add(secs * 1000 + i64::from(self.millis))
    }
}

fn days_in_month(year: i64, month: u32) -> u32 {
    match month {
        2 if year % 4 == 0 && (year % 100 != 0 || year % 400 == 0) => 29,
        2 => 28,
        4 | 6 | 9 | 11 => 30,
        _ => 31,
    }
}

/// `$context.requestTime`: `02/Dec/2026:13:00:00 +0000`. Each thread
/// formats a second once (requests come many to a second).
pub fn push_clf(out: &mut String, ms: i64) {
    with_clf(ms, |text| out.push_str(text));
}

/// [`push_clf`] into a byte buffer.
pub fn push_clf_bytes(out: &mut Vec<u8>, ms: i64) {
    with_clf(ms, |text| out.extend_from_slice(text.as_bytes()));
}

/// Calls `f` with the time's text, formatted once per second per thread.
fn with_clf(ms: i64, f: impl FnOnce(&str)) {
    thread_local! {
        static LAST: std::cell::RefCell<(i64, String)> =
            const { std::cell::RefCell::new((i64::MIN, String::new())) };
    }
    let second = ms.div_euclid(1000);
    LAST.with(|last| {
        let mut last = last.borrow_mut();
        if last.0 != second {
            let mut text = std::mem::take(&mut last.1);
            text.clear();
            format_clf(&mut text, ms);
            *last = (second, text);
        }
        f(&last.1);
    });
}

fn format_clf(out: &mut String, ms: i64) {
    let c = Civil::from_ms(ms);
    let _ = write!(
        out,
        "{:02}/{}/{:04}:{:02}:{:02}:{:02} +0000",
        c.day,
        MONTHS[(c.month - 1) as usize],
        c.year,
        c.hour,
        c.minute,
        c.second
    );
}

/// `aws logs tail --format detailed`: `2026-12-02T13:00:00.123000+00:00`
/// (Python's `isoformat(timespec='microseconds')` of a millisecond time).
pub fn push_detailed(out: &mut String, ms: i64) {
    let c = Civil::from_ms(ms);
    let _ = write!(
        out,
        "{:04}-{:02}-{:02}T{:02}:{:02}:{:02}.{:03}000+00:00",
        c.year, c.month, c.day, c.hour, c.minute, c.second, c.millis
    );
}

/// `aws logs tail --format json`: as detailed, but without the fraction
/// when it is zero (Python's plain `isoformat()`).
pub fn push_iso(out: &mut String, ms: i64) {
    let c = Civil::from_ms(ms);
    let _ = write!(
        out,
        "{:04}-{:02}-{:02}T{:02}:{:02}:{:02}",
        c.year, c.month, c.day, c.hour, c.minute, c.second
    );
    if c.millis != 0 {
        let _ = write!(out, ".{:03}000", c.millis);
    }
    out.push_str("+00:00");
}

/// `aws logs tail --format short`: `2026-12-02T13:00:00`.
pub fn push_short(out: &mut String, ms: i64) {
    let c = Civil::from_ms(ms);
    let _ = write!(
        out,
        "{:04}-{:02}-{:02}T{:02}:{:02}:{:02}",
        c.year, c.month, c.day, c.hour, c.minute, c.second
    );
}

/// Reads an ISO 8601 time as `--since` takes it: a date
/// (`2026-12-02`), optionally with a time after `T` or a space
/// (`13:00`, `13:00:00`, `13:00:00.123`) and an offset (`Z`, `+01:00`,
/// `+0100`, `-05`). Without an offset the time is UTC, as the aws CLI
/// reads it. Returns milliseconds since the epoch.
pub fn parse_iso(text: &str) -> Option<i64> {
    let s = text.trim();
    let (date, rest) = match s.find(['T', 't', ' ']) {
        Some(i) => (&s[..i], Some(&s[i + 1..])),
        None => (s, None),
    };
    let mut parts = date.splitn(3, '-');
    let year: i64 = digits(parts.next()?, 4)?;
    let month: u32 = digits(parts.next()?, 2)?;
    let day: u32 = digits(parts.next()?, 2)?;
    let mut civil = Civil {
        year,
        month,
        day,
        hour: 0,
        minute: 0,
        second: 0,
        millis: 0,
    };
    let mut offset_ms = 0i64;
    if let Some(rest) = rest {
        let rest = rest.trim_start();
        let (time, zone) = match rest.find(['Z', 'z', '+', '-']) {
            Some(i) => (&rest[..i], Some(&rest[i..])),
            None => (rest, None),
        };
        let (hms, fraction) = match time.split_once(['.', ',']) {
            Some((h, f)) => (h, Some(f)),
            None => (time, None),
        };
        let mut fields = hms.split(':');
        civil.hour = digits(fields.next()?, 2)?;
        civil.minute = digits(fields.next()?, 2)?;
        if let Some(sec) = fields.next() {
            civil.second = digits(sec, 2)?;
        }
        if fields.next().is_some() {
            return None;
        }
        if let Some(f) = fraction {
            if f.is_empty() || !f.bytes().all(|b| b.is_ascii_digit()) {
                return None;
            }
            let first3: String = f.chars().chain("000".chars()).take(3).collect();
            civil.millis = first3.parse().ok()?;
        }
        if let Some(zone) = zone {
            offset_ms = parse_offset(zone)?;
        }
    }
    civil.to_ms()?.checked_sub(offset_ms)
}

/// `Z`, `+01:00`, `+0100` or `-05`, in milliseconds east of UTC.
fn parse_offset(zone: &str) -> Option<i64> {
    if zone.eq_ignore_ascii_case("z") {
        return Some(0);
    }
    let sign = match zone.as_bytes().first()? {
        b'+' => 1,
        b'-' => -1,
        _ => return None,
    };
    let body = zone[1..].replace(':', "");
    let (h, m) = match body.len() {
        2 => (digits::<i64>(&body, 2)?, 0),
        4 => (digits::<i64>(&body[..2], 2)?, digits::<i64>(&body[2..], 2)?),
        _ => return None,
    };
    if h > 23 || m > 59 {
        return None;
    }
    Some(sign * (h * 3600 + m * 60) * 1000)
}

/// A field of exactly `len` ASCII digits.
fn digits<T: std::str::FromStr>(s: &str, len: usize) -> Option<T> {
    (s.len() == len && s.bytes().all(|b| b.is_ascii_digit()))
        .then(|| s.parse().ok())
        .flatten()
}

#[cfg(test)]
mod tests {
    use super::*;

    // 2026-12-02T13:00:00.123Z
    const T: i64 = 1_796_216_400_123;

    #[test]
    fn civil_round_trips() {
        let c = Civil::from_ms(T);
        assert_eq!(
            (c.year, c.month, c.day, c.hour, c.minute, c.second, c.millis),
            (2026, 12, 2, 13, 0, 0, 123)
        );
        assert_eq!(c.to_ms(), Some(T));
        for ms in [0, -1, 951_782_400_000, 4_107_542_399_999, T] {
            assert_eq!(Civil::from_ms(ms).to_ms(), Some(ms), "{ms}");
        }
        let feb29 = Civil {
            month: 2,
            day: 29,
            ..Civil::from_ms(T)
        };
        assert!(feb29.to_ms().is_none(), "2026 is no leap year");
    }

    #[test]
    fn the_three_ways_of_writing_a_time() {
        let mut s = String::new();
        push_clf(&mut s, T);
        assert_eq!(s, "02/Dec/2026:13:00:00 +0000");
        s.clear();
        push_clf(&mut s, T + 876);
        push_clf(&mut s, T + 877);
        push_clf(&mut s, -1);
        assert_eq!(
            s,
            "02/Dec/2026:13:00:00 +0000\
             02/Dec/2026:13:00:01 +000031/Dec/1969:23:59:59 +0000"
        );
        s.clear();
        push_detailed(&mut s, T);
        assert_eq!(s, "2026-12-02T13:00:00.123000+00:00");
        s.clear();
        push_short(&mut s, T);
        assert_eq!(s, "2026-12-02T13:00:00");
        s.clear();
        push_iso(&mut s, T);
        assert_eq!(s, "2026-12-02T13:00:00.123000+00:00");
        s.clear();
        push_iso(&mut s, T - 123);
        assert_eq!(s, "2026-12-02T13:00:00+00:00");
    }

    #[test]
    fn iso_times_as_since_takes_them() {
        for (text, ms) in [
            ("2026-12-02T13:00:00.123Z", T),
            ("2026-12-02T13:00:00.123456Z", T),
            ("2026-12-02T13:00:00.1Z", T - 23),
            ("2026-12-02T13:00:00Z", T - 123),
            ("2026-12-02T13:00:00", T - 123),
            ("2026-12-02 13:00:00", T - 123),
            ("2026-12-02T13:00", T - 123),
            ("2026-12-02T14:00:00+01:00", T - 123),
            ("2026-12-02T14:00:00+0100", T - 123),
            ("2026-12-02T08:00:00-05", T - 123),
            ("2026-12-02", T - 123 - 13 * 3_600_000),
        ] {
            assert_eq!(parse_iso(text), Some(ms), "{text}");
        }
        for bad in [
            "",
            "10m",
            "2026-13-01",
            "2026-02-30",
            "2026-12-02T25:00",
            "2026-12-02T13",
            "2026-12-02T13:00:00+1",
            "2026-12-02T13:00:00.",
            "26-12-02",
            "yesterday",
        ] {
            assert_eq!(parse_iso(bad), None, "{bad}");
        }
    }
}
