//! Command-line operations besides serving.

use crate::domain::{NewPassword, Role, Username};
use crate::server::{Db, audit, password};
use crate::staff::store;
use anyhow::{Result, bail};

/// Creates a site-wide administrator. Refuses an existing username rather than changing it.
pub async fn create_admin(db: &Db, username: &str, display_name: &str, raw_password: &str) -> Result<i64> {
    let username = Username::parse(username).map_err(|m| anyhow::anyhow!("username: {}", m.text(Default::default())))?;
    let pw = NewPassword::parse(raw_password).map_err(|m| anyhow::anyhow!("password: {}", m.text(Default::default())))?;
    if store::find_id(db, username.as_str()).await?.is_some() {
        bail!("用户 {} 已存在 / user already exists", username.as_str());
    }
    let display = if display_name.trim().is_empty() { username.as_str() } else { display_name.trim() };
    let hash = password::hash(pw.expose().to_owned()).await?;
    let id = store::create_staff(db, username.as_str(), display, &hash).await?;
    store::grant(db, id, Role::Admin, None).await?;
    audit::record(db, None, "create_admin", username.as_str()).await?;
    Ok(id)
}

/// The file behind a `sqlite:` address.
fn sqlite_path(url: &str) -> Result<std::path::PathBuf> {
    let rest = url.trim_start_matches("sqlite://").trim_start_matches("sqlite:");
    let path = rest.split_once('?').map(|p| p.0).unwrap_or(rest);
    if path.is_empty() || path == ":memory:" {
        bail!("backup and restore need a database file, not {url:?}");
    }
    Ok(std::path::PathBuf::from(path))
}

/// Checks a SQLite file without changing it (no WAL switch, no migrations).
async fn sqlite_integrity(path: &std::path::Path) -> Result<()> {
    use sqlx::Connection;
    sqlx::any::install_default_drivers();
    let mut conn = sqlx::AnyConnection::connect(&format!("sqlite://{}?mode=ro", path.display())).await?;
    let (verdict,): (String,) = sqlx::query_as("PRAGMA integrity_check").fetch_one(&mut conn).await?;
    conn.close().await?;
    if verdict != "ok" {
        bail!("{} failed its integrity check: {verdict}", path.display());
    }
    Ok(())
}

fn run(cmd: &mut std::process::Command) -> Result<()> {
    let program = cmd.get_program().to_string_lossy().into_owned();
    let status = cmd.status().map_err(|e| anyhow::anyhow!("cannot run {program}: {e} (install postgresql-client)"))?;
    if !status.success() {
        bail!("{program} failed: {status}");
    }
    Ok(())
}

/// An online backup of the database, attachments included (they are stored in it), into `out`,
/// which must not exist yet. SQLite: `VACUUM INTO`, a consistent copy taken while the portal keeps
/// serving, then checked. PostgreSQL: `pg_dump` in its custom format.
pub async fn backup(url: &str, out: &std::path::Path) -> Result<()> {
    if out.exists() {
        bail!("{} already exists; choose a new file", out.display());
    }
    // Recorded first, so that the backup holds its own entry.
    audit_outside(url, "backup", &out.display().to_string()).await?;
    let db = Db::connect(url, 1).await?;
    match db.backend {
        crate::server::db::Backend::Sqlite => {
            let target = out.to_str().ok_or_else(|| anyhow::anyhow!("the backup path must be UTF-8"))?;
            sqlx::query("VACUUM INTO $1").bind(target).execute(&db.pool).await?;
            db.pool.close().await;
            sqlite_integrity(out).await?;
        }
        crate::server::db::Backend::Postgres => {
            db.pool.close().await;
            run(std::process::Command::new("pg_dump").arg("--format=custom").arg("--no-owner").arg("--file").arg(out).arg("--dbname").arg(url))?;
        }
    }
    Ok(())
}

/// Restores a backup into the database at `url`, which must be empty unless `force`. SQLite: the
/// checked file replaces the database file (stop the portal first). PostgreSQL: `pg_restore`.
/// Migrations newer than the backup are applied afterwards.
pub async fn restore(url: &str, from: &std::path::Path, force: bool) -> Result<()> {
    if !from.is_file() {
        bail!("{} is not a file", from.display());
    }
    let db = Db::connect(url, 1).await?;
    let backend = db.backend;
    let tables: (i64,) = match backend {
        crate::server::db::Backend::Sqlite => sqlx::query_as("SELECT COUNT(*) FROM sqlite_master WHERE type = 'table'"),
        crate::server::db::Backend::Postgres => sqlx::query_as("SELECT COUNT(*) FROM information_schema.tables WHERE table_schema = 'public'"),
    }
    .fetch_one(&db.pool)
    .await?;
    db.pool.close().await;
    if tables.0 > 0 && !force {
        bail!("the target database is not empty; restore over it with --force");
    }
    match backend {
        crate::server::db::Backend::Sqlite => {
            sqlite_integrity(from).await?;
            let path = sqlite_path(url)?;
            let tmp = path.with_extension("restoring");
            std::fs::copy(from, &tmp)?;
            std::fs::File::open(&tmp)?.sync_all()?;
            for suffix in ["-wal", "-shm"] {
                let side = std::path::PathBuf::from(format!("{}{suffix}", path.display()));
                if side.exists() {
                    std::fs::remove_file(side)?;
                }
            }
            std::fs::rename(&tmp, &path)?;
        }
        crate::server::db::Backend::Postgres => {
            run(std::process::Command::new("pg_restore").args(["--no-owner", "--clean", "--if-exists", "--exit-on-error"]).arg("--dbname").arg(url).arg(from))?;
        }
    }
    let db = Db::connect_and_migrate(url, 1).await?;
    db.pool.close().await;
    audit_outside(url, "restore", &from.display().to_string()).await
}

/// Records an operation run from the command line in the audit log.
async fn audit_outside(url: &str, action: &str, detail: &str) -> Result<()> {
    let db = Db::connect(url, 1).await?;
    audit::record(&db, None, action, detail).await?;
    db.pool.close().await;
    Ok(())
}
