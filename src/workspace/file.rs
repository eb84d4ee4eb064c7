//! Reading, checking and safely replacing the workspace file.

use super::focus;
use super::{Workspace, codec, split};
use crate::error::{Error, Result};
use std::fs::{File, OpenOptions};
use std::io::{IoSlice, Read, Seek, SeekFrom, Write};
use std::path::{Path, PathBuf};

/// A loaded workspace and the file it came from.
#[derive(Debug)]
pub struct WorkspaceFile {
    pub path: PathBuf,
    pub exists: bool,
    pub workspace: Workspace,
}

/// Reads the workspace without locking (saves are atomic renames, so a
/// reader always sees a whole file). A missing file is an empty workspace.
pub fn load_path(path: &Path) -> Result<WorkspaceFile> {
    match File::open(path) {
        Ok(file) => Ok(WorkspaceFile {
            path: path.to_path_buf(),
            exists: true,
            workspace: read_file(path, &file)?.0,
        }),
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => Ok(WorkspaceFile {
            path: path.to_path_buf(),
            exists: false,
            workspace: Workspace::default(),
        }),
        Err(e) => Err(Error::workspace_io(path, "read", e)),
    }
}

/// Which part of the workspace a command needs.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Scope {
    /// All of it.
    All,
    /// Everything but the children (integrations, routes, stages,
    /// authorizers) of APIs other than these.
    Apis(Vec<String>),
}

/// As [`load_path`], for a command that needs `scope` only: the workspace
/// returned may leave out what the scope does not name. The whole file is
/// still checked.
pub fn load_scoped(path: &Path, scope: &Scope) -> Result<WorkspaceFile> {
    let Scope::Apis(apis) = scope else {
        return load_path(path);
    };
    let file = match File::open(path) {
        Ok(file) => file,
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => return load_path(path),
        Err(e) => return Err(Error::workspace_io(path, "read", e)),
    };
    let bytes = read_all(path, &file, 0)?;
    let workspace = match focus::read(&bytes, apis) {
        Some(ws) => ws,
        None => parse(path, &bytes)?,
    };
    Ok(WorkspaceFile {
        path: path.to_path_buf(),
        exists: true,
        workspace,
    })
}

/// The whole file, from its start, into a buffer with `room` bytes to
/// spare.
fn read_all(path: &Path, file: &File, room: usize) -> Result<Vec<u8>> {
    let len = file.metadata().map_or(0, |m| m.len() as usize);
    let mut bytes = Vec::with_capacity(len + room + 1);
    let mut file = file;
    file.seek(SeekFrom::Start(0))
        .and_then(|_| file.read_to_end(&mut bytes))
        .map_err(|e| Error::workspace_io(path, "read", e))?;
    Ok(bytes)
}

/// Reads and checks the workspace in `file`, from its start; a large one on
/// two threads. Returns the buffer the text was read into, with room to
/// write the new text in.
fn read_file(path: &Path, file: &File) -> Result<(Workspace, Vec<u8>)> {
    let len = file.metadata().map_or(0, |m| m.len() as usize);
    if let Some((ws, bytes)) = split::read_file(file, len) {
        return Ok((checked(path, ws)?, bytes));
    }
    let bytes = read_all(path, file, len / 16 + 4096)?;
    let ws = parse(path, &bytes)?;
    Ok((ws, bytes))
}

/// Parses and checks the bytes of a workspace file.
pub fn parse(path: &Path, bytes: &[u8]) -> Result<Workspace> {
    let text = std::str::from_utf8(bytes).map_err(|e| {
        let (line, col) = line_col(bytes, e.valid_up_to());
        Error::Workspace(format!(
            "workspace file {} is not valid UTF-8 at line {line}, column {col}",
            path.display()
        ))
    })?;
    if text.trim().is_empty() {
        return Ok(Workspace::default());
    }
    // The fast reader declines anything it does not handle exactly (a long
    // text is read on two threads when it can be cut); `toml` then reads it,
    // or says what is wrong and where.
    let ws: Workspace = match split::read(text).or_else(|| codec::from_str(text)) {
        Some(ws) => ws,
        None => slow_parse(path, bytes, text)?,
    };
    checked(path, ws)
}

fn checked(path: &Path, ws: Workspace) -> Result<Workspace> {
    ws.check().map_err(|m| {
        Error::Workspace(format!(
            "workspace file {} is not valid: {m}",
            path.display()
        ))
    })?;
    Ok(ws)
}

fn slow_parse(path: &Path, bytes: &[u8], text: &str) -> Result<Workspace> {
    toml::from_str(text).map_err(|e| {
        let at = match e.span() {
            Some(span) => {
                let (line, col) = line_col(bytes, span.start);
                format!(" at line {line}, column {col}")
            }
            None => String::new(),
        };
        Error::Workspace(format!(
            "workspace file {} is not valid{at}: {}",
            path.display(),
            codec::toml_message(&e)
        ))
    })
}

