//! Differential tests of `apigw::input::shorthand` against awscli's own parser.
//!
//! * `recorded_cases_match_awscli` replays tests/fixtures/shorthand_cases.json,
//!   recorded from awscli by scripts/record-shorthand-cases.py.
//! * `generated_inputs_match_awscli_live` feeds a batch of generated inputs to
//!   awscli (through scripts/shorthand_oracle.py) when it is importable.
//! * `random_inputs_never_panic` throws grammar-flavoured noise at the parser.
//!
//! Cargo runs integration tests from the package root, which is where the
//! relative `file://tests/fixtures/shorthand/...` paths in the cases resolve.

use std::io::Write;
use std::path::Path;
use std::process::{Command, Stdio};

use apigw::input::shorthand::parse;
use serde::Deserialize;
use serde_json::Value;

/// One awscli outcome: exactly one of `output`, `error` and `crash` is set.
#[derive(Debug, Deserialize)]
struct Case {
    input: String,
    output: Option<Value>,
    error: Option<String>,
    /// awscli failed with an unrelated Python exception; any error will do.
    crash: Option<String>,
}

/// Compares our parse of `case.input` with awscli's, returning a description
/// of the difference if there is one. Objects must also agree on key order.
fn difference(case: &Case) -> Option<String> {
    let ours = parse(&case.input);
    let same = match (&ours, case) {
        (
            Ok(value),
            Case {
                output: Some(expected),
                ..
            },
        ) => to_text(value) == to_text(expected),
        (
            Err(error),
            Case {
                error: Some(expected),
                ..
            },
        ) => error.to_string() == *expected,
        (Err(_), Case { crash: Some(_), .. }) => true,
        _ => false,
    };
    if same {
        return None;
    }
    let ours = match ours {
        Ok(value) => format!("output {}", to_text(&value)),
        Err(error) => format!("error {:?}", error.to_string()),
    };
    let theirs = match case {
        Case {
            output: Some(v), ..
        } => format!("output {}", to_text(v)),
        Case { error: Some(e), .. } => format!("error {e:?}"),
        Case { crash: Some(c), .. } => format!("a Python exception ({c})"),
        _ => "nothing".to_owned(),
    };
    Some(format!(
        "input {:?}\n  awscli: {theirs}\n  apigw:  {ours}",
        case.input
    ))
}

fn to_text(value: &Value) -> String {
    serde_json::to_string(value).expect("JSON values serialize")
}

fn assert_all_match(cases: &[Case], source: &str) {
    let failures: Vec<String> = cases.iter().filter_map(difference).collect();
    assert!(
        failures.is_empty(),
        "{} of {} {source} cases differ from awscli:\n{}",
        failures.len(),
        cases.len(),
        failures
            .iter()
            .take(25)
            .cloned()
            .collect::<Vec<_>>()
            .join("\n")
    );
}

#[test]
fn recorded_cases_match_awscli() {
    let path = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/shorthand_cases.json");
    let text = std::fs::read_to_string(&path).expect("fixture is readable");
    let cases: Vec<Case> = serde_json::from_str(&text).expect("fixture is a JSON list of cases");
    assert!(cases.len() >= 80, "only {} recorded cases", cases.len());
    for case in &cases {
        let kinds = [
            case.output.is_some(),
            case.error.is_some(),
            case.crash.is_some(),
        ];
        assert_eq!(
            kinds.iter().filter(|&&k| k).count(),
            1,
            "malformed case {case:?}"
        );
    }
    assert_all_match(&cases, "recorded");
}

// --- Input generation --------------------------------------------------------

const HELLO: &str = "file://tests/fixtures/shorthand/hello.txt";

/// Pieces that random inputs are glued together from: every character class
/// the grammar distinguishes, plus multi-character tokens that matter.
const PIECES: &[&str] = &[
    "a",
    "b",
    "k",
    "Z",
    "0",
    "9",
    "-",
    "_",
    ".",
    "#",
    "/",
    ":",
    "$",
    "=",
    "@",
    ",",
    "[",
    "]",
    "{",
    "}",
    "'",
    "\"",
    "\\",
    " ",
    "\t",
    "\n",
    "\r",
    "~",
    "!",
    "^",
    "|",
    "é",
    "中",
    "\u{a0}",
    "\u{3000}",
    "\u{1c}",
    "\u{1f600}",
    "\u{0}",
    "\u{7f}",
    "\\,",
    "\\'",
    "\\\"",
    "\\\\",
    "k=",
    "=[",
    "={",
    "@=",
    ",x=",
    HELLO,
    "fileb://tests/fixtures/shorthand/crlf.txt",
    "file://tests/fixtures/shorthand/nope",
];

