//! Access logs: what a stage's `AccessLogSettings` asks the gateway to
//! write, and where it goes. A format is compiled once per stage
//! ([`Pieces`]) and rendered per request from a [`Context`]; the line goes
//! to the [`Writer`] of the log group the `DestinationArn` names, whose
//! local stand-in is a file beside the workspace ([`group`]); `apigw logs
//! tail` reads it back as `aws logs tail` does ([`tail`]).
//!
//! ```text
//! request ─▶ Pieces::render(Context) ─▶ Writer::log ─▶ .apigw/logs/<group>.log ─▶ apigw logs tail
//! ```

pub mod format;
pub mod group;
pub mod json_pattern;
pub mod stage;
pub mod tail;
pub mod time;
pub mod writer;

pub use format::{Context, Pieces, UnknownVariable};

/// The decimal digits of `n`, written into `buf`: what `write!("{n}")`
/// gives, without the formatting machinery (a line has several numbers,
/// and the formatter costs more than the rest of a number's work).
pub(crate) fn decimal(n: u64, buf: &mut [u8; 20]) -> &str {
    let mut i = buf.len();
    let mut n = n;
    loop {
        i -= 1;
        buf[i] = b'0' + (n % 10) as u8;
        n /= 10;
        if n == 0 {
            break;
        }
    }
    // Only ASCII digits were written.
    std::str::from_utf8(&buf[i..]).unwrap_or("0")
}

#[cfg(test)]
mod tests {
    #[test]
    fn decimal_is_display() {
        let mut buf = [0; 20];
        for n in [0, 7, 10, 99, 1_796_216_400_123, u64::MAX] {
            assert_eq!(super::decimal(n, &mut buf), n.to_string());
        }
    }
}
pub use stage::{Groups, StageLog};
pub use writer::{Line, Writer};
