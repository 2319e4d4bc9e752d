//! SQL for staff accounts and their roles.

use crate::domain::Role;
use crate::server::Db;
use crate::server::db::now;

pub async fn create_staff(db: &Db, username: &str, display_name: &str, password_hash: &str) -> Result<i64, sqlx::Error> {
    let (id,): (i64,) = sqlx::query_as(
        "INSERT INTO staff (username, display_name, password_hash, created_at) VALUES ($1, $2, $3, $4) RETURNING id",
    )
    .bind(username)
    .bind(display_name)
    .bind(password_hash)
    .bind(now())
    .fetch_one(&db.pool)
    .await?;
    Ok(id)
}

pub async fn grant(db: &Db, staff_id: i64, role: Role, unit_id: Option<i64>) -> Result<(), sqlx::Error> {
    sqlx::query("INSERT INTO staff_roles (staff_id, role, unit_id) VALUES ($1, $2, $3)")
        .bind(staff_id)
        .bind(role.as_str())
        .bind(unit_id)
        .execute(&db.pool)
        .await?;
    Ok(())
}

/// (id, password hash) of an enabled account.
pub async fn credentials(db: &Db, username: &str) -> Result<Option<(i64, String)>, sqlx::Error> {
    sqlx::query_as("SELECT id, password_hash FROM staff WHERE username = $1 AND disabled = 0")
        .bind(username)
        .fetch_optional(&db.pool)
        .await
}

pub async fn set_password(db: &Db, staff_id: i64, password_hash: &str) -> Result<(), sqlx::Error> {
    sqlx::query("UPDATE staff SET password_hash = $1 WHERE id = $2").bind(password_hash).bind(staff_id).execute(&db.pool).await?;
    Ok(())
}

pub async fn find_id(db: &Db, username: &str) -> Result<Option<i64>, sqlx::Error> {
    Ok(sqlx::query_as::<_, (i64,)>("SELECT id FROM staff WHERE username = $1").bind(username).fetch_optional(&db.pool).await?.map(|r| r.0))
}

pub async fn unit_name(db: &Db, unit_id: i64) -> Result<Option<String>, sqlx::Error> {
    Ok(sqlx::query_as::<_, (String,)>("SELECT name FROM units WHERE id = $1").bind(unit_id).fetch_optional(&db.pool).await?.map(|r| r.0))
}

/// Every account with its grants, for the administrators' list.
pub async fn list_accounts(db: &Db) -> Result<Vec<super::AccountView>, sqlx::Error> {
    let rows: Vec<(i64, String, String, i64, Option<String>, Option<i64>, Option<String>)> = sqlx::query_as(
        "SELECT s.id, s.username, s.display_name, s.disabled, r.role, r.unit_id, u.name \
         FROM staff s LEFT JOIN staff_roles r ON r.staff_id = s.id LEFT JOIN units u ON u.id = r.unit_id \
         ORDER BY s.username, r.role, u.sort_order",
    )
    .fetch_all(&db.pool)
    .await?;
    let mut out: Vec<super::AccountView> = Vec::new();
    for (id, username, display_name, disabled, role, unit_id, unit_name) in rows {
        if out.last().is_none_or(|a| a.id != id) {
            out.push(super::AccountView { id, username, display_name, disabled: disabled != 0, grants: Vec::new() });
        }
        if let (Some(role), Some(account)) = (role.as_deref().and_then(Role::parse), out.last_mut()) {
            account.grants.push(super::AccountGrant { role, unit_id, unit_name });
        }
    }
    Ok(out)
}

pub async fn revoke(db: &Db, staff_id: i64, role: Role, unit_id: Option<i64>) -> Result<bool, sqlx::Error> {
    let done = sqlx::query("DELETE FROM staff_roles WHERE staff_id = $1 AND role = $2 AND COALESCE(unit_id, 0) = $3")
        .bind(staff_id)
        .bind(role.as_str())
        .bind(unit_id.unwrap_or(0))
        .execute(&db.pool)
        .await?;
    Ok(done.rows_affected() > 0)
}

pub async fn unit_exists(db: &Db, unit_id: i64) -> Result<bool, sqlx::Error> {
    Ok(unit_name(db, unit_id).await?.is_some())
}
