//! Where a function's code lives on this machine. A package given with
//! `--zip-file` is unpacked once into `.apigw/lambda/<digest>/` beside the
//! workspace (the git-ignored folder of the issuer key and the log groups;
//! a package is a build output, not a source), named by its SHA-256, so the
//! same package is never unpacked twice and a changed one never overwrites
//! what a running instance reads. A `--code-directory` folder is used where
//! it is, and watched.

use std::path::{Path, PathBuf};

/// The folder of the unpacked packages of the workspace at `workspace`.
pub fn packages_dir(workspace: &Path) -> PathBuf {
    let key = crate::jwt::key_path(workspace);
    key.parent().unwrap_or(Path::new(".apigw")).join("lambda")
}

/// The folder of the workspace file at `workspace` (relative paths in the
/// workspace are relative to it).
pub fn workspace_dir(workspace: &Path) -> PathBuf {
    if workspace.is_dir() {
        return workspace.to_path_buf();
    }
    workspace
        .parent()
        .filter(|p| !p.as_os_str().is_empty())
        .map_or_else(|| PathBuf::from("."), Path::to_path_buf)
}

/// SHA-256 as the service prints `CodeSha256`: base64.
fn sha256_b64(bytes: &[u8]) -> String {
    use base64::Engine as _;
    let d = ring::digest::digest(&ring::digest::SHA256, bytes);
    base64::engine::general_purpose::STANDARD.encode(d.as_ref())
}

fn hex(bytes: &[u8]) -> String {
    bytes.iter().map(|b| format!("{b:02x}")).collect()
}

/// A stored package: its digest and size as the service reports them.
pub struct Stored {
    pub code_sha256: String,
    pub code_size: i64,
}

/// Checks `zip` and unpacks it under the workspace's packages folder (if
/// it is not there yet).
pub fn store_package(workspace: &Path, zip: &[u8]) -> Result<Stored, String> {
    super::zip::check(zip).map_err(|e| format!("Could not unzip uploaded file: {e}"))?;
    let digest = ring::digest::digest(&ring::digest::SHA256, zip);
    let dir = package_dir(workspace, &hex(digest.as_ref()));
    if !dir.is_dir() {
        let parent = dir.parent().unwrap_or(Path::new("."));
        if let Some(state) = parent.parent() {
            crate::jwt::create_private_dir(state)
                .map_err(|e| format!("cannot make {}: {e}", state.display()))?;
        }
        std::fs::create_dir_all(parent)
            .map_err(|e| format!("cannot make {}: {e}", parent.display()))?;
        // Unpacked beside its place, then renamed: a reader never sees half
        // a package.
        let tmp = tempfile::Builder::new()
            .prefix(".unpacking-")
            .tempdir_in(parent)
            .map_err(|e| format!("cannot make a folder in {}: {e}", parent.display()))?;
        let root = tmp.path().join("code");
        super::zip::unpack(zip, &root)
            .map_err(|e| format!("Could not unzip uploaded file: {e}"))?;
        if let Err(e) = std::fs::rename(&root, &dir)
            && !dir.is_dir()
        {
            return Err(format!(
                "cannot place the package at {}: {e}",
                dir.display()
            ));
        }
    }
    Ok(Stored {
        code_sha256: sha256_b64(zip),
        code_size: zip.len() as i64,
    })
}

/// The folder a package with this base64 `CodeSha256` unpacked to.
pub fn package_dir(workspace: &Path, hex_digest: &str) -> PathBuf {
    packages_dir(workspace).join(hex_digest)
}

/// The hex form of a base64 `CodeSha256`, or `None` if it is not one.
pub fn digest_hex(code_sha256: &str) -> Option<String> {
    use base64::Engine as _;
    let bytes = base64::engine::general_purpose::STANDARD
        .decode(code_sha256)
        .ok()?;
    (bytes.len() == 32).then(|| hex(&bytes))
}

/// The folder a `--code-directory` value names, as given (relative to the
/// current folder) and as stored (relative to the workspace's folder when
/// it is inside it, else absolute).
pub fn code_directory(workspace: &Path, given: &str) -> Result<(PathBuf, String), String> {
    let path = Path::new(given);
    let absolute = std::fs::canonicalize(path).map_err(|e| {
        format!("--code-directory {given}: {e}; give the folder that holds the function's code")
    })?;
    if !absolute.is_dir() {
        return Err(format!(
            "--code-directory {given}: it is not a folder; give the folder that holds the function's code"
        ));
    }
    let base = std::fs::canonicalize(workspace_dir(workspace)).unwrap_or_default();
    let stored = match absolute.strip_prefix(&base) {
        Ok(rel) if rel.as_os_str().is_empty() => ".".to_string(),
        Ok(rel) => rel.display().to_string(),
        Err(_) => absolute.display().to_string(),
    };
    Ok((absolute, stored))
}

/// The most bytes of a folder read for its digest.
const MAX_DIGESTED: u64 = 256 * 1024 * 1024;

/// A folder's `CodeSha256` and `CodeSize`: the SHA-256 of its files' paths
/// and contents in name order (skipping what the watch skips), and their
/// total size.
pub fn directory_digest(dir: &Path) -> Stored {
    let mut ctx = ring::digest::Context::new(&ring::digest::SHA256);
    let mut total = 0u64;
    let mut stack = vec![dir.to_path_buf()];
    let mut files = Vec::new();
    while let Some(d) = stack.pop() {
        let Ok(entries) = std::fs::read_dir(&d) else {
            continue;
        };
        for e in entries.flatten() {
            let Ok(meta) = e.metadata() else { continue };
            if meta.is_dir() {
                if !super::host::UNWATCHED.iter().any(|u| e.file_name() == *u) {
                    stack.push(e.path());
                }
            } else if meta.is_file() {
                files.push(e.path());
            }
        }
    }
    files.sort();
    for f in files {
        let rel = f.strip_prefix(dir).unwrap_or(&f);
        ctx.update(rel.to_string_lossy().as_bytes());
        ctx.update(&[0]);
        if total < MAX_DIGESTED
            && let Ok(bytes) = std::fs::read(&f)
        {
            total += bytes.len() as u64;
            ctx.update(&bytes);
        }
    }
    use base64::Engine as _;
    Stored {
        code_sha256: base64::engine::general_purpose::STANDARD.encode(ctx.finish().as_ref()),
        code_size: total as i64,
    }
}

/// The folder a function runs from, for the workspace at `workspace`.
pub fn task_root(workspace: &Path, f: &crate::model::Function) -> Result<(PathBuf, bool), String> {
    match &f.code_directory {
        Some(d) => {
            let p = Path::new(d);
            let full = if p.is_absolute() {
                p.to_path_buf()
            } else {
                workspace_dir(workspace).join(p)
            };
            Ok((full, true))
        }
        None => {
            let hex = digest_hex(&f.code_sha256).ok_or_else(|| {
                format!("function {}: CodeSha256 is not a SHA-256", f.function_name)
            })?;
            let dir = package_dir(workspace, &hex);
            if dir.is_dir() {
                Ok((dir, false))
            } else {
                Err(format!(
                    "function {}: its package ({}) is not on this machine (packages are kept in {}, which is not committed); \
                     run apigw lambda update-function-code --function-name {} --zip-file fileb://… again",
                    f.function_name,
                    f.code_sha256,
                    packages_dir(workspace).display(),
                    f.function_name
                ))
            }
        }
    }
}
