//! Staff roles and the one rule that decides what a role may do where.

use serde::{Deserialize, Serialize};

/// A staff role. Roles are granted per unit, or site-wide.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
pub enum Role {
    /// 信息员: drafts catalog entries and processes the unit's cases.
    Officer,
    /// 审核员: approves or returns drafts; signs off answers.
    Reviewer,
    /// 管理员: units, accounts, calendars, site settings.
    Admin,
    /// 评估员: surveys, rating campaigns, performance assessment.
    Evaluator,
}

impl Role {
    pub const ALL: [Role; 4] = [Role::Officer, Role::Reviewer, Role::Admin, Role::Evaluator];

    /// Stable name stored in the database.
    pub fn as_str(self) -> &'static str {
        match self {
            Role::Officer => "officer",
            Role::Reviewer => "reviewer",
            Role::Admin => "admin",
            Role::Evaluator => "evaluator",
        }
    }

    pub fn parse(s: &str) -> Option<Role> {
        Role::ALL.into_iter().find(|r| r.as_str() == s)
    }
}

/// One role held by a staff member, for one unit or (`unit: None`) for the whole site.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Grant {
    pub role: Role,
    pub unit: Option<i64>,
}

/// What a staff function needs from its caller.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Need {
    /// Any signed-in staff member.
    Staff,
    /// The role anywhere: a site-wide grant or a grant for at least one unit.
    Role(Role),
    /// The role for this unit: a grant for the unit or a site-wide one.
    RoleFor(Role, i64),
    /// The role site-wide.
    SiteRole(Role),
    /// Works on citizens' cases of the unit (of some unit when `None`): its officers and
    /// reviewers, and site administrators.
    UnitWork(Option<i64>),
    /// Builds surveys and reads public feedback: evaluators, and site administrators.
    Evaluation,
}

/// All grants of one staff member.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct Grants(pub Vec<Grant>);

impl Grants {
    pub fn satisfies(&self, need: Need) -> bool {
        match need {
            Need::Staff => true,
            Need::Role(role) => self.0.iter().any(|g| g.role == role),
            Need::RoleFor(role, unit) => {
                self.0.iter().any(|g| g.role == role && (g.unit.is_none() || g.unit == Some(unit)))
            }
            Need::SiteRole(role) => self.0.iter().any(|g| g.role == role && g.unit.is_none()),
            Need::Evaluation => self.0.iter().any(|g| g.role == Role::Evaluator || (g.role == Role::Admin && g.unit.is_none())),
            Need::UnitWork(unit) => self.0.iter().any(|g| {
                (g.role == Role::Admin && g.unit.is_none())
                    || (matches!(g.role, Role::Officer | Role::Reviewer) && (unit.is_none() || g.unit.is_none() || g.unit == unit))
            }),
        }
    }

    /// Personal data of applicants is shown in full only to staff of the receiving unit.
    pub fn sees_personal_data_of(&self, unit: i64) -> bool {
        self.0.iter().any(|g| g.unit == Some(unit))
    }

    /// Units whose cases the staff member works on; `None`: every unit.
    pub fn work_units(&self) -> Option<Vec<i64>> {
        if self.0.iter().any(|g| g.unit.is_none() && matches!(g.role, Role::Admin | Role::Officer | Role::Reviewer)) {
            return None;
        }
        let mut units: Vec<i64> =
            self.0.iter().filter(|g| matches!(g.role, Role::Officer | Role::Reviewer)).filter_map(|g| g.unit).collect();
        units.sort_unstable();
        units.dedup();
        Some(units)
    }

    /// Units in which the role is held; `None` when it is held site-wide (all units).
    pub fn units_for(&self, role: Role) -> Option<Vec<i64>> {
        let mut units = Vec::new();
        for g in self.0.iter().filter(|g| g.role == role) {
            match g.unit {
                None => return None,
                Some(u) => units.push(u),
            }
        }
        Some(units)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn grants(list: &[(Role, Option<i64>)]) -> Grants {
        Grants(list.iter().map(|&(role, unit)| Grant { role, unit }).collect())
    }

    #[test]
    fn unit_grant_covers_only_its_own_unit() {
        let g = grants(&[(Role::Officer, Some(7))]);
        assert!(g.satisfies(Need::RoleFor(Role::Officer, 7)));
        assert!(!g.satisfies(Need::RoleFor(Role::Officer, 8)));
        assert!(!g.satisfies(Need::RoleFor(Role::Reviewer, 7)));
        assert!(!g.satisfies(Need::SiteRole(Role::Officer)));
        assert!(g.satisfies(Need::Role(Role::Officer)));
    }

    #[test]
    fn site_wide_grant_covers_every_unit() {
        let g = grants(&[(Role::Admin, None)]);
        assert!(g.satisfies(Need::RoleFor(Role::Admin, 1)));
        assert!(g.satisfies(Need::SiteRole(Role::Admin)));
        assert!(!g.satisfies(Need::Role(Role::Evaluator)));
        assert_eq!(g.units_for(Role::Admin), None);
    }

    #[test]
    fn evaluation_is_for_evaluators_and_site_administrators_only() {
        assert!(grants(&[(Role::Evaluator, None)]).satisfies(Need::Evaluation));
        assert!(grants(&[(Role::Admin, None)]).satisfies(Need::Evaluation));
        assert!(!grants(&[(Role::Admin, Some(3))]).satisfies(Need::Evaluation));
        assert!(!grants(&[(Role::Officer, None), (Role::Reviewer, Some(3))]).satisfies(Need::Evaluation));
    }

    #[test]
    fn no_grants_means_staff_only() {
        let g = Grants::default();
        assert!(g.satisfies(Need::Staff));
        for r in Role::ALL {
            assert!(!g.satisfies(Need::Role(r)));
        }
        assert_eq!(g.units_for(Role::Officer), Some(vec![]));
    }

    #[test]
    fn role_names_round_trip() {
        for r in Role::ALL {
            assert_eq!(Role::parse(r.as_str()), Some(r));
        }
        assert_eq!(Role::parse("root"), None);
    }
}
