//! Reading the files that `file://` and `fileb://` values name, with bounds:
//! a read never blocks on a named pipe that nobody writes, never runs on
//! for ever on a device such as `/dev/zero`, and never takes more than
//! [`MAX_BYTES`].
//!
//! Accepted: regular files (or symlinks to one), and on Linux the shell's
//! own pipes (`file:///dev/stdin` with input piped in, `file://<(cmd)`),
//! which end when the command writing them ends. Refused at once: named
//! pipes (FIFOs) in the file system, devices and sockets (a directory fails
//! as reading it does: "Is a directory").

use std::fmt;
use std::fs::File;
use std::io::Read;
use std::path::Path;

/// The most a parameter file may hold: 4 MiB, far above any value the
/// service accepts, and small enough that parsing it stays cheap.
pub const MAX_BYTES: u64 = 4 * 1024 * 1024;

/// Why a parameter file could not be read.
#[derive(Debug)]
pub enum ReadError {
    /// Opening or reading failed (no such file, no permission, …).
    Io(std::io::Error),
    /// The path names something that is not a regular file.
    NotRegular(&'static str),
    /// The file holds more than [`MAX_BYTES`].
    TooLarge,
}

impl fmt::Display for ReadError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            ReadError::Io(e) => write!(f, "{e}"),
            ReadError::NotRegular(what) => write!(
                f,
                "it is {what}, not a regular file (apigw reads parameters only from regular files and the shell's pipes)"
            ),
            ReadError::TooLarge => write!(
                f,
                "it holds more than {} MiB ({MAX_BYTES} bytes), the most apigw reads for one parameter",
                MAX_BYTES / (1024 * 1024)
            ),
        }
    }
}

/// Reads the whole file at `path`, within the bounds above.
pub fn read(path: &Path) -> Result<Vec<u8>, ReadError> {
    // Opening a named pipe for reading waits for a writer. On Linux the
    // file is opened without waiting and judged by its type; elsewhere a
    // pipe is refused before it is opened.
    #[cfg(not(target_os = "linux"))]
    if let Ok(meta) = std::fs::metadata(path)
        && special_kind(&meta.file_type()) == Some(FIFO)
    {
        return Err(ReadError::NotRegular(FIFO));
    }
    let file = open(path).map_err(ReadError::Io)?;
    let meta = file.metadata().map_err(ReadError::Io)?;
    let kind = meta.file_type();
    // A directory is read like a file: the read fails at once with the
    // system's own "Is a directory", which is what awscli says.
    if !kind.is_file() && !kind.is_dir() {
        let what = special_kind(&kind).unwrap_or("not a regular file");
        if !(what == FIFO && is_anonymous_pipe(&file)) {
            return Err(ReadError::NotRegular(what));
        }
        blocking(&file).map_err(ReadError::Io)?;
    } else if meta.len() > MAX_BYTES {
        return Err(ReadError::TooLarge);
    }
    let mut bytes = Vec::with_capacity(meta.len().min(MAX_BYTES) as usize);
    file.take(MAX_BYTES + 1)
        .read_to_end(&mut bytes)
        .map_err(ReadError::Io)?;
    if bytes.len() as u64 > MAX_BYTES {
        return Err(ReadError::TooLarge);
    }
    Ok(bytes)
}

const FIFO: &str = "a named pipe (FIFO)";

/// Opens without waiting: a named pipe reached through a symlink opens at
/// once instead of waiting for a writer, and is then refused by its type.
fn open(path: &Path) -> std::io::Result<File> {
    let mut options = std::fs::OpenOptions::new();
    options.read(true);
    #[cfg(target_os = "linux")]
    {
        use std::os::unix::fs::OpenOptionsExt;
        options.custom_flags(libc::O_NONBLOCK);
    }
    options.open(path)
}

/// Makes reads on `file` wait for data again (it was opened non-blocking).
#[cfg(target_os = "linux")]
fn blocking(file: &File) -> std::io::Result<()> {
    use std::os::fd::AsRawFd;
    let fd = file.as_raw_fd();
    // SAFETY: fcntl on a descriptor this function's caller owns, with
    // integer arguments only.
    let flags = unsafe { libc::fcntl(fd, libc::F_GETFL) };
    if flags < 0 {
        return Err(std::io::Error::last_os_error());
    }
    // SAFETY: as above.
    if unsafe { libc::fcntl(fd, libc::F_SETFL, flags & !libc::O_NONBLOCK) } < 0 {
        return Err(std::io::Error::last_os_error());
    }
    Ok(())
}

#[cfg(not(target_os = "linux"))]
fn blocking(_file: &File) -> std::io::Result<()> {
    Ok(())
}

/// Whether `file` is a pipe the shell made (`|`, `<(…)`), not a named one:
/// such a pipe ends when the command writing it ends. Linux names those
/// `pipe:[inode]` in `/proc/self/fd`; elsewhere every pipe is refused.
#[cfg(target_os = "linux")]
fn is_anonymous_pipe(file: &File) -> bool {
    use std::os::fd::AsRawFd;
    std::fs::read_link(format!("/proc/self/fd/{}", file.as_raw_fd()))
        .is_ok_and(|target| target.to_string_lossy().starts_with("pipe:"))
}

#[cfg(not(target_os = "linux"))]
fn is_anonymous_pipe(_file: &File) -> bool {
    false
}

/// What a file that is not a regular one is, in words.
fn special_kind(kind: &std::fs::FileType) -> Option<&'static str> {
    if kind.is_file() || kind.is_symlink() {
        return None;
    }
    if kind.is_dir() {
        return Some("a directory");
    }
    #[cfg(unix)]
    {
        use std::os::unix::fs::FileTypeExt;
        if kind.is_fifo() {
            return Some(FIFO);
        }
        if kind.is_char_device() {
            return Some("a character device");
        }
        if kind.is_block_device() {
            return Some("a block device");
        }
        if kind.is_socket() {
            return Some("a socket");
        }
    }
    Some("not a regular file")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn reads_a_regular_file() {
        let dir = tempfile::tempdir().unwrap();
        let p = dir.path().join("a.json");
        std::fs::write(&p, b"{}").unwrap();
        assert_eq!(read(&p).unwrap(), b"{}");
    }

    #[test]
    fn refuses_devices_directories_and_big_files() {
        let err = read(Path::new("/dev/zero")).unwrap_err();
        assert!(
            matches!(err, ReadError::NotRegular("a character device")),
            "{err}"
        );
        let dir = tempfile::tempdir().unwrap();
        let err = read(dir.path()).unwrap_err();
        assert!(err.to_string().contains("Is a directory"), "{err}");
        let big = dir.path().join("big");
        let f = File::create(&big).unwrap();
        f.set_len(MAX_BYTES + 1).unwrap();
        assert!(matches!(read(&big).unwrap_err(), ReadError::TooLarge));
        f.set_len(MAX_BYTES).unwrap();
        assert_eq!(read(&big).unwrap().len() as u64, MAX_BYTES);
    }
}
