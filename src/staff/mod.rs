//! Staff accounts, sign-in and the back-office shell.

pub mod accounts;
pub mod api;
pub mod pages;
#[cfg(feature = "ssr")]
pub mod store;

use crate::domain::Role;
use serde::{Deserialize, Serialize};

/// What the browser sees of the signed-in staff member.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct StaffView {
    pub username: String,
    pub display_name: String,
    pub grants: Vec<GrantView>,
}

impl StaffView {
    pub fn has_role(&self, role: Role) -> bool {
        self.grants.iter().any(|g| g.role == role)
    }
}

/// One role with the name of its unit (`None`: site-wide).
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct GrantView {
    pub role: Role,
    pub unit_name: Option<String>,
}

/// A staff account as administrators see it.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct AccountView {
    pub id: i64,
    pub username: String,
    pub display_name: String,
    pub disabled: bool,
    pub grants: Vec<AccountGrant>,
}

/// A grant with its unit's id (for revoking) and name (for reading).
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct AccountGrant {
    pub role: Role,
    pub unit_id: Option<i64>,
    pub unit_name: Option<String>,
}

/// Roles that are held for one unit; the others (administrator, evaluator) are site-wide.
pub fn role_is_per_unit(role: Role) -> bool {
    matches!(role, Role::Officer | Role::Reviewer)
}
