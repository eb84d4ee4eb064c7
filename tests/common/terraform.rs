//! Terraform for the endpoint tests: the `terraform` on PATH, the
//! hashicorp/aws provider from a filesystem mirror found on the machine
//! (never downloaded), and a throw-away working folder with its own CLI
//! config, data dir and plugin cache, so nothing reads the user's setup.
#![allow(dead_code)]

use super::aws::{Endpoint, Ran, run_bounded};
use std::path::{Path, PathBuf};
use std::process::Command;
use std::time::Duration;

/// The provider's path inside a mirror.
const PROVIDER: &str = "registry.terraform.io/hashicorp/aws";

pub struct Terraform {
    pub bin: PathBuf,
    /// The mirror's root (the folder holding `registry.terraform.io`).
    pub mirror: PathBuf,
    pub dir: tempfile::TempDir,
}

impl Terraform {
    /// Terraform and the mirror, or the reason to skip.
    pub fn find() -> Result<Terraform, String> {
        let bin = std::env::var_os("PATH")
            .and_then(|paths| {
                std::env::split_paths(&paths)
                    .map(|p| p.join("terraform"))
                    .find(|p| p.is_file())
            })
            .ok_or("no terraform on PATH")?;
        let mirror = find_mirror().ok_or_else(|| {
            format!("no filesystem mirror with {PROVIDER} (looked with find / -maxdepth 6)")
        })?;
        let dir = tempfile::tempdir().map_err(|e| e.to_string())?;
        for sub in ["data", "plugin-cache", "work"] {
            std::fs::create_dir_all(dir.path().join(sub)).map_err(|e| e.to_string())?;
        }
        let config = format!(
            "plugin_cache_dir = \"{cache}\"\n\
             provider_installation {{\n  \
               filesystem_mirror {{\n    path    = \"{mirror}\"\n    include = [\"registry.terraform.io/*/*\"]\n  }}\n  \
               direct {{\n    exclude = [\"registry.terraform.io/*/*\"]\n  }}\n\
             }}\n",
            cache = dir.path().join("plugin-cache").display(),
            mirror = mirror.display(),
        );
        std::fs::write(dir.path().join("terraform.rc"), config).map_err(|e| e.to_string())?;
        Ok(Terraform { bin, mirror, dir })
    }

    /// The working folder the configuration is copied into.
    pub fn work(&self) -> PathBuf {
        self.dir.path().join("work")
    }

    /// Copies every `.tf` file of `from` into the working folder.
    pub fn copy_config(&self, from: &Path) {
        for entry in std::fs::read_dir(from).expect("configuration folder") {
            let path = entry.expect("entry").path();
            if path.extension().is_some_and(|e| e == "tf") {
                std::fs::copy(&path, self.work().join(path.file_name().unwrap()))
                    .expect("copy the configuration");
            }
        }
    }

    /// `terraform ARGS…` in the working folder, with the endpoint's client
    /// environment, the CLI config written by `find`, and no prompts.
    pub fn run(&self, ep: &Endpoint, args: &[&str]) -> Ran {
        let mut cmd = Command::new(&self.bin);
        ep.env(&mut cmd)
            .current_dir(self.work())
            .env("TF_CLI_CONFIG_FILE", self.dir.path().join("terraform.rc"))
            .env("TF_DATA_DIR", self.dir.path().join("data"))
            .env("TF_PLUGIN_CACHE_DIR", self.dir.path().join("plugin-cache"))
            .env("TF_IN_AUTOMATION", "1")
            .env("TF_INPUT", "0")
            .env("CHECKPOINT_DISABLE", "1")
            .env_remove("TF_LOG")
            .env_remove("TF_CLI_ARGS")
            .args(args);
        run_bounded(&mut cmd, Duration::from_secs(600))
    }
}

/// The folder holding `registry.terraform.io/hashicorp/aws`: the usual
/// places first, then `find / -maxdepth 6` as the machine image says.
fn find_mirror() -> Option<PathBuf> {
    let mut candidates: Vec<PathBuf> = Vec::new();
    if let Some(home) = std::env::var_os("HOME") {
        let home = PathBuf::from(home);
        candidates.push(home.join(".terraform.d/plugins"));
        candidates.push(home.join(".local/share/terraform/plugins"));
    }
    for p in [
        "/usr/local/share/terraform/plugins",
        "/usr/share/terraform/plugins",
    ] {
        candidates.push(PathBuf::from(p));
    }
    if let Some(found) = candidates.into_iter().find(|c| c.join(PROVIDER).is_dir()) {
        return Some(found);
    }
    let mut find = Command::new("find");
    find.args(["/", "-maxdepth", "6", "-type", "d", "-path"])
        .arg(format!("*{PROVIDER}"));
    let ran = run_bounded(&mut find, Duration::from_secs(120));
    ran.stdout.lines().find_map(|line| {
        let dir = Path::new(line.trim());
        // registry.terraform.io/hashicorp/aws → three levels up is the root.
        dir.parent()?.parent()?.parent().map(Path::to_path_buf)
    })
}
