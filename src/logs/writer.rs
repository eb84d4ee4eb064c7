//! Writes one log group's events without ever holding up a request: a
//! request hands its line to a bounded queue and goes on, waking nobody; a
//! thread of the group looks at the queue every [`FLUSH_EVERY`] (or sooner,
//! once a quarter of it is full) and appends what it finds, a batch per
//! write. When the queue is full (the disk cannot keep up) the line is
//! dropped and counted, never waited for; the count is noted on stderr as
//! it grows and returned at shutdown.
//!
//! ```text
//! request ─ try_send ─▶ [ queue: QUEUE_LINES ] ─▶ thread ─ one write per batch ─▶ group file
//!              └─ full: dropped += 1              every 100 ms     (O_APPEND, whole lines)
//! ```

use super::group;
use std::fs::{File, OpenOptions};
use std::io::Write as _;
use std::path::{Path, PathBuf};
use std::sync::atomic::{AtomicU64, AtomicUsize, Ordering};
use std::sync::mpsc::{Receiver, SyncSender, TryRecvError, TrySendError};
use std::sync::{Arc, Mutex};
use std::thread::{JoinHandle, Thread};
use std::time::{Duration, Instant};

/// How many lines may wait for the writer before new ones are dropped.
pub const QUEUE_LINES: usize = 16 * 1024;
/// How long a line may wait before it is written.
pub const FLUSH_EVERY: Duration = Duration::from_millis(100);
/// The most lines written in one batch.
const BATCH_LINES: usize = 1024;
/// How often a growing drop count is noted on stderr.
const NOTE_EVERY: Duration = Duration::from_secs(10);

/// One log event.
#[derive(Debug, Clone)]
pub struct Line {
    pub timestamp_ms: i64,
    /// The log stream (shared by every line of one stage of one run).
    pub stream: Arc<str>,
    pub message: String,
}

enum Message {
    Line(Line),
    Stop,
}

/// What the requests and the thread share.
struct Counts {
    dropped: AtomicU64,
    /// Lines in the queue (about: it is counted on both sides).
    queued: AtomicUsize,
}