fn pick<'a>(rng: &mut fastrand::Rng, items: &[&'a str]) -> &'a str {
    items[rng.usize(..items.len())]
}

fn noise(rng: &mut fastrand::Rng) -> String {
    (0..rng.usize(0..16)).map(|_| pick(rng, PIECES)).collect()
}

fn space(rng: &mut fastrand::Rng) -> &'static str {
    if rng.u8(..) < 200 {
        ""
    } else {
        pick(rng, &[" ", "  ", "\t", "\n"])
    }
}

fn key(rng: &mut fastrand::Rng) -> String {
    let chars = [
        "a", "b", "K", "1", "-", "_", ".", "#", "/", ":", "x", "$", "é",
    ];
    let len = if rng.u8(..) < 240 { rng.usize(1..5) } else { 0 };
    (0..len)
        .map(|_| {
            // Now and then a character that keys cannot contain.
            let usable = if rng.u8(..) < 250 { 11 } else { chars.len() };
            pick(rng, &chars[..usable])
        })
        .collect()
}

fn assign(rng: &mut fastrand::Rng) -> String {
    let op = if rng.u8(..) < 190 { "=" } else { "@=" };
    format!("{}{op}{}", space(rng), space(rng))
}

fn word(rng: &mut fastrand::Rng) -> String {
    let common = [
        "a", "b", "1", "$", ".", ":", "/", "-", "=", "\\,", " ", "é", "!", "@",
    ];
    let rare = [
        "}", "]", "[", "{", "\\", "\u{a0}", "\u{1c}", "😀", "\n", "#",
    ];
    if rng.u8(..) < 20 {
        return pick(rng, &[HELLO, "file://tests/fixtures/shorthand/unicode.txt"]).to_owned();
    }
    (0..rng.usize(0..6))
        .map(|_| {
            if rng.u8(..) < 245 {
                pick(rng, &common)
            } else {
                pick(rng, &rare)
            }
        })
        .collect()
}

fn quoted(rng: &mut fastrand::Rng) -> String {
    let quote = pick(rng, &["'", "\""]);
    let chars = [
        "a", ",", "=", " ", "\\", "\\'", "\\\"", "'", "\"", "\\\\", "😀", "[", "}",
    ];
    let body: String = (0..rng.usize(0..6)).map(|_| pick(rng, &chars)).collect();
    let close = if rng.u8(..) < 235 { quote } else { "" };
    format!("{quote}{body}{close}")
}

fn item(rng: &mut fastrand::Rng, depth: usize) -> String {
    match rng.u8(..6) {
        0 if depth < 4 => list(rng, depth + 1),
        1 if depth < 4 => map(rng, depth + 1),
        2 => quoted(rng),
        _ => word(rng),
    }
}

fn separated(rng: &mut fastrand::Rng, parts: Vec<String>) -> String {
    let mut out = String::new();
    for (i, part) in parts.iter().enumerate() {
        if i > 0 {
            out.push_str(space(rng));
            out.push(',');
            out.push_str(space(rng));
        }
        out.push_str(part);
    }
    out
}

fn list(rng: &mut fastrand::Rng, depth: usize) -> String {
    let items = (0..rng.usize(0..4)).map(|_| item(rng, depth)).collect();
    let trailing = if rng.u8(..) < 20 { "," } else { "" };
    format!(
        "[{}{}{trailing}{}]",
        space(rng),
        separated(rng, items),
        space(rng)
    )
}

fn map(rng: &mut fastrand::Rng, depth: usize) -> String {
    let pairs = (0..rng.usize(0..4))
        .map(|_| format!("{}{}{}", key(rng), assign(rng), item(rng, depth)))
        .collect();
    let trailing = if rng.u8(..) < 20 { "," } else { "" };
    format!(
        "{{{}{}{trailing}{}}}",
        space(rng),
        separated(rng, pairs),
        space(rng)
    )
}

