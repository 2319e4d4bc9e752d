//! Staff server functions: thin — parse, check, call the store, map errors.

use super::StaffView;
use crate::error::AppError;
use leptos::prelude::*;
#[cfg(feature = "ssr")]
use crate::{domain::Username, i18n::Msg, server::{audit, auth, password, security, throttle}};

/// Longest password we will hash; longer input is refused before any work is done.
pub const MAX_PASSWORD_LEN: usize = 1024;

#[server(endpoint = "staff/login")]
pub async fn login(username: String, password: String) -> Result<(), AppError> {
    let state = auth::state()?;
    let db = &state.db;
    let user = Username::parse(&username).map_err(|msg| AppError::invalid("username", msg))?;
    if password.is_empty() {
        return Err(AppError::invalid("password", Msg::FieldRequired));
    }
    if password.len() > MAX_PASSWORD_LEN {
        return Err(AppError::invalid("password", Msg::LoginWrong));
    }
    let parts = use_context::<axum::http::request::Parts>().ok_or_else(|| AppError::internal("request parts missing"))?;
    let ip = security::client_ip(&parts.headers, security::peer(&parts.extensions), state.config.trust_proxy);
    let user_key = format!("login:user:{}", user.as_str());
    let ip_key = format!("login:ip:{ip}");
    if throttle::is_blocked(db, &user_key, throttle::LOGIN_PER_USER).await?
        || throttle::is_blocked(db, &ip_key, throttle::LOGIN_PER_IP).await?
    {
        audit::record(db, None, "login_throttled", &format!("{} from {ip}", user.as_str())).await?;
        return Err(AppError::Throttled { msg: Msg::LoginThrottled });
    }
    let account = super::store::credentials(db, user.as_str()).await?;
    let ok = password::verify(password, account.as_ref().map(|a| a.1.clone())).await?;
    let Some((staff_id, _)) = account.filter(|_| ok) else {
        throttle::hit(db, &user_key, throttle::LOGIN_PER_USER).await?;
        throttle::hit(db, &ip_key, throttle::LOGIN_PER_IP).await?;
        audit::record(db, None, "login_failed", &format!("{} from {ip}", user.as_str())).await?;
        return Err(AppError::invalid("password", Msg::LoginWrong));
    };
    throttle::clear(db, &user_key).await?;
    auth::sign_in(&auth::session().await?, staff_id).await?;
    audit::record(db, Some(staff_id), "login", &format!("from {ip}")).await?;
    leptos_axum::redirect("/admin");
    Ok(())
}

#[server(endpoint = "staff/logout")]
pub async fn logout() -> Result<(), AppError> {
    let state = auth::state()?;
    if let Some(staff) = auth::current().await? {
        audit::record(&state.db, Some(staff.id), "logout", "").await?;
    }
    auth::sign_out(&auth::session().await?).await?;
    leptos_axum::redirect("/admin/login");
    Ok(())
}

/// The signed-in staff member, or `None`.
#[server(endpoint = "staff/me")]
pub async fn me() -> Result<Option<StaffView>, AppError> {
    let state = auth::state()?;
    let Some(staff) = auth::current().await? else { return Ok(None) };
    let mut grants = Vec::with_capacity(staff.grants.0.len());
    for g in &staff.grants.0 {
        let unit_name = match g.unit {
            Some(u) => super::store::unit_name(&state.db, u).await?,
            None => None,
        };
        grants.push(super::GrantView { role: g.role, unit_name });
    }
    grants.sort_by(|a, b| a.role.cmp(&b.role));
    Ok(Some(StaffView { username: staff.username, display_name: staff.display_name, grants }))
}