/// The writer of one log group's file.
pub struct Writer {
    queue: SyncSender<Message>,
    counts: Arc<Counts>,
    /// Past this many queued lines the thread is woken early.
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
        Self::start(path, QUEUE_LINES, None)
    }

    fn start(path: &Path, lines: usize, gate: Option<Receiver<()>>) -> std::io::Result<Writer> {
        let file = open(path)?;
        let (queue, rx) = std::sync::mpsc::sync_channel(lines);
        let counts = Arc::new(Counts {
            dropped: AtomicU64::new(0),
            queued: AtomicUsize::new(0),
        });
        let thread = {
            let counts = counts.clone();
            let path = path.to_path_buf();
            std::thread::Builder::new()
                .name("apigw-log-group".into())
                .spawn(move || {
                    if let Some(gate) = gate {
                        let _ = gate.recv();
                    }
                    drain(&rx, file, &path, &counts);
                })?
        };
        Ok(Writer {
            queue,
            counts,
            wake_at: (lines / 4).max(1),
            waker: thread.thread().clone(),
            thread: Mutex::new(Some(thread)),
            path: path.to_path_buf(),
        })
    }

    /// Queues `line`; never waits. A line that finds the queue full (or the
    /// writer stopped) is dropped and counted.
    pub fn log(&self, line: Line) {
        match self.queue.try_send(Message::Line(line)) {
            Ok(()) => {
                if self.counts.queued.fetch_add(1, Ordering::Relaxed) + 1 == self.wake_at {
                    self.waker.unpark();
                }
            }
            Err(TrySendError::Full(_) | TrySendError::Disconnected(_)) => {
                self.counts.dropped.fetch_add(1, Ordering::Relaxed);
            }
        }
    }

    /// How many lines were dropped so far.
    pub fn dropped(&self) -> u64 {
        self.counts.dropped.load(Ordering::Relaxed)
    }

    pub fn path(&self) -> &Path {
        &self.path
    }

    /// Writes every queued line, stops the thread and returns the drop
    /// count. Later lines are dropped (and counted). Calling it again does
    /// nothing more.
    pub fn flush_and_stop(&self) -> u64 {
        let thread = self.thread.lock().unwrap_or_else(|p| p.into_inner()).take();
        if let Some(thread) = thread {
            // Waits for room: this is shutdown, not a request.
            let _ = self.queue.send(Message::Stop);
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

/// The thread: every [`FLUSH_EVERY`] (or when woken), takes what is
/// queued, a batch at a time, and appends each batch in one write; until
/// told to stop.
fn drain(rx: &Receiver<Message>, mut file: File, path: &Path, counts: &Counts) {
    let mut batch = Vec::with_capacity(64 * 1024);
    let mut noted = 0;
    let mut last_note = Instant::now();
    let mut write_failed = false;
    loop {
        std::thread::park_timeout(FLUSH_EVERY);
        let mut stop = false;
        loop {
            let mut lines = 0;
            while lines < BATCH_LINES {
                match rx.try_recv() {
                    Ok(Message::Line(l)) => {
                        group::push_line(&mut batch, l.timestamp_ms, &l.stream, &l.message);
                        lines += 1;
                    }
                    Ok(Message::Stop) | Err(TryRecvError::Disconnected) => {
                        stop = true;
                        break;
                    }
                    Err(TryRecvError::Empty) => break,
                }
            }
            counts.queued.fetch_sub(lines, Ordering::Relaxed);
            if !batch.is_empty() {
                if moved_away(&file, path)
                    && let Ok(new) = open(path)
                {
                    file = new;
                }
                match file.write_all(&batch) {
                    Ok(()) => write_failed = false,
                    Err(e) => {
                        counts.dropped.fetch_add(lines as u64, Ordering::Relaxed);
                        if !write_failed {
                            eprintln!(
                                "apigw serve: cannot write the access log {}: {e}; its lines are dropped until it can",
                                path.display()
                            );
                        }
                        write_failed = true;
                    }
                }
                batch.clear();
                if batch.capacity() > 1024 * 1024 {
                    batch.shrink_to(64 * 1024);
                }
            }
            if stop || lines < BATCH_LINES {
                break;
            }
        }
        if last_note.elapsed() >= NOTE_EVERY {
            note_drops(path, &counts.dropped, &mut noted, &mut last_note);
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

    fn line(i: usize) -> Line {
        Line {
            timestamp_ms: 1_796_216_400_000 + i as i64,
            stream: "prod/run1".into(),
            message: format!("line {i}\twith a tab"),
        }
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
        let w = Arc::new(Writer::new(&path).unwrap());
        let threads: Vec<_> = (0..4)
            .map(|t| {
                let w = w.clone();
                std::thread::spawn(move || {
                    for i in 0..500 {
                        w.log(line(t * 1000 + i));
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
        w.log(line(0));
        assert_eq!(w.dropped(), 1);
        assert_eq!(w.flush_and_stop(), 1);
    }

    #[test]
    fn a_full_queue_drops_and_counts_instead_of_waiting() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("g.log");
        let (open, gate) = std::sync::mpsc::channel();
        // The thread does not drain until the gate opens: the queue of 3
        // fills and the rest are dropped, each call returning at once.
        let w = Writer::start(&path, 3, Some(gate)).unwrap();
        for i in 0..10 {
            w.log(line(i));
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
            a.log(line(i));
            b.log(Line {
                stream: "dev/run2".into(),
                ..line(i)
            });
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
        let w = Writer::start(&path, 8, Some(gate)).unwrap();
        std::fs::remove_dir_all(dir.path().join(".apigw")).unwrap();
        w.log(line(1));
        open.send(()).unwrap();
        w.flush_and_stop();
        assert_eq!(events(&path).len(), 1);
    }
}
