//! Unit server functions.

use super::UnitView;
use crate::error::AppError;
use leptos::prelude::*;
#[cfg(feature = "ssr")]
use crate::{domain::{Need, Role}, server::auth};

/// The full unit list with codes, for administrators.
#[server(endpoint = "units/admin_list")]
pub async fn admin_units() -> Result<Vec<UnitView>, AppError> {
    auth::require(Need::SiteRole(Role::Admin)).await?;
    let state = auth::state()?;
    Ok(super::store::list(&state.db).await?)
}
