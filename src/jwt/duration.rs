//! Lifetimes written the short way: `45s`, `30m`, `1h`, `2d`, or bare seconds.

use std::time::Duration;

/// Parses `"1h"`, `"30m"`, `"45s"`, `"2d"` or `"3600"` (seconds) into a
/// Duration. Anything else is an error that says what is accepted.
pub fn parse_duration(s: &str) -> Result<Duration, String> {
    let text = s.trim();
    let bad = || {
        format!(
            "invalid duration {s:?}: use a whole number of seconds, or a whole number followed by \
             s, m, h or d (such as 45s, 30m, 1h or 2d)"
        )
    };
    let digits = text.bytes().take_while(u8::is_ascii_digit).count();
    let (number, unit) = text.split_at(digits);
    if number.is_empty() {
        return Err(bad());
    }
    let seconds_per_unit = match unit {
        "" | "s" => 1,
        "m" => 60,
        "h" => 60 * 60,
        "d" => 24 * 60 * 60,
        _ => return Err(bad()),
    };
    number
        .parse::<u64>()
        .ok()
        .and_then(|n| n.checked_mul(seconds_per_unit))
        .map(Duration::from_secs)
        .ok_or_else(|| format!("invalid duration {s:?}: the number is too large"))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn units_and_bare_seconds() {
        let cases = [
            ("45s", 45),
            ("30m", 1800),
            ("1h", 3600),
            ("2d", 172_800),
            ("3600", 3600),
            ("0", 0),
            (" 5m ", 300),
        ];
        for (text, secs) in cases {
            assert_eq!(
                parse_duration(text),
                Ok(Duration::from_secs(secs)),
                "{text}"
            );
        }
    }

    #[test]
    fn everything_else_is_refused_with_a_hint() {
        for text in [
            "", "h", "1.5h", "-1", "1 h", "1H", "1w", "1h30m", "one", "1hh", "+5",
        ] {
            let err = parse_duration(text).unwrap_err();
            assert!(err.contains("such as 45s, 30m, 1h or 2d"), "{text}: {err}");
        }
        let err = parse_duration("99999999999999999999d").unwrap_err();
        assert!(err.contains("too large"), "{err}");
        let err = parse_duration("999999999999999999d").unwrap_err();
        assert!(err.contains("too large"), "{err}");
    }
}
