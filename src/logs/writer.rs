//! Writes one log group's events without ever holding up a request: a
//! request appends its line, already in the file's form, to its thread's
//! share of the group's pending buffer and goes on, waking nobody; a
//! thread of the group takes every share every [`FLUSH_EVERY`] (or sooner,
//! once a share is a quarter full) and appends them, one write each. When
//! a share is full (the disk cannot keep up) the line is dropped and
//! counted, never waited for; the count is noted on stderr as it grows and
//! returned at shutdown.
//!
//! ```text
//! worker 0 ─ lock, copy ─▶ [ share 0: QUEUE_LINES, QUEUE_BYTES / shares ] ─┐
//! worker 1 ─ lock, copy ─▶ [ share 1                                  ] ─┴ swap ─▶ thread ─ writes ─▶ group file
//!                  └─ full: dropped += 1                                 every 100 ms   (O_APPEND, whole lines)
//! ```
//!
//! A lock is held for the copy of one line (a request) or for swapping
//! two buffers (the thread), never across a write. A line travels as
//! bytes, not as an owned message: an earlier queue of `String`s cost each
//! request an allocation freed on another thread, a channel send and a
//! second pass over the line, about 1,500 instructions in callgrind.
//!
//! Shares: serve's workers run one per CPU, and with one buffer for all of
//! them every line moved the lock's and the buffer's cache lines from one
//! CPU to the other (a miss each, on every request). Each thread that logs
//! takes a share by the order it first logged in (one per CPU, up to
//! [`MAX_SHARES`]; threads past that share a share, which costs only the
//! misses again), and each share sits on its own cache lines. Lines of
//! different shares reach the file in batches, not in time order: `logs
//! tail` prints by time, as it does for several writers.
//!
//! Idle: a group that has had no line for [`IDLE_AFTER`] rounds stops
//! waking and sleeps until a line comes. The request whose line is the
//! first in its share since the last drain looks at the group's idle flag
//! and wakes the thread when it is set; every other line costs nothing
//! more. A serve with many stages that log, most of them quiet, so keeps
//! only its busy groups' threads waking ten times a second.

use super::group;
use std::fs::{File, OpenOptions};
use std::io::Write as _;
use std::path::{Path, PathBuf};
use std::sync::atomic::{AtomicBool, AtomicU64, AtomicUsize, Ordering, fence};
use std::sync::mpsc::Receiver;
use std::sync::{Arc, Mutex};
use std::thread::{JoinHandle, Thread};
use std::time::{Duration, Instant};

/// How many lines may wait in one share before its new ones are dropped.
pub const QUEUE_LINES: usize = 16 * 1024;
/// How many bytes of lines may wait in all the shares of a group (a line
/// may be up to 256 KB; a share holds at least [`MIN_SHARE_BYTES`]).
pub const QUEUE_BYTES: usize = 16 * 1024 * 1024;
const MIN_SHARE_BYTES: usize = 1024 * 1024;
/// The most shares a group has.
pub const MAX_SHARES: usize = 16;
/// How long a line may wait before it is written.
pub const FLUSH_EVERY: Duration = Duration::from_millis(100);
/// How often a growing drop count is noted on stderr.
const NOTE_EVERY: Duration = Duration::from_secs(10);
/// After this many rounds in a row with no line the thread sleeps until a
/// line comes (one second at [`FLUSH_EVERY`]).
pub const IDLE_AFTER: u32 = 10;

/// Lines waiting for the thread, in the group file's form.
#[derive(Default)]
struct Pending {
    bytes: Vec<u8>,
    lines: usize,
    /// Set at shutdown: later lines are dropped (and counted).
    stopped: bool,
}

/// One thread's share of the pending lines, on cache lines of its own.
#[repr(align(128))]
#[derive(Default)]
struct Share {
    pending: Mutex<Pending>,
}

impl Share {
    fn lock(&self) -> std::sync::MutexGuard<'_, Pending> {
        self.pending.lock().unwrap_or_else(|p| p.into_inner())
    }
}

/// What the requests and the thread share.
struct Shared {
    shares: Box<[Share]>,
    dropped: AtomicU64,
    /// The most lines and bytes that may wait in one share.
    lines: usize,
    bytes: usize,
    /// Set while the thread sleeps until a line comes.
    idle: AtomicBool,
}

impl Shared {
    /// The calling thread's share.
    fn mine(&self) -> &Share {
        static NEXT: AtomicUsize = AtomicUsize::new(0);
        thread_local! {
            static ORDER: usize = NEXT.fetch_add(1, Ordering::Relaxed);
        }
        &self.shares[ORDER.with(|o| *o) % self.shares.len()]
    }
}

