//! Unpacking a function's deployment package (`--zip-file fileb://fn.zip`)
//! into the folder its instances run from. Only what Lambda packages use:
//! stored and deflated entries, Unix modes (a `bootstrap` stays
//! executable), no ZIP64 and no encryption. Everything a package says is
//! checked before a byte is written: names that would leave the folder
//! (`../x`, `/etc/x`), sizes past the service's 250 MB unzipped limit, and
//! a CRC that does not match are refused, so a hostile package cannot write
//! outside its folder or fill the disk.

use std::io::Write as _;
use std::path::{Component, Path, PathBuf};

/// The most a package may unpack to, as on the service.
pub const MAX_UNZIPPED: u64 = 250 * 1024 * 1024;
/// The most entries a package may hold.
const MAX_ENTRIES: usize = 100_000;

fn u16_at(b: &[u8], at: usize) -> Option<u16> {
    Some(u16::from_le_bytes(b.get(at..at + 2)?.try_into().ok()?))
}

fn u32_at(b: &[u8], at: usize) -> Option<u32> {
    Some(u32::from_le_bytes(b.get(at..at + 4)?.try_into().ok()?))
}

/// One entry of the central directory.
#[derive(Debug)]
struct Entry {
    name: String,
    method: u16,
    crc: u32,
    compressed: u64,
    size: u64,
    offset: u64,
    mode: Option<u32>,
}

/// The CRC-32 (IEEE) of `data`, as zip records it.
fn crc32(data: &[u8]) -> u32 {
    static TABLE: std::sync::OnceLock<[u32; 256]> = std::sync::OnceLock::new();
    let table = TABLE.get_or_init(|| {
        let mut t = [0u32; 256];
        for (i, slot) in t.iter_mut().enumerate() {
            let mut c = i as u32;
            for _ in 0..8 {
                c = if c & 1 != 0 {
                    0xEDB8_8320 ^ (c >> 1)
                } else {
                    c >> 1
                };
            }
            *slot = c;
        }
        t
    });
    let mut c = !0u32;
    for &b in data {
        c = table[((c ^ u32::from(b)) & 0xff) as usize] ^ (c >> 8);
    }
    !c
}

fn entries(zip: &[u8]) -> Result<Vec<Entry>, String> {
    // The end-of-central-directory record: the last 22 bytes, or earlier
    // when a comment follows it.
    let min = zip.len().saturating_sub(22 + 65_535);
    let eocd = (min..=zip.len().saturating_sub(22))
        .rev()
        .find(|&i| u32_at(zip, i) == Some(0x0605_4b50))
        .ok_or("it is not a zip file (no end of central directory)")?;
    let count = u16_at(zip, eocd + 10).ok_or("truncated")? as usize;
    let dir_offset = u32_at(zip, eocd + 16).ok_or("truncated")? as usize;
    if count == 0xffff || dir_offset == 0xffff_ffff {
        return Err(
            "ZIP64 packages are not supported; make the package with a standard zip tool".into(),
        );
    }
    if count > MAX_ENTRIES {
        return Err(format!("it holds {count} entries, more than {MAX_ENTRIES}"));
    }
    let mut out = Vec::with_capacity(count);
    let mut at = dir_offset;
    for _ in 0..count {
        if u32_at(zip, at) != Some(0x0201_4b50) {
            return Err("its central directory is damaged".into());
        }
        let field = |o: usize| u16_at(zip, at + o).ok_or("truncated central directory");
        let flags = field(8)?;
        let method = field(10)?;
        let made_by = field(4)? >> 8;
        let name_len = field(28)? as usize;
        let extra_len = field(30)? as usize;
        let comment_len = field(32)? as usize;
        let word = |o: usize| u32_at(zip, at + o).ok_or("truncated central directory");
        let crc = word(16)?;
        let compressed = u64::from(word(20)?);
        let size = u64::from(word(24)?);
        let external = word(38)?;
        let offset = u64::from(word(42)?);
        let name = zip
            .get(at + 46..at + 46 + name_len)
            .ok_or("truncated central directory")?;
        let name = String::from_utf8_lossy(name).into_owned();
        if flags & 1 != 0 {
            return Err(format!("{name} is encrypted"));
        }
        // Modes are kept only when the entry was made on Unix (made-by 3).
        let mode = (made_by == 3).then_some(external >> 16).filter(|m| *m != 0);
        out.push(Entry {
            name,
            method,
            crc,
            compressed,
            size,
            offset,
            mode,
        });
        at += 46 + name_len + extra_len + comment_len;
    }
    Ok(out)
}

