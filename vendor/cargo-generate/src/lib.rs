//! What cargo-leptos uses of cargo-generate (only its `new` command, which copies a project
//! template from GitHub), without the rest: the real crate brings OpenSSL, libgit2 and libssh2,
//! compiled from C, which took about half of cargo-leptos's build on a fresh 2-core machine.
//! `cargo leptos new` therefore reports that it is not available; nothing else changes.

use std::path::PathBuf;

/// Where a template comes from (the fields cargo-leptos sets).
#[derive(Clone, Debug, Default)]
pub struct TemplatePath {
    pub git: Option<String>,
    pub branch: Option<String>,
    pub tag: Option<String>,
    pub path: Option<String>,
}

/// The arguments of `cargo generate` (the fields cargo-leptos sets).
#[derive(Clone, Debug, Default)]
pub struct GenerateArgs {
    pub template_path: TemplatePath,
    pub name: Option<String>,
    pub force: bool,
    pub verbose: bool,
    pub init: bool,
}

/// Always fails: templates are not part of this build.
pub fn generate(_args: GenerateArgs) -> anyhow::Result<PathBuf> {
    anyhow::bail!("`cargo leptos new` is not available in this build of cargo-leptos (built by Gongkai's scripts/tools.sh without cargo-generate)")
}
