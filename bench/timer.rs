//! bench/timer.rs: runs a command RUNS times, each against a fresh copy of a
//! workspace file, and prints the median wall time in ms. The copy is flushed
//! to disk before the clock starts, as a workspace written by apigw is, so
//! that the timed call does not pay for writing back the copy.
//! Usage: timer RUNS WORKSPACE [--] COMMAND ARGS...   (APIGW_WORKSPACE is set)
use std::process::{Command, Stdio};
use std::time::Instant;

fn main() {
    let mut args = std::env::args().skip(1);
    let runs: usize = args.next().and_then(|s| s.parse().ok()).expect("RUNS");
    let ws = args.next().expect("WORKSPACE");
    let cmd: Vec<String> = args.skip_while(|a| a == "--").collect();
    let run = format!("{ws}.run");
    let mut times = Vec::with_capacity(runs);
    for _ in 0..runs {
        std::fs::copy(&ws, &run).expect("copy the workspace");
        std::fs::File::open(&run)
            .and_then(|f| f.sync_all())
            .expect("flush the copy");
        let start = Instant::now();
        let status = Command::new(&cmd[0])
            .args(&cmd[1..])
            .env("APIGW_WORKSPACE", &run)
            .stdout(Stdio::null())
            .status()
            .expect("run the command");
        let ms = start.elapsed().as_secs_f64() * 1e3;
        assert!(status.success(), "{cmd:?} failed");
        times.push(ms);
    }
    times.sort_by(f64::total_cmp);
    println!("{:.2}", times[times.len() / 2]);
}