/// The path an entry unpacks to under `root`, or why it may not.
fn safe_path(root: &Path, name: &str) -> Result<PathBuf, String> {
    let relative = Path::new(name);
    let mut out = root.to_path_buf();
    for c in relative.components() {
        match c {
            Component::Normal(part) => out.push(part),
            Component::CurDir => {}
            _ => {
                return Err(format!(
                    "entry {name:?} would be written outside the function's folder"
                ));
            }
        }
    }
    if name.contains('\\') {
        return Err(format!("entry {name:?} has a backslash in its name"));
    }
    Ok(out)
}

fn data<'z>(zip: &'z [u8], e: &Entry) -> Result<&'z [u8], String> {
    let at = usize::try_from(e.offset).map_err(|_| "bad offset")?;
    if u32_at(zip, at) != Some(0x0403_4b50) {
        return Err(format!("{}: its local header is damaged", e.name));
    }
    let name_len = u16_at(zip, at + 26).ok_or("truncated")? as usize;
    let extra_len = u16_at(zip, at + 28).ok_or("truncated")? as usize;
    let start = at + 30 + name_len + extra_len;
    let len = usize::try_from(e.compressed).map_err(|_| "bad size")?;
    zip.get(start..start + len)
        .ok_or_else(|| format!("{}: its data runs past the end of the file", e.name))
}

/// Checks a package and returns its unpacked size.
pub fn check(zip: &[u8]) -> Result<u64, String> {
    let entries = entries(zip)?;
    let mut total = 0u64;
    for e in &entries {
        safe_path(Path::new("/"), &e.name)?;
        total = total.saturating_add(e.size);
        if total > MAX_UNZIPPED {
            return Err(format!(
                "it unpacks to more than {MAX_UNZIPPED} bytes, the service's limit for a package"
            ));
        }
        if e.method != 0 && e.method != 8 {
            return Err(format!(
                "{} uses compression method {}; only stored and deflated entries are supported",
                e.name, e.method
            ));
        }
        data(zip, e)?;
    }
    Ok(total)
}

