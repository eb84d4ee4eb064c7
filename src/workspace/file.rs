//! Reading, checking and safely replacing the workspace file.

use super::focus;
use super::{Workspace, codec, split, target};
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
/// reader always sees a whole file). A missing file is an empty workspace;
/// anything but a regular file is refused before it is opened.
pub fn load_path(path: &Path) -> Result<WorkspaceFile> {
    match target::open_read(path, "workspace file")? {
        Some(file) => Ok(WorkspaceFile {
            path: path.to_path_buf(),
            exists: true,
            workspace: read_file(path, &file)?.0,
        }),
        None => Ok(WorkspaceFile {
            path: path.to_path_buf(),
            exists: false,
            workspace: Workspace::default(),
        }),
    }
}

/// Which part of the workspace a command needs.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Scope {
    /// All of it.
    All,
    /// Everything but the children (integrations, routes, stages,
    /// authorizers, deployments) of APIs other than these.
    Apis(Vec<String>),
}

/// As [`load_path`], for a command that needs `scope` only: the workspace
/// returned may leave out what the scope does not name. The whole file is
/// still checked.
pub fn load_scoped(path: &Path, scope: &Scope) -> Result<WorkspaceFile> {
    let Scope::Apis(apis) = scope else {
        return load_path(path);
    };
    let Some(file) = target::open_read(path, "workspace file")? else {
        return load_path(path);
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
        if let Err(problem) = ws.check() {
            // The buffer holds the first part only: read it all to say where.
            let whole = read_all(path, file, 0)?;
            return Err(refusal(path, &whole, &problem));
        }
        return Ok((ws, bytes));
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
    ws.check().map_err(|p| refusal(path, bytes, &p))?;
    Ok(ws)
}

/// The refusal of a file that reads but does not check: the file, the line
/// of the table the problem is in, and the problem.
fn refusal(path: &Path, bytes: &[u8], problem: &super::Problem) -> Error {
    let at = header_line(bytes, &problem.table)
        .map(|line| format!(" at line {line}"))
        .unwrap_or_default();
    Error::Workspace(format!(
        "workspace file {} is not valid{at}: {problem}",
        path.display()
    ))
}

/// The line of the header of `table` in `bytes` (or of the first of its
/// sub-tables); failing that, of the nearest table above it.
fn header_line(bytes: &[u8], table: &[String]) -> Option<usize> {
    let mut best: Option<(usize, usize)> = None;
    for (n, line) in bytes.split(|&b| b == b'\n').enumerate() {
        let line = line.trim_ascii_start();
        if !line.starts_with(b"[") || line.starts_with(b"[[") {
            continue;
        }
        let Some((_, outline)) = std::str::from_utf8(line)
            .ok()
            .and_then(codec::from_str_part::<serde::de::IgnoredAny>)
        else {
            continue;
        };
        let keys = &outline.first_header;
        let shared = keys
            .iter()
            .zip(table)
            .take_while(|(k, t)| k.as_ref() == t.as_str())
            .count();
        if shared == table.len() {
            return Some(n + 1);
        }
        if shared == keys.len() && shared > 0 && best.is_none_or(|(s, _)| shared > s) {
            best = Some((shared, n + 1));
        }
    }
    best.map(|(_, line)| line)
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

/// Writes a new workspace file at `path` holding `ws` (for `apigw init`),
/// with the folders above it; refuses, and changes nothing, when anything
/// is already there.
pub fn create(path: &Path, ws: &Workspace) -> Result<()> {
    if path.symlink_metadata().is_ok() {
        return Err(Error::Workspace(format!(
            "workspace file {} already exists; apigw init leaves it as it is \
             (remove it first, or pass --workspace PATH to start another one)",
            path.display()
        )));
    }
    ws.check().map_err(|p| Error::InvalidInput(p.to_string()))?;
    let text = render(ws)?;
    let mut made = Made {
        dirs: make_folders(path)?,
        ..Made::default()
    };
    let file = OpenOptions::new()
        .write(true)
        .create_new(true)
        .open(path)
        .map_err(|e| {
            if e.kind() == std::io::ErrorKind::AlreadyExists {
                Error::Workspace(format!(
                    "workspace file {} already exists; apigw init leaves it as it is",
                    path.display()
                ))
            } else {
                Error::workspace_io(path, "create", e)
            }
        })?;
    made.file = Some(path.to_path_buf());
    let mut held = Held {
        path: path.to_path_buf(),
        file,
        made,
    };
    held.file
        .write_all(text.as_bytes())
        .and_then(|()| held.file.sync_all())
        .map_err(|e| Error::workspace_io(path, "write", e))?;
    held.made.keep();
    Ok(())
}

/// Runs `change` on the workspace at `path` under an exclusive lock and saves
/// the result atomically when it succeeds. Nothing is written when `change`
/// fails, so a refused request leaves the file exactly as it was (and a
/// missing one missing, with no folder made for it). Through a symbolic
/// link, the link's target is changed.
pub fn update<T>(path: &Path, change: impl FnOnce(&mut Workspace) -> Result<T>) -> Result<T> {
    let held = lock_for_update(path)?;
    let (ws, bytes) = read_file(&held.path, &held.file)?;
    change_whole(held, ws, bytes, change)
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
    let mut held = lock_for_update(path)?;
    let bytes = read_all(&held.path, &held.file, 0)?;
    if let Some(done) = update_part(&held.path, &held.file, &bytes, apis, &mut change) {
        if done.is_ok() {
            held.made.keep();
        }
        return done;
    }
    let ws = parse(&held.path, &bytes)?;
    change_whole(held, ws, bytes, change)
}

/// The workspace file opened and locked for a change, at the path that is
/// replaced (a link's target), with what was made to hold it.
struct Held {
    path: PathBuf,
    file: File,
    made: Made,
}

/// What a change made before it had anything to save (the empty file it
/// locks, the folders above it): removed, before the lock is let go,
/// unless [`Made::keep`] was called.
#[derive(Default)]
struct Made {
    file: Option<PathBuf>,
    dirs: Vec<PathBuf>,
}

impl Made {
    fn keep(&mut self) {
        self.file = None;
        self.dirs.clear();
    }
}

impl Drop for Held {
    fn drop(&mut self) {
        // Still under the lock: no other writer can have put a file there.
        if let Some(file) = self.made.file.take() {
            let _ = std::fs::remove_file(file);
            for dir in self.made.dirs.iter().rev() {
                let _ = std::fs::remove_dir(dir);
            }
        }
        // `file` is closed after this, which lets the lock go.
    }
}

/// Opens and locks the file that `path` names now (through links),
/// creating it, and the folders above it, when it is missing. A writer that
/// replaced the file while we waited for the lock leaves us holding the old
/// one; then we try again on the new one.
fn lock_for_update(path: &Path) -> Result<Held> {
    let path = target::resolve(path)?;
    let mut made = Made::default();
    for _ in 0..1000 {
        let mut options = OpenOptions::new();
        options.read(true).write(true);
        let (file, created) = match target::open(&path, "workspace file", &mut options)? {
            Some(file) => (file, false),
            None => {
                made.dirs.extend(make_folders(&path)?);
                match OpenOptions::new()
                    .read(true)
                    .write(true)
                    .create_new(true)
                    .open(&path)
                {
                    Ok(file) => (file, true),
                    // Made by another command meanwhile, or its folder
                    // removed by one that was refused: look again.
                    Err(e)
                        if matches!(
                            e.kind(),
                            std::io::ErrorKind::AlreadyExists | std::io::ErrorKind::NotFound
                        ) =>
                    {
                        continue;
                    }
                    Err(e) => return Err(Error::workspace_io(&path, "create", e)),
                }
            }
        };
        file.lock()
            .map_err(|e| Error::workspace_io(&path, "lock", e))?;
        if still_current(&path, &file)? {
            made.file = created.then(|| path.clone());
            return Ok(Held { path, file, made });
        }
    }
    Err(Error::Workspace(format!(
        "cannot lock workspace file {}: it keeps being replaced",
        path.display()
    )))
}

/// Creates the folders above `path` that are missing; returns them, the
/// topmost first.
fn make_folders(path: &Path) -> Result<Vec<PathBuf>> {
    let mut missing: Vec<&Path> = Vec::new();
    for dir in path.ancestors().skip(1) {
        if dir.as_os_str().is_empty() || dir.exists() {
            break;
        }
        missing.push(dir);
    }
    let mut made = Vec::new();
    for dir in missing.into_iter().rev() {
        match std::fs::create_dir(dir) {
            Ok(()) => made.push(dir.to_path_buf()),
            Err(e) if e.kind() == std::io::ErrorKind::AlreadyExists => {}
            Err(e) => return Err(Error::workspace_io(path, "create the folder of", e)),
        }
    }
    Ok(made)
}

/// Runs `change` on the whole workspace `ws`, read from the locked file
/// into `bytes`, and saves the result.
fn change_whole<T>(
    mut held: Held,
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
    let tmp = write_temp(&held.path, &held.file, &[text.as_bytes()])?;
    replace(&held.path, &tmp)?;
    held.made.keep();
    drop(held); // releases the lock, after the new file is in place
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
            Ok(tmp) => Some(replace(path, &tmp).map(|()| out)),
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
        ws.deployments.values().map(|m| m.len()).sum(),
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

/// Writes `parts`, one after the other, to the temporary file beside `path`
/// and flushes it to disk; [`replace`] then puts it in place, so that a
/// reader or a crash sees the old file or the new one, never a part.
///
/// The temporary file has one fixed name per workspace (`.apigw.toml.tmp`
/// beside `apigw.toml`): writers hold the workspace's lock, so no two
/// write it at once, and one left by a write that was killed is replaced
/// by the next. Temporary files of the older, random names are removed too.
fn write_temp(path: &Path, current: &File, parts: &[&[u8]]) -> Result<PathBuf> {
    let tmp = temp_path(path);
    remove_stale(path, &tmp);
    let mut options = OpenOptions::new();
    options.write(true).create_new(true);
    #[cfg(unix)]
    {
        use std::os::unix::fs::OpenOptionsExt;
        options.mode(0o600);
    }
    let mut out = options
        .open(&tmp)
        .map_err(|e| Error::workspace_io(path, "create a temporary file beside the", e))?;
    if let Ok(meta) = current.metadata() {
        // Keep the permissions of the file being replaced; set before the
        // flush, so that it is on disk too.
        let _ = out.set_permissions(meta.permissions());
    }
    let written = write_all_vectored(&mut out, parts).and_then(|()| out.sync_all());
    if let Err(e) = written {
        let _ = std::fs::remove_file(&tmp);
        return Err(Error::workspace_io(path, "write", e));
    }
    Ok(tmp)
}

/// `.NAME.tmp` beside the workspace file `NAME`.
fn temp_path(path: &Path) -> PathBuf {
    let name = path.file_name().map_or_else(
        || std::ffi::OsString::from("apigw.toml"),
        |n| n.to_os_string(),
    );
    let mut tmp = std::ffi::OsString::from(".");
    tmp.push(&name);
    tmp.push(".tmp");
    folder(path).join(tmp)
}

/// Removes what a killed write left beside `path` (under its lock): the
/// fixed temporary file, and those named `.NAME.*.tmp` by earlier versions.
fn remove_stale(path: &Path, tmp: &Path) {
    let _ = std::fs::remove_file(tmp);
    let Some(name) = path.file_name().and_then(|n| n.to_str()) else {
        return;
    };
    let prefix = format!(".{name}.");
    let Ok(entries) = std::fs::read_dir(folder(path)) else {
        return;
    };
    for entry in entries.flatten() {
        let file_name = entry.file_name();
        let Some(n) = file_name.to_str() else {
            continue;
        };
        let old = n.len() > prefix.len() + 4 && n.starts_with(&prefix) && n.ends_with(".tmp");
        if old && entry.file_type().is_ok_and(|t| t.is_file()) {
            let _ = std::fs::remove_file(entry.path());
        }
    }
}

/// Renames the flushed temporary file over `path`, and flushes the folder.
fn replace(path: &Path, tmp: &Path) -> Result<()> {
    if let Err(e) = std::fs::rename(tmp, path) {
        let _ = std::fs::remove_file(tmp);
        return Err(Error::workspace_io(path, "replace", e));
    }
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
