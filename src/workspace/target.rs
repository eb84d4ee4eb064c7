//! Which file on disk a workspace path means, and opening it safely: the
//! final target of a symbolic link (so that writes go through to it), and
//! nothing but a regular file (a FIFO or a device would hang a read for
//! ever), checked before opening and again on what was opened, which is
//! opened without blocking.

use crate::error::{Error, Result};
use std::fs::{File, FileType, OpenOptions};
use std::path::{Path, PathBuf};

/// Links followed before giving up (the kernel's own limit is 40).
const MAX_LINKS: usize = 40;

/// What a file type is, in words, for a refusal.
fn kind(t: FileType) -> &'static str {
    #[cfg(unix)]
    {
        use std::os::unix::fs::FileTypeExt;
        if t.is_fifo() {
            return "a FIFO (named pipe)";
        }
        if t.is_char_device() {
            return "a character device";
        }
        if t.is_block_device() {
            return "a block device";
        }
        if t.is_socket() {
            return "a socket";
        }
    }
    if t.is_dir() {
        "a folder"
    } else if t.is_symlink() {
        "a symbolic link"
    } else {
        "not a regular file"
    }
}

/// The refusal of a path that is not a regular file.
pub(crate) fn not_regular(path: &Path, what: &str, t: FileType) -> Error {
    Error::Workspace(format!(
        "{what} {} is {}, not a regular file; apigw reads and writes only regular files \
         (or symbolic links to one)",
        path.display(),
        kind(t)
    ))
}

/// `path` with every symbolic link of its last component followed: the
/// file a write must replace. A link whose target does not exist yet gives
/// that target (the file a first write creates).
pub(crate) fn resolve(path: &Path) -> Result<PathBuf> {
    let mut at = path.to_path_buf();
    for _ in 0..MAX_LINKS {
        match std::fs::symlink_metadata(&at) {
            Ok(m) if m.file_type().is_symlink() => {
                let to = std::fs::read_link(&at)
                    .map_err(|e| Error::workspace_io(path, "follow the link of", e))?;
                at = match at.parent() {
                    Some(dir) if to.is_relative() => dir.join(to),
                    _ => to,
                };
            }
            _ => return Ok(at),
        }
    }
    Err(Error::Workspace(format!(
        "workspace file {} is a chain of more than {MAX_LINKS} symbolic links",
        path.display()
    )))
}

/// Refuses `path` unless it is missing or (through any links) a regular
/// file; `Ok(false)` when missing.
pub(crate) fn check_regular(path: &Path, what: &str) -> Result<bool> {
    match std::fs::metadata(path) {
        Ok(m) if m.is_file() => Ok(true),
        Ok(m) => Err(not_regular(path, what, m.file_type())),
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => Ok(false),
        Err(e) => Err(Error::workspace_io(path, "inspect", e)),
    }
}

/// Opens with `options`, without blocking (a FIFO put there after the
/// check must not hang the open), and refuses what was opened unless it is
/// a regular file. `Ok(None)` when there is no such file.
pub(crate) fn open(path: &Path, what: &str, options: &mut OpenOptions) -> Result<Option<File>> {
    check_regular(path, what)?;
    #[cfg(unix)]
    {
        use std::os::unix::fs::OpenOptionsExt;
        options.custom_flags(libc::O_NONBLOCK);
    }
    let file = match options.open(path) {
        Ok(f) => f,
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => return Ok(None),
        Err(e) => return Err(Error::workspace_io(path, "open", e)),
    };
    let meta = file
        .metadata()
        .map_err(|e| Error::workspace_io(path, "inspect", e))?;
    if !meta.is_file() {
        return Err(not_regular(path, what, meta.file_type()));
    }
    // O_NONBLOCK changes nothing for a regular file's reads and writes.
    Ok(Some(file))
}

/// Opens a file to read; `Ok(None)` when there is none.
pub(crate) fn open_read(path: &Path, what: &str) -> Result<Option<File>> {
    open(path, what, OpenOptions::new().read(true))
}