/// Unpacks `zip` into `root` (which must not exist yet; it is made).
pub fn unpack(zip: &[u8], root: &Path) -> Result<(), String> {
    check(zip)?;
    std::fs::create_dir_all(root).map_err(|e| format!("cannot make {}: {e}", root.display()))?;
    for e in entries(zip)? {
        let path = safe_path(root, &e.name)?;
        if e.name.ends_with('/') {
            std::fs::create_dir_all(&path).map_err(|err| format!("{}: {err}", e.name))?;
            continue;
        }
        let raw = data(zip, &e)?;
        let bytes = match e.method {
            0 => raw.to_vec(),
            _ => miniz_oxide::inflate::decompress_to_vec_with_limit(raw, e.size as usize)
                .map_err(|err| format!("{}: cannot inflate it: {err:?}", e.name))?,
        };
        if bytes.len() as u64 != e.size || crc32(&bytes) != e.crc {
            return Err(format!(
                "{}: its contents do not match its checksum",
                e.name
            ));
        }
        if let Some(parent) = path.parent() {
            std::fs::create_dir_all(parent).map_err(|err| format!("{}: {err}", e.name))?;
        }
        let mut file = std::fs::File::create(&path).map_err(|err| format!("{}: {err}", e.name))?;
        file.write_all(&bytes)
            .map_err(|err| format!("{}: {err}", e.name))?;
        #[cfg(unix)]
        if let Some(mode) = e.mode {
            use std::os::unix::fs::PermissionsExt;
            let _ = std::fs::set_permissions(&path, std::fs::Permissions::from_mode(mode & 0o755));
        }
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    /// A package with one stored entry, written by hand.
    fn stored(name: &str, body: &[u8], mode: u32) -> Vec<u8> {
        let mut z = Vec::new();
        let crc = crc32(body);
        let n = name.len() as u16;
        let len = body.len() as u32;
        z.extend_from_slice(&0x0403_4b50u32.to_le_bytes());
        z.extend_from_slice(&[20, 0, 0, 0, 0, 0, 0, 0, 0, 0]);
        z.extend_from_slice(&crc.to_le_bytes());
        z.extend_from_slice(&len.to_le_bytes());
        z.extend_from_slice(&len.to_le_bytes());
        z.extend_from_slice(&n.to_le_bytes());
        z.extend_from_slice(&0u16.to_le_bytes());
        z.extend_from_slice(name.as_bytes());
        z.extend_from_slice(body);
        let dir = z.len() as u32;
        z.extend_from_slice(&0x0201_4b50u32.to_le_bytes());
        z.extend_from_slice(&[20, 3, 20, 0, 0, 0, 0, 0, 0, 0, 0, 0]);
        z.extend_from_slice(&crc.to_le_bytes());
        z.extend_from_slice(&len.to_le_bytes());
        z.extend_from_slice(&len.to_le_bytes());
        z.extend_from_slice(&n.to_le_bytes());
        z.extend_from_slice(&[0, 0, 0, 0, 0, 0, 0, 0]);
        z.extend_from_slice(&(mode << 16).to_le_bytes());
        z.extend_from_slice(&0u32.to_le_bytes());
        z.extend_from_slice(name.as_bytes());
        let dir_len = z.len() as u32 - dir;
        z.extend_from_slice(&0x0605_4b50u32.to_le_bytes());
        z.extend_from_slice(&[0, 0, 0, 0, 1, 0, 1, 0]);
        z.extend_from_slice(&dir_len.to_le_bytes());
        z.extend_from_slice(&dir.to_le_bytes());
        z.extend_from_slice(&0u16.to_le_bytes());
        z
    }

    #[test]
    fn crc_of_a_known_text() {
        assert_eq!(crc32(b"123456789"), 0xCBF4_3926);
    }

    #[test]
    fn unpacks_and_keeps_the_mode() {
        let dir = tempfile::tempdir().unwrap();
        let root = dir.path().join("fn");
        unpack(&stored("bootstrap", b"#!/bin/sh\n", 0o100755), &root).unwrap();
        assert_eq!(
            std::fs::read(root.join("bootstrap")).unwrap(),
            b"#!/bin/sh\n"
        );
        #[cfg(unix)]
        {
            use std::os::unix::fs::PermissionsExt;
            let mode = std::fs::metadata(root.join("bootstrap"))
                .unwrap()
                .permissions()
                .mode();
            assert_eq!(mode & 0o777, 0o755);
        }
    }

    #[test]
    fn refuses_names_that_leave_the_folder() {
        for name in ["../evil", "/etc/evil", "a/../../evil"] {
            let err = check(&stored(name, b"x", 0o100644)).unwrap_err();
            assert!(err.contains("outside"), "{name}: {err}");
        }
    }

    #[test]
    fn refuses_what_is_not_a_zip_and_a_bad_checksum() {
        assert!(check(b"hello").unwrap_err().contains("not a zip"));
        let mut z = stored("a.py", b"print(1)\n", 0o100644);
        // Flip a byte of the data: the CRC no longer matches.
        let at = 30 + 4;
        z[at] ^= 0xff;
        let dir = tempfile::tempdir().unwrap();
        let err = unpack(&z, &dir.path().join("fn")).unwrap_err();
        assert!(err.contains("checksum"), "{err}");
    }
}