fn line_col(bytes: &[u8], offset: usize) -> (usize, usize) {
    let before = &bytes[..offset.min(bytes.len())];
    let line = before.iter().filter(|&&b| b == b'\n').count() + 1;
    let line_start = before
        .iter()
        .rposition(|&b| b == b'\n')
        .map_or(0, |p| p + 1);
    let col = String::from_utf8_lossy(&before[line_start..])
        .chars()
        .count()
        + 1;
    (line, col)
}

/// Renders a workspace as the text of its file.
pub fn render(ws: &Workspace) -> Result<String> {
    let mut text = String::new();
    render_into(ws, &mut text)?;
    Ok(text)
}

/// As `render`, into `text` (its memory is reused).
fn render_into(ws: &Workspace, text: &mut String) -> Result<()> {
    if codec::to_document_into(HEADER, ws, text).is_ok() {
        return Ok(());
    }
    let body = toml::to_string(ws)
        .map_err(|e| Error::Other(format!("cannot write the workspace as TOML: {e}")))?;
    text.clear();
    text.push_str(HEADER);
    text.push('\n');
    text.push_str(&body);
    Ok(())
}

/// The comment the file starts with (a blank line follows it).
const HEADER: &str = "# apigw workspace: API Gateway resources for local checks and `apigw serve`.\n\
# Written by apigw; hand edits are checked on the next command.\n";

/// Runs `change` on the workspace at `path` under an exclusive lock and saves
/// the result atomically when it succeeds. Nothing is written when `change`
/// fails, so a refused request leaves the file exactly as it was.
pub fn update<T>(path: &Path, change: impl FnOnce(&mut Workspace) -> Result<T>) -> Result<T> {
    let file = lock_for_update(path)?;
    let (ws, bytes) = read_file(path, &file)?;
    change_whole(path, file, ws, bytes, change)
}

/// As [`update`], for a change that needs `scope` only. `change` may run
/// twice (the second time on the whole workspace, when the file could not
/// be read in part); only the run whose result is saved counts.
pub fn update_scoped<T>(
    path: &Path,
    scope: &Scope,
    mut change: impl FnMut(&mut Workspace) -> Result<T>,
) -> Result<T> {
    let Scope::Apis(apis) = scope else {
        return update(path, change);
    };
    let file = lock_for_update(path)?;
    let bytes = read_all(path, &file, 0)?;
    if let Some(done) = update_part(path, &file, &bytes, apis, &mut change) {
        return done;
    }
    let ws = parse(path, &bytes)?;
    change_whole(path, file, ws, bytes, change)
}

/// Creates the folder of `path` when needed, and opens and locks the file.
fn lock_for_update(path: &Path) -> Result<File> {
    if let Some(dir) = path.parent().filter(|d| !d.as_os_str().is_empty()) {
        std::fs::create_dir_all(dir)
            .map_err(|e| Error::workspace_io(path, "create the folder of", e))?;
    }
    lock_current(path)
}

/// Runs `change` on the whole workspace `ws`, read from the locked `file`
/// into `bytes`, and saves the result.
fn change_whole<T>(
    path: &Path,
    file: File,
    mut ws: Workspace,
    bytes: Vec<u8>,
    change: impl FnOnce(&mut Workspace) -> Result<T>,
) -> Result<T> {
    let out = change(&mut ws)?;
    // The new text goes where the old one was: that memory is already mapped.
    let mut bytes = bytes;
    bytes.clear();
    let mut text = String::from_utf8(bytes).expect("empty");
    render_into(&ws, &mut text)?;
    let tmp = write_temp(path, &file, &[text.as_bytes()])?;
    replace(path, tmp)?;
    drop(file); // releases the lock, after the new file is in place
    discard(ws);
    Ok(out)
}

/// The change on the part of the file `apis` needs, the rest checked on
/// other threads meanwhile and copied into the new file as it was. `None`
/// when the file must be read whole (the caller then does it all again).
fn update_part<T>(
    path: &Path,
    file: &File,
    bytes: &[u8],
    apis: &[String],
    change: &mut impl FnMut(&mut Workspace) -> Result<T>,
) -> Option<Result<T>> {
    focus::with_part(bytes, apis, |mut ws, kept, check| {
        let kept_ok = || check.join();
        let out = match change(&mut ws) {
            Ok(out) => out,
            Err(e) => return kept_ok().then_some(Err(e)),
        };
        let mut rendered = String::new();
        let merged = render_into(&ws, &mut rendered)
            .ok()
            .and_then(|()| kept.merge(&rendered));
        let written = merged.map(|slices| write_temp(path, file, &slices));
        // The file as read must be good before anything is said of it.
        if !kept_ok() {
            return None;
        }
        match written? {
            Ok(tmp) => Some(replace(path, tmp).map(|()| out)),
            Err(e) => Some(Err(e)),
        }
    })
}

