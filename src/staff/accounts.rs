//! Administrators manage staff accounts and their roles.

use super::AccountView;
use crate::error::AppError;
use leptos::prelude::*;
#[cfg(feature = "ssr")]
use crate::{domain::{NewPassword, Need, Role, Username}, i18n::Msg, server::{audit, auth, password}};

/// Reads a role and its unit from a form. Officers and reviewers need a unit; administrators and
/// evaluators are site-wide.
#[cfg(feature = "ssr")]
async fn parse_grant(db: &crate::server::Db, role: &str, unit_id: &str) -> Result<(Role, Option<i64>), AppError> {
    let role = Role::parse(role).ok_or_else(|| AppError::invalid("role", Msg::FieldRequired))?;
    if !super::role_is_per_unit(role) {
        return Ok((role, None));
    }
    let unit = unit_id.trim().parse::<i64>().map_err(|_| AppError::invalid("unit_id", Msg::FieldRequired))?;
    if !super::store::unit_exists(db, unit).await? {
        return Err(AppError::invalid("unit_id", Msg::FieldRequired));
    }
    Ok((role, Some(unit)))
}

#[server(endpoint = "staff/accounts")]
pub async fn list_accounts() -> Result<Vec<AccountView>, AppError> {
    auth::require(Need::SiteRole(Role::Admin)).await?;
    Ok(super::store::list_accounts(&auth::state()?.db).await?)
}

#[server(endpoint = "staff/create_account")]
pub async fn create_account(
    username: String,
    display_name: String,
    password: String,
    role: String,
    unit_id: String,
) -> Result<(), AppError> {
    let admin = auth::require(Need::SiteRole(Role::Admin)).await?;
    let db = auth::state()?.db;
    let user = Username::parse(&username).map_err(|m| AppError::invalid("username", m))?;
    let display = display_name.trim();
    if display.is_empty() || display.chars().count() > 40 || display.chars().any(char::is_control) {
        return Err(AppError::invalid("display_name", Msg::DisplayNameInvalid));
    }
    let pw = NewPassword::parse(&password).map_err(|m| AppError::invalid("password", m))?;
    let (role, unit) = parse_grant(&db, &role, &unit_id).await?;
    if super::store::find_id(&db, user.as_str()).await?.is_some() {
        return Err(AppError::invalid("username", Msg::UsernameTaken));
    }
    let hash = password::hash(pw.expose().to_owned()).await?;
    let id = super::store::create_staff(&db, user.as_str(), display, &hash).await?;
    super::store::grant(&db, id, role, unit).await?;
    audit::record(&db, Some(admin.id), "create_account", &format!("{} {} {unit:?}", user.as_str(), role.as_str())).await?;
    Ok(())
}

#[server(endpoint = "staff/revoke_role")]
pub async fn revoke_role(staff_id: i64, role: String, unit_id: String) -> Result<(), AppError> {
    let admin = auth::require(Need::SiteRole(Role::Admin)).await?;
    let db = auth::state()?.db;
    let Some(role) = Role::parse(&role) else { return Err(AppError::NotFound) };
    let unit = unit_id.trim().parse::<i64>().ok();
    if staff_id == admin.id && role == Role::Admin {
        // Nobody locks the site out by removing their own administrator role.
        return Err(AppError::Forbidden);
    }
    if !super::store::revoke(&db, staff_id, role, unit).await? {
        return Err(AppError::NotFound);
    }
    audit::record(&db, Some(admin.id), "revoke_role", &format!("staff {staff_id} {} {unit:?}", role.as_str())).await?;
    Ok(())
}
