//! The AWS CLI's configuration file, read as the CLI reads it for the two
//! settings apigw uses: a profile's `region` and `output`. The profile is
//! `--profile`, else `AWS_PROFILE` (or `AWS_DEFAULT_PROFILE`), else
//! `default`; the file is `AWS_CONFIG_FILE`, else `~/.aws/config`, with
//! `[default]` and `[profile NAME]` sections. Nothing else is read (never
//! the credentials file).

use std::io::Read;
use std::path::PathBuf;

/// The most of the file that is read: a config file is a few kilobytes.
const MAX_BYTES: u64 = 1 << 20;

/// What a profile gave, and where it came from.
#[derive(Debug, Default)]
pub struct Profile {
    pub name: String,
    pub file: Option<PathBuf>,
    /// Whether the profile was named (`--profile`, `AWS_PROFILE`) rather
    /// than `default` by default.
    pub named: bool,
    /// Whether the file has the profile's section.
    pub found: bool,
    pub region: Option<String>,
    pub output: Option<String>,
}

/// The configuration file's path: `AWS_CONFIG_FILE`, else `~/.aws/config`.
pub fn config_path() -> Option<PathBuf> {
    match std::env::var_os("AWS_CONFIG_FILE").filter(|v| !v.is_empty()) {
        Some(p) => Some(PathBuf::from(p)),
        None => directories::BaseDirs::new().map(|d| d.home_dir().join(".aws").join("config")),
    }
}

/// Reads the profile named by `flag` (or the environment, or `default`).
/// A missing or unreadable file gives a profile with no settings; `note`
/// says why a named profile gave nothing.
pub fn load(flag: Option<&str>) -> (Profile, Option<String>) {
    let env = |k: &str| std::env::var(k).ok().filter(|v| !v.is_empty());
    let named = flag
        .map(str::to_string)
        .or_else(|| env("AWS_PROFILE"))
        .or_else(|| env("AWS_DEFAULT_PROFILE"));
    let mut profile = Profile {
        named: named.is_some(),
        name: named.unwrap_or_else(|| "default".to_string()),
        file: config_path(),
        ..Profile::default()
    };
    let Some(path) = profile.file.clone() else {
        return (profile, None);
    };
    let text = match read_bounded(&path) {
        Ok(Some(t)) => t,
        Ok(None) => String::new(),
        Err(why) => {
            let note = format!(
                "apigw: the AWS config file {} is not read ({why}); profile {} gives no region or output",
                path.display(),
                profile.name
            );
            return (profile, Some(note));
        }
    };
    if let Some(settings) = section(&text, &profile.name) {
        profile.found = true;
        profile.region = settings.get("region").cloned();
        profile.output = settings.get("output").cloned();
    }
    let note = (profile.named && !profile.found).then(|| {
        format!(
            "apigw: the config profile ({}) is not in {}; its region and output are not used",
            profile.name,
            path.display()
        )
    });
    (profile, note)
}

/// The file's text, `None` when it does not exist; refuses anything but a
/// regular file (a FIFO would block) and reads at most [`MAX_BYTES`].
fn read_bounded(path: &std::path::Path) -> Result<Option<String>, String> {
    let meta = match std::fs::metadata(path) {
        Ok(m) => m,
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => return Ok(None),
        Err(e) => return Err(e.to_string()),
    };
    if !meta.is_file() {
        return Err("it is not a regular file".into());
    }
    let file = std::fs::File::open(path).map_err(|e| e.to_string())?;
    let mut bytes = Vec::new();
    file.take(MAX_BYTES + 1)
        .read_to_end(&mut bytes)
        .map_err(|e| e.to_string())?;
    if bytes.len() as u64 > MAX_BYTES {
        return Err(format!("it is larger than {MAX_BYTES} bytes"));
    }
    String::from_utf8(bytes)
        .map(Some)
        .map_err(|_| "it is not UTF-8".into())
}

/// The top-level settings of profile `name` in an AWS config file: the
/// section `[default]` for `default`, `[profile NAME]` for the others (the
/// CLI ignores `[NAME]` alone in this file). Indented lines are a nested
/// setting's (`s3 =` followed by its own keys) and are skipped; `#` and `;`
/// start comments.
fn section(text: &str, name: &str) -> Option<std::collections::HashMap<String, String>> {
    let mut found = None;
    let mut inside = false;
    for line in text.lines() {
        if line.starts_with([' ', '\t']) {
            continue;
        }
        let line = line.trim();
        if line.is_empty() || line.starts_with(['#', ';']) {
            continue;
        }
        if let Some(header) = line.strip_prefix('[').and_then(|l| l.strip_suffix(']')) {
            let header = header.trim();
            let this = if header == "default" {
                Some("default")
            } else {
                header
                    .strip_prefix("profile")
                    .filter(|rest| rest.starts_with([' ', '\t']))
                    .map(str::trim)
            };
            inside = this == Some(name);
            if inside {
                found.get_or_insert_with(std::collections::HashMap::new);
            }
            continue;
        }
        if inside && let Some((k, v)) = line.split_once('=') {
            let map = found.get_or_insert_with(std::collections::HashMap::new);
            map.insert(k.trim().to_string(), v.trim().to_string());
        }
    }
    found
}

#[cfg(test)]
mod tests {
    use super::section;

    const FILE: &str = "# mine\n[default]\nregion = eu-west-1\noutput=text\n\n\
        [profile ci]\nregion = ap-south-1\ns3 =\n  region = nope\n; done\n\
        [ci]\nregion = us-west-1\n[profile  spaced ]\noutput = table\n";

    #[test]
    fn sections_as_the_cli_reads_them() {
        let d = section(FILE, "default").unwrap();
        assert_eq!(d["region"], "eu-west-1");
        assert_eq!(d["output"], "text");
        let ci = section(FILE, "ci").unwrap();
        assert_eq!(ci["region"], "ap-south-1", "indented keys are nested ones");
        assert!(!ci.contains_key("output"));
        assert_eq!(section(FILE, "spaced").unwrap()["output"], "table");
        assert!(section(FILE, "missing").is_none());
    }
}