/// One share per CPU, as serve runs one worker per CPU.
fn share_count() -> usize {
    std::thread::available_parallelism()
        .map_or(1, |n| n.get())
        .clamp(1, MAX_SHARES)
}

/// The writer of one log group's file.
pub struct Writer {
    shared: Arc<Shared>,
    /// Past this many waiting lines in a share the thread is woken early.
    wake_at: usize,
    waker: Thread,
    thread: Mutex<Option<JoinHandle<()>>>,
    path: PathBuf,
}

impl std::fmt::Debug for Writer {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Writer")
            .field("path", &self.path)
            .field("dropped", &self.dropped())
            .finish_non_exhaustive()
    }
}

impl Writer {
    /// Opens (or creates) the group file at `path`, creating the logs
    /// folder if needed, and starts its thread.
    pub fn new(path: &Path) -> std::io::Result<Writer> {
        Self::start(path, QUEUE_LINES, share_count(), None)
    }

    /// A writer whose `shares` shares hold `lines` lines each; its thread
    /// drains nothing before `gate` (when given) opens.
    fn start(
        path: &Path,
        lines: usize,
        shares: usize,
        gate: Option<Receiver<()>>,
    ) -> std::io::Result<Writer> {
        let file = open(path)?;
        let shares = shares.max(1);
        let shared = Arc::new(Shared {
            shares: (0..shares).map(|_| Share::default()).collect(),
            dropped: AtomicU64::new(0),
            lines,
            bytes: (QUEUE_BYTES / shares).max(MIN_SHARE_BYTES),
            idle: AtomicBool::new(false),
        });
        let thread = {
            let shared = shared.clone();
            let path = path.to_path_buf();
            std::thread::Builder::new()
                .name("apigw-log-group".into())
                .spawn(move || {
                    if let Some(gate) = gate {
                        let _ = gate.recv();
                    }
                    drain(&shared, file, &path);
                })?
        };
        Ok(Writer {
            shared,
            wake_at: (lines / 4).max(1),
            waker: thread.thread().clone(),
            thread: Mutex::new(Some(thread)),
            path: path.to_path_buf(),
        })
    }

    /// Adds the event `message` of `stream` at `timestamp_ms`; never waits
    /// for the file. A line that finds its share full (or the writer
    /// stopped) is dropped and counted.
    pub fn log(&self, timestamp_ms: i64, stream: &str, message: impl AsRef<[u8]>) {
        let message = message.as_ref();
        self.append(stream.len() + message.len(), |out| {
            group::push_line(out, timestamp_ms, stream, message)
        });
    }

    /// [`Self::log`] for a stream and message the caller knows hold no
    /// byte the file escapes ([`group::push_plain_line`]).
    pub fn log_plain(&self, timestamp_ms: i64, stream: &str, message: &[u8]) {
        self.append(stream.len() + message.len(), |out| {
            group::push_plain_line(out, timestamp_ms, stream, message)
        });
    }

    fn append(&self, len: usize, push: impl FnOnce(&mut Vec<u8>)) {
        let waiting = {
            let mut pending = self.shared.mine().lock();
            let room =
                pending.lines < self.shared.lines && pending.bytes.len() + len < self.shared.bytes;
            if pending.stopped || !room {
                drop(pending);
                self.shared.dropped.fetch_add(1, Ordering::Relaxed);
                return;
            }
            push(&mut pending.bytes);
            pending.lines += 1;
            pending.lines
        };
        if waiting == self.wake_at {
            self.waker.unpark();
        } else if waiting == 1 {
            // The first line since the share was last taken: the thread may
            // be asleep until one comes. The fence pairs with the thread's,
            // between its setting the flag and looking at the shares: either
            // it sees this line or this sees the flag.
            fence(Ordering::SeqCst);
            if self.shared.idle.load(Ordering::Relaxed)
                && self.shared.idle.swap(false, Ordering::Relaxed)
            {
                self.waker.unpark();
            }
        }
    }

    /// How many lines were dropped so far.
    pub fn dropped(&self) -> u64 {
        self.shared.dropped.load(Ordering::Relaxed)
    }

    pub fn path(&self) -> &Path {
        &self.path
    }