/// Frees a large workspace on another thread: tens of thousands of small
/// allocations take milliseconds to free, and a command that is done need
/// not wait (when the process exits first, the memory goes with it).
fn discard(ws: Workspace) {
    const LARGE: usize = 2_000;
    let size: usize = [
        ws.integrations.values().map(|m| m.len()).sum::<usize>(),
        ws.routes.values().map(|m| m.len()).sum(),
        ws.stages.values().map(|m| m.len()).sum(),
        ws.authorizers.values().map(|m| m.len()).sum(),
        ws.apis.len(),
    ]
    .iter()
    .sum();
    if size >= LARGE {
        // If no thread can be started, the closure and `ws` are dropped here.
        let _ = std::thread::Builder::new()
            .name("apigw-free".into())
            .spawn(move || drop(ws));
    }
}

/// Opens and locks the file that `path` names now. A writer that replaced the
/// file while we waited for the lock leaves us holding the old one; then we
/// try again on the new one.
fn lock_current(path: &Path) -> Result<File> {
    loop {
        let file = OpenOptions::new()
            .read(true)
            .write(true)
            .create(true)
            .truncate(false)
            .open(path)
            .map_err(|e| Error::workspace_io(path, "open", e))?;
        file.lock()
            .map_err(|e| Error::workspace_io(path, "lock", e))?;
        if still_current(path, &file)? {
            return Ok(file);
        }
    }
}

#[cfg(unix)]
fn still_current(path: &Path, file: &File) -> Result<bool> {
    use std::os::unix::fs::MetadataExt;
    let held = file
        .metadata()
        .map_err(|e| Error::workspace_io(path, "inspect", e))?;
    match std::fs::metadata(path) {
        Ok(now) => Ok(now.dev() == held.dev() && now.ino() == held.ino()),
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => Ok(false),
        Err(e) => Err(Error::workspace_io(path, "inspect", e)),
    }
}

#[cfg(not(unix))]
fn still_current(_path: &Path, _file: &File) -> Result<bool> {
    Ok(true)
}

/// Writes `parts`, one after the other, to a temporary file beside `path`
/// and flushes it to disk; [`replace`] then puts it in place, so that a
/// reader or a crash sees the old file or the new one, never a part.
fn write_temp(path: &Path, current: &File, parts: &[&[u8]]) -> Result<tempfile::NamedTempFile> {
    let mut tmp = tempfile::Builder::new()
        .prefix(".apigw.toml.")
        .suffix(".tmp")
        .tempfile_in(folder(path))
        .map_err(|e| Error::workspace_io(path, "create a temporary file beside the", e))?;
    if let Ok(meta) = current.metadata() {
        // Keep the permissions of the file being replaced (a temp file is
        // 0600); set before the flush, so that it is on disk too.
        let _ = tmp.as_file().set_permissions(meta.permissions());
    }
    write_all_vectored(tmp.as_file_mut(), parts)
        .and_then(|()| tmp.as_file().sync_all())
        .map_err(|e| Error::workspace_io(path, "write", e))?;
    Ok(tmp)
}

/// Renames the flushed temporary file over `path`, and flushes the folder.
fn replace(path: &Path, tmp: tempfile::NamedTempFile) -> Result<()> {
    tmp.persist(path)
        .map_err(|e| Error::workspace_io(path, "replace", e.error))?;
    #[cfg(unix)]
    if let Ok(d) = File::open(folder(path)) {
        let _ = d.sync_all();
    }
    Ok(())
}

fn folder(path: &Path) -> PathBuf {
    match path.parent() {
        Some(d) if !d.as_os_str().is_empty() => d.to_path_buf(),
        _ => PathBuf::from("."),
    }
}

fn write_all_vectored(out: &mut File, parts: &[&[u8]]) -> std::io::Result<()> {
    let mut slices: Vec<IoSlice<'_>> = parts
        .iter()
        .filter(|p| !p.is_empty())
        .map(|p| IoSlice::new(p))
        .collect();
    let mut rest = &mut slices[..];
    while !rest.is_empty() {
        match out.write_vectored(rest) {
            Ok(0) => return Err(std::io::ErrorKind::WriteZero.into()),
            Ok(n) => IoSlice::advance_slices(&mut rest, n),
            Err(e) if e.kind() == std::io::ErrorKind::Interrupted => {}
            Err(e) => return Err(e),
        }
    }
    Ok(())
}
