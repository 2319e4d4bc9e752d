//! A deterministic demo county. Later capabilities add their own demo data here.

mod calendar;
mod units;

use crate::domain::{Role, Uscc, UnitKind};
use crate::server::{Config, Db, db::now, password};
use anyhow::{Context, Result};

#[derive(Clone, Debug)]
pub struct DemoOptions {
    pub county: String,
    pub division_code: String,
}

impl DemoOptions {
    pub fn from_config(config: &Config) -> DemoOptions {
        DemoOptions { county: config.county.hans.clone(), division_code: config.division_code.clone() }
    }
}

/// The password of every demo account; printed by `make run`, never used outside demos.
pub const DEMO_PASSWORD: &str = "Gongkai@2026";

/// Demo accounts: (username, display name, role, unit short name or None for site-wide).
pub const DEMO_STAFF: [(&str, &str, Role, Option<&str>); 6] = [
    ("admin", "系统管理员", Role::Admin, None),
    ("evaluator", "评估员王敏", Role::Evaluator, None),
    ("officer.fgw", "发改委信息员李强", Role::Officer, Some("发展和改革委员会")),
    ("reviewer.fgw", "发改委审核员张华", Role::Reviewer, Some("发展和改革委员会")),
    ("officer.edu", "教体局信息员陈静", Role::Officer, Some("教育体育局")),
    ("reviewer.edu", "教体局审核员刘洋", Role::Reviewer, Some("教育体育局")),
];

pub fn print_logins() {
    println!("\n  演示账号 / demo staff logins (password for all: {DEMO_PASSWORD})");
    for (user, name, role, unit) in DEMO_STAFF {
        println!("    {user:<14} {name:<12} {:<10} {}", role.as_str(), unit.unwrap_or("(全站)"));
    }
    println!("  Sign in at /admin/login\n");
}

/// Seeds each part of the demo county whose table is still empty. Returns whether the units
/// (and with them the staff) were seeded.
pub async fn seed_if_empty(db: &Db, opts: &DemoOptions) -> Result<bool> {
    if crate::calendar::store::is_empty(db).await? {
        seed_calendar(db).await?;
    }
    let (count,): (i64,) = sqlx::query_as("SELECT COUNT(*) FROM units").fetch_one(&db.pool).await?;
    if count > 0 {
        return Ok(false);
    }
    seed_units(db, opts).await?;
    seed_staff(db).await?;
    Ok(true)
}

async fn seed_calendar(db: &Db) -> Result<()> {
    for (day, kind, note) in calendar::DAYS {
        let date = time::Date::parse(day, &time::format_description::well_known::Iso8601::DATE)
            .with_context(|| format!("demo calendar date {day}"))?;
        crate::calendar::store::set_day(db, date, *kind, note, None).await?;
    }
    Ok(())
}

/// The demo unit list in insertion order: (kind, full name, short name, parent short name).
pub fn unit_list(county: &str) -> Vec<(UnitKind, String, &'static str, Option<&'static str>)> {
    let mut list = Vec::with_capacity(110);
    for (short, parent) in units::DEPARTMENTS {
        list.push((UnitKind::Department, format!("{county}{short}"), short, parent));
    }
    for short in units::TOWNSHIPS {
        list.push((UnitKind::Township, format!("{county}{short}"), short, None));
    }
    for short in units::ENTERPRISES {
        list.push((UnitKind::Enterprise, format!("{county}{short}"), short, None));
    }
    list
}

/// A deterministic, valid unified social credit code for the n-th demo unit.
pub fn demo_code(kind: UnitKind, division: &str, n: usize) -> Result<Uscc> {
    let authority = match kind {
        UnitKind::Department => "11",
        UnitKind::Township => "11",
        UnitKind::Enterprise => "91",
    };
    // A fixed odd multiplier spreads the organisation numbers like real ones.
    let org = format!("{:08}", (n as u64 * 7_919_773 + 40_000_000) % 100_000_000);
    Uscc::compose(authority, division, &org).map_err(|e| anyhow::anyhow!("demo code {n}: {e}"))
}

async fn seed_units(db: &Db, opts: &DemoOptions) -> Result<()> {
    let mut tx = db.pool.begin().await?;
    let mut ids: std::collections::HashMap<&str, i64> = std::collections::HashMap::new();
    for (n, (kind, name, short, parent)) in unit_list(&opts.county).into_iter().enumerate() {
        let parent_id = parent.and_then(|p| ids.get(p).copied());
        let code = demo_code(kind, &opts.division_code, n)?;
        let (id,): (i64,) = sqlx::query_as(
            "INSERT INTO units (parent_id, kind, name, short_name, code, sort_order, created_at) \
             VALUES ($1, $2, $3, $4, $5, $6, $7) RETURNING id",
        )
        .bind(parent_id)
        .bind(kind.as_str())
        .bind(&name)
        .bind(short)
        .bind(code.as_str())
        .bind(n as i64)
        .bind(now())
        .fetch_one(&mut *tx)
        .await
        .with_context(|| format!("inserting demo unit {name}"))?;
        ids.insert(short, id);
    }
    tx.commit().await?;
    Ok(())
}

async fn seed_staff(db: &Db) -> Result<()> {
    let hash = password::hash(DEMO_PASSWORD.to_owned()).await?;
    for (username, display, role, unit) in DEMO_STAFF {
        let unit_id: Option<i64> = match unit {
            Some(short) => Some(
                sqlx::query_as::<_, (i64,)>("SELECT id FROM units WHERE short_name = $1")
                    .bind(short)
                    .fetch_one(&db.pool)
                    .await
                    .with_context(|| format!("demo unit {short}"))?
                    .0,
            ),
            None => None,
        };
        let id = crate::staff::store::create_staff(db, username, display, &hash).await?;
        crate::staff::store::grant(db, id, role, unit_id).await?;
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::collections::HashSet;

    #[test]
    fn demo_county_has_the_seed_001_unit_counts() {
        let list = unit_list("青山县");
        assert_eq!(list.len(), 110);
        let count = |k| list.iter().filter(|u| u.0 == k).count();
        assert_eq!((count(UnitKind::Department), count(UnitKind::Township), count(UnitKind::Enterprise)), (72, 19, 19));
        let names: HashSet<_> = list.iter().map(|u| u.1.clone()).collect();
        assert_eq!(names.len(), 110, "unit names are unique");
        for (_, _, _, parent) in &list {
            if let Some(p) = parent {
                assert!(list.iter().any(|u| u.2 == *p), "parent {p} exists");
            }
        }
    }

    #[test]
    fn demo_calendar_marks_weekdays_off_and_weekends_on() {
        use crate::domain::DayKind;
        use time::Weekday::{Saturday, Sunday};
        for (day, kind, _) in calendar::DAYS {
            let d = time::Date::parse(day, &time::format_description::well_known::Iso8601::DATE).unwrap();
            let weekend = matches!(d.weekday(), Saturday | Sunday);
            // A make-up working day only makes sense on a weekend.
            if *kind == DayKind::MakeUpWorkday {
                assert!(weekend, "{day} is a make-up day on a weekday");
            }
        }
    }

    #[test]
    fn demo_codes_are_valid_and_unique() {
        let codes: HashSet<String> = unit_list("青山县")
            .iter()
            .enumerate()
            .map(|(n, u)| demo_code(u.0, "341899", n).unwrap().as_str().to_owned())
            .collect();
        assert_eq!(codes.len(), 110);
        for c in &codes {
            assert!(Uscc::parse(c).is_ok());
        }
    }
}