    /// Writes every waiting line, stops the thread and returns the drop
    /// count. Later lines are dropped (and counted). Calling it again does
    /// nothing more.
    pub fn flush_and_stop(&self) -> u64 {
        let thread = self.thread.lock().unwrap_or_else(|p| p.into_inner()).take();
        if let Some(thread) = thread {
            // In order: the thread stops once it has seen every share
            // stopped, so no line comes in after its share was last taken.
            for share in &self.shared.shares {
                share.lock().stopped = true;
            }
            self.waker.unpark();
            let _ = thread.join();
        }
        self.dropped()
    }
}

impl Drop for Writer {
    fn drop(&mut self) {
        self.flush_and_stop();
    }
}

/// The thread: every [`FLUSH_EVERY`] (or when woken), takes what waits in
/// every share and appends it, a write per share; until told to stop.
fn drain(shared: &Shared, mut file: File, path: &Path) {
    // A batch per share, swapped with it: (bytes, lines).
    let mut batches: Vec<(Vec<u8>, usize)> = (0..shared.shares.len())
        .map(|_| (Vec::with_capacity(64 * 1024), 0))
        .collect();
    let mut noted = 0;
    let mut last_note = Instant::now();
    let mut write_failed = false;
    let mut quiet_rounds = 0;
    loop {
        if quiet_rounds >= IDLE_AFTER {
            if last_note.elapsed() >= NOTE_EVERY {
                note_drops(path, &shared.dropped, &mut noted, &mut last_note);
            }
            shared.idle.store(true, Ordering::Relaxed);
            fence(Ordering::SeqCst);
            let nothing = shared.shares.iter().all(|share| {
                let pending = share.lock();
                pending.lines == 0 && !pending.stopped
            });
            if nothing {
                // Woken by the first line, by a stop, or spuriously (then
                // the rounds start again).
                std::thread::park();
            }
            shared.idle.store(false, Ordering::Relaxed);
            quiet_rounds = 0;
        } else {
            std::thread::park_timeout(FLUSH_EVERY);
        }
        let mut stop = true;
        for (share, (bytes, lines)) in shared.shares.iter().zip(&mut batches) {
            let mut pending = share.lock();
            std::mem::swap(&mut pending.bytes, bytes);
            *lines = std::mem::take(&mut pending.lines);
            stop &= pending.stopped;
        }
        let any = batches.iter().any(|(bytes, _)| !bytes.is_empty());
        quiet_rounds = if any { 0 } else { quiet_rounds + 1 };
        if any
            && moved_away(&file, path)
            && let Ok(new) = open(path)
        {
            file = new;
        }
        for (bytes, lines) in &mut batches {
            if bytes.is_empty() {
                continue;
            }
            match file.write_all(bytes) {
                Ok(()) => write_failed = false,
                Err(e) => {
                    shared.dropped.fetch_add(*lines as u64, Ordering::Relaxed);
                    if !write_failed {
                        eprintln!(
                            "apigw serve: cannot write the access log {}: {e}; its lines are dropped until it can",
                            path.display()
                        );
                    }
                    write_failed = true;
                }
            }
            bytes.clear();
            // A burst's buffer is not kept for ever.
            if bytes.capacity() > 1024 * 1024 {
                bytes.shrink_to(64 * 1024);
            }
        }
        if last_note.elapsed() >= NOTE_EVERY {
            note_drops(path, &shared.dropped, &mut noted, &mut last_note);
        }
        if stop {
            return;
        }
    }
}

fn open(path: &Path) -> std::io::Result<File> {
    if let Some(dir) = path.parent() {
        group::create_logs_dir(dir)?;
    }
    OpenOptions::new().create(true).append(true).open(path)
}

/// Whether the group's file was removed or replaced (someone cleared the
/// logs) since it was opened: the next batch then goes to a new file where
/// `logs tail` looks.
fn moved_away(file: &File, path: &Path) -> bool {
    let Ok(now) = std::fs::metadata(path) else {
        return true;
    };
    #[cfg(unix)]
    {
        use std::os::unix::fs::MetadataExt;
        file.metadata()
            .is_ok_and(|open| (open.dev(), open.ino()) != (now.dev(), now.ino()))
    }
    #[cfg(not(unix))]
    {
        let _ = (file, now);
        false
    }
}

