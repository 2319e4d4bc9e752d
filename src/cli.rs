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