fn top_value(rng: &mut fastrand::Rng) -> String {
    match rng.u8(..8) {
        0 => String::new(),
        1 => list(rng, 1),
        2 => map(rng, 1),
        3 => quoted(rng),
        4 | 5 => {
            let items = (0..rng.usize(2..5)).map(|_| item(rng, 4)).collect();
            separated(rng, items)
        }
        _ => word(rng),
    }
}

/// A shorthand value that is usually well formed, sometimes with a random
/// piece inserted or a character removed.
fn structured(rng: &mut fastrand::Rng) -> String {
    let pairs = (0..rng.usize(1..4))
        .map(|_| format!("{}{}{}", key(rng), assign(rng), top_value(rng)))
        .collect();
    let mut text = separated(rng, pairs);
    if rng.u8(..) < 60 {
        let boundaries: Vec<usize> = text
            .char_indices()
            .map(|(i, _)| i)
            .chain([text.len()])
            .collect();
        let at = boundaries[rng.usize(..boundaries.len())];
        if rng.bool() || at == text.len() {
            text.insert_str(at, pick(rng, PIECES));
        } else {
            text.remove(at);
        }
    }
    text
}

fn generate(seed: u64, count: usize) -> Vec<String> {
    let mut rng = fastrand::Rng::with_seed(seed);
    (0..count)
        .map(|_| {
            if rng.u8(..) < 200 {
                structured(&mut rng)
            } else {
                noise(&mut rng)
            }
        })
        .collect()
}

// --- Live comparison ---------------------------------------------------------

/// Runs `inputs` through awscli in one Python process, or `None` (with a note)
/// when python3 or awscli is not available here.
fn awscli_outcomes(inputs: &[String]) -> Option<Vec<Case>> {
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    let python = |args: &[&str]| {
        let mut command = Command::new("python3");
        command.args(args).current_dir(root).env("PYTHONUTF8", "1");
        command
    };
    let importable = python(&["-c", "import awscli.shorthand"])
        .stdout(Stdio::null())
        .stderr(Stdio::null())
        .status()
        .is_ok_and(|status| status.success());
    if !importable {
        eprintln!("note: python3 cannot import awscli.shorthand; skipping the live comparison");
        return None;
    }
    let mut child = python(&["scripts/shorthand_oracle.py"])
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .expect("python3 starts");
    let request = serde_json::to_vec(inputs).expect("inputs serialize");
    let mut stdin = child.stdin.take().expect("stdin is piped");
    let writer = std::thread::spawn(move || stdin.write_all(&request));
    let output = child.wait_with_output().expect("python3 runs");
    writer
        .join()
        .expect("writer thread")
        .expect("inputs reach python3");
    assert!(
        output.status.success(),
        "shorthand_oracle.py failed: {}",
        String::from_utf8_lossy(&output.stderr)
    );
    Some(serde_json::from_slice(&output.stdout).expect("oracle prints a JSON list of cases"))
}

#[test]
fn generated_inputs_match_awscli_live() {
    let inputs = generate(0x5e0_7a1d, 4000);
    let Some(cases) = awscli_outcomes(&inputs) else {
        return;
    };
    assert_eq!(cases.len(), inputs.len());
    for (case, input) in cases.iter().zip(&inputs) {
        assert_eq!(&case.input, input, "oracle answers in order");
    }
    assert_all_match(&cases, "generated");
}

// --- Robustness --------------------------------------------------------------

#[test]
fn random_inputs_never_panic() {
    let mut inputs = generate(20_240_601, 3000);
    let mut rng = fastrand::Rng::with_seed(7);
    // Plus raw character soup, including characters no piece above contains.
    inputs.extend((0..2000).map(|_| {
        (0..rng.usize(0..24))
            .map(|_| {
                if rng.u8(..) < 200 {
                    pick(&mut rng, PIECES).chars().next().unwrap_or('a')
                } else {
                    rng.char(..)
                }
            })
            .collect::<String>()
    }));
    inputs.push("a=".to_owned() + &"[{b=".repeat(5000));
    for input in &inputs {
        match parse(input) {
            Ok(value) => assert!(value.is_object(), "{input:?} gave {value}"),
            Err(error) => {
                assert!(
                    error.index() <= input.chars().count(),
                    "{input:?}: index past the end"
                );
                assert!(!error.to_string().is_empty());
            }
        }
    }
}
