//! Access logs: what a stage's `AccessLogSettings` asks the gateway to
//! write, and where it goes. A format is compiled once per stage
//! ([`Pieces`]) and rendered per request from a [`Context`]; the line goes
//! to the [`Writer`] of the log group the `DestinationArn` names, whose
//! local stand-in is a file beside the workspace ([`group`]); `apigw logs
//! tail` reads it back as `aws logs tail` does ([`tail`]).
//!
//! ```text
//! request ─▶ Pieces::render_into(Context) ─▶ Writer::log ─▶ .apigw/logs/<group>.log ─▶ apigw logs tail
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
/// Bytes, since every caller writes into a byte buffer (a `str` would cost
/// a UTF-8 check of digits).
pub(crate) fn decimal(n: u64, buf: &mut [u8; 20]) -> &[u8] {
    // Two digits a step, from a table of the hundred pairs.
    const PAIRS: &[u8; 200] = b"0001020304050607080910111213141516171819\
        2021222324252627282930313233343536373839\
        4041424344454647484950515253545556575859\
        6061626364656667686970717273747576777879\
        8081828384858687888990919293949596979899";
    let mut i = buf.len();
    let mut n = n;
    while n >= 100 {
        let pair = (n % 100) as usize * 2;
        n /= 100;
        i -= 2;
        buf[i..i + 2].copy_from_slice(&PAIRS[pair..pair + 2]);
    }
    if n >= 10 {
        let pair = n as usize * 2;
        i -= 2;
        buf[i..i + 2].copy_from_slice(&PAIRS[pair..pair + 2]);
    } else {
        i -= 1;
        buf[i] = b'0' + n as u8;
    }
    &buf[i..]
}

pub use stage::{Groups, StageLog};
pub use writer::Writer;

#[cfg(test)]
mod tests {
    #[test]
    fn decimal_is_display() {
        let mut buf = [0; 20];
        for n in [0, 7, 10, 99, 1_796_216_400_123, u64::MAX] {
            assert_eq!(super::decimal(n, &mut buf), n.to_string().as_bytes());
        }
    }
}