fn note_drops(path: &Path, dropped: &AtomicU64, noted: &mut u64, last: &mut Instant) {
    *last = Instant::now();
    let now = dropped.load(Ordering::Relaxed);
    if now > *noted {
        eprintln!(
            "apigw serve: access log {}: {now} lines dropped so far (requests came faster than the file took them)",
            path.display()
        );
        *noted = now;
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Logs line `i` of stream `stream`.
    fn put(w: &Writer, stream: &str, i: usize) {
        w.log(
            1_796_216_400_000 + i as i64,
            stream,
            format!("line {i}\twith a tab"),
        );
    }

    fn events(path: &Path) -> Vec<(i64, String, String)> {
        std::fs::read_to_string(path)
            .unwrap()
            .lines()
            .map(|l| {
                let e = group::parse_line(l).unwrap();
                (
                    e.timestamp_ms,
                    e.stream.into_owned(),
                    e.message.into_owned(),
                )
            })
            .collect()
    }

    #[test]
    fn lines_from_many_threads_arrive_whole_and_are_flushed_at_stop() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join(".apigw/logs/demo.log");
        // Four shares for four threads (some may share one: the order a
        // thread takes is counted across every test of the process).
        let w = Arc::new(Writer::start(&path, QUEUE_LINES, 4, None).unwrap());
        let threads: Vec<_> = (0..4)
            .map(|t| {
                let w = w.clone();
                std::thread::spawn(move || {
                    for i in 0..500 {
                        put(&w, "prod/run1", t * 1000 + i);
                    }
                })
            })
            .collect();
        for t in threads {
            t.join().unwrap();
        }
        assert_eq!(w.flush_and_stop(), 0);
        let got = events(&path);
        assert_eq!(got.len(), 2000);
        assert!(
            got.iter()
                .all(|(_, s, m)| s == "prod/run1" && m.ends_with("\twith a tab"))
        );
        // After the stop, lines are counted, not lost silently.
        put(&w, "prod/run1", 0);
        assert_eq!(w.dropped(), 1);
        assert_eq!(w.flush_and_stop(), 1);
    }

    #[test]
    fn a_line_after_the_thread_went_idle_wakes_it() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("quiet.log");
        let w = Writer::start(&path, QUEUE_LINES, 2, None).unwrap();
        // Whether `holds` comes true within 10 s.
        let eventually = |holds: &dyn Fn() -> bool| {
            let until = Instant::now() + Duration::from_secs(10);
            while !holds() {
                if Instant::now() > until {
                    return false;
                }
                std::thread::sleep(Duration::from_millis(20));
            }
            true
        };
        for round in 0..3 {
            assert!(
                eventually(&|| w.shared.idle.load(Ordering::Relaxed)),
                "round {round}: the thread went to sleep"
            );
            put(&w, "prod/run1", round);
            // Written without a stop: the line woke the thread.
            let written =
                || std::fs::read_to_string(&path).is_ok_and(|t| t.lines().count() == round + 1);
            assert!(eventually(&written), "round {round}: line written");
        }
        assert_eq!(w.flush_and_stop(), 0);
    }

    #[test]
    fn a_full_queue_drops_and_counts_instead_of_waiting() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("g.log");
        let (open, gate) = std::sync::mpsc::channel();
        // The thread does not drain until the gate opens: the queue of 3
        // fills and the rest are dropped, each call returning at once.
        let w = Writer::start(&path, 3, 1, Some(gate)).unwrap();
        for i in 0..10 {
            put(&w, "prod/run1", i);
        }
        assert_eq!(w.dropped(), 7);
        open.send(()).unwrap();
        assert_eq!(w.flush_and_stop(), 7);
        let got: Vec<i64> = events(&path)
            .iter()
            .map(|e| e.0 - 1_796_216_400_000)
            .collect();
        assert_eq!(got, [0, 1, 2]);
    }

    #[test]
    fn two_writers_append_to_one_group_without_mixing_lines() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("shared.log");
        let a = Writer::new(&path).unwrap();
        let b = Writer::new(&path).unwrap();
        for i in 0..300 {
            put(&a, "prod/run1", i);
            put(&b, "dev/run2", i);
        }
        a.flush_and_stop();
        b.flush_and_stop();
        let got = events(&path);
        assert_eq!(got.len(), 600);
        assert_eq!(got.iter().filter(|e| e.1 == "dev/run2").count(), 300);
    }

    #[test]
    fn a_removed_group_file_is_made_again_for_the_next_batch() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join(".apigw/logs/g.log");
        let (open, gate) = std::sync::mpsc::channel();
        let w = Writer::start(&path, 8, 1, Some(gate)).unwrap();
        std::fs::remove_dir_all(dir.path().join(".apigw")).unwrap();
        put(&w, "prod/run1", 1);
        open.send(()).unwrap();
        w.flush_and_stop();
        assert_eq!(events(&path).len(), 1);
    }
}
