//! Staff accounts, sign-in and the back-office shell.

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
