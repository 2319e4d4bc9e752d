//! SQL for the assessment: the yearly report's figures and written parts, the publishing-frequency
//! rules and scores, the self-audit's facts and history, and the six dimensions' figures.

use super::{Figures, ReportTexts, parse_review};
use crate::domain::application::ApplicantType;
use crate::domain::assessment::{
    AuditResult, ColumnClass, ColumnFacts, FrequencyRule, HISTORY_DAYS, OpenLetter, Period, RuleResult, SiteFacts, UnitScore, rank, score_tenths,
};
use crate::domain::catalog::Topic;
use crate::domain::report::ReportCase;
use crate::domain::UnitKind;
use crate::server::db::now;
use time::Date;
use crate::server::Db;
use crate::server::sql::{Arg, Sql, bind_args};

fn date(s: &str) -> Option<time::Date> {
    time::Date::parse(s, &time::format_description::well_known::Iso8601::DATE).ok()
}

/// Information requests filed up to the end of `year` and not answered before its start, of one
/// unit or all, with the latest answer's code.
pub async fn report_cases(db: &Db, year: i32, unit: Option<i64>) -> Result<Vec<ReportCase>, sqlx::Error> {
    let mut sql = Sql::default();
    let end = sql.text(format!("{year}-12-31"));
    let start = sql.text(format!("{year}-01-01"));
    let unit_filter = match unit {
        Some(u) => format!("AND c.unit_id = {}", sql.arg(Arg::I(u))),
        None => String::new(),
    };
    let text = format!(
        "SELECT c.applicant_type, c.filed_on, c.closed_on, \
         (SELECT e.code FROM case_events e WHERE e.case_id = c.id AND e.kind = 'answer' ORDER BY e.id DESC LIMIT 1) \
         FROM cases c WHERE c.kind = 'info' AND c.filed_on <= {end} AND (c.closed_on IS NULL OR c.closed_on >= {start}) {unit_filter}"
    );
    let rows: Vec<(String, String, Option<String>, Option<String>)> = bind_args!(sqlx::query_as(&text), &sql.args).fetch_all(&db.pool).await?;
    Ok(rows
        .into_iter()
        .filter_map(|(applicant, filed_on, closed_on, outcome)| {
            Some(ReportCase {
                applicant: ApplicantType::parse(&applicant)?,
                filed_on: date(&filed_on)?,
                closed_on: closed_on.as_deref().and_then(date),
                outcome,
            })
        })
        .collect())
}

/// (first published in the year, revised in the year) catalog entries, of one unit or all.
pub async fn published(db: &Db, year: i32, unit: Option<i64>) -> Result<(i64, i64), sqlx::Error> {
    let mut sql = Sql::default();
    let like = sql.text(format!("{year}-%"));
    let unit_filter = match unit {
        Some(u) => format!("AND unit_id = {}", sql.arg(Arg::I(u))),
        None => String::new(),
    };
    let text = format!(
        "SELECT COALESCE(SUM(CASE WHEN published_on LIKE {like} THEN 1 ELSE 0 END), 0), \
         COALESCE(SUM(CASE WHEN updated_on LIKE {like} AND updated_on <> published_on THEN 1 ELSE 0 END), 0) \
         FROM catalog_entries WHERE state <> 'unpublished' {unit_filter}"
    );
    let row: (i64, i64) = bind_args!(sqlx::query_as(&text), &sql.args).fetch_one(&db.pool).await?;
    Ok(row)
}

/// The minimum publishing frequencies, by column and unit kind.
pub async fn rules(db: &Db) -> Result<Vec<FrequencyRule>, sqlx::Error> {
    let rows: Vec<(String, String, String, i64, i64)> =
        sqlx::query_as("SELECT topic, unit_kind, period, minimum, weight FROM assessment_rules").fetch_all(&db.pool).await?;
    let mut rules: Vec<FrequencyRule> = rows
        .into_iter()
        .filter_map(|(t, k, p, minimum, weight)| {
            Some(FrequencyRule {
                topic: Topic::parse(&t)?,
                kind: UnitKind::parse(&k)?,
                period: Period::parse(&p)?,
                minimum: u32::try_from(minimum).ok()?,
                weight: u32::try_from(weight).ok()?,
            })
        })
        .collect();
    let order = |t: Topic| Topic::ALL.iter().position(|x| *x == t);
    rules.sort_by_key(|r| (order(r.topic), r.kind));
    Ok(rules)
}

pub async fn set_rule(db: &Db, r: &FrequencyRule, staff: i64) -> Result<(), sqlx::Error> {
    sqlx::query(
        "INSERT INTO assessment_rules (topic, unit_kind, period, minimum, weight, updated_at, updated_by) \
         VALUES ($1, $2, $3, $4, $5, $6, $7) ON CONFLICT (topic, unit_kind) DO UPDATE SET period = excluded.period, \
         minimum = excluded.minimum, weight = excluded.weight, updated_at = excluded.updated_at, updated_by = excluded.updated_by",
    )
    .bind(r.topic.as_str())
    .bind(r.kind.as_str())
    .bind(r.period.as_str())
    .bind(i64::from(r.minimum))
    .bind(i64::from(r.weight))
    .bind(now())
    .bind(staff)
    .execute(&db.pool)
    .await?;
    Ok(())
}

pub async fn remove_rule(db: &Db, topic: Topic, kind: UnitKind) -> Result<bool, sqlx::Error> {
    let done = sqlx::query("DELETE FROM assessment_rules WHERE topic = $1 AND unit_kind = $2")
        .bind(topic.as_str())
        .bind(kind.as_str())
        .execute(&db.pool)
        .await?;
    Ok(done.rows_affected() > 0)
}

/// Every column with its class (notice/policy unless set otherwise), in topic order.
pub async fn column_classes(db: &Db) -> Result<Vec<(Topic, ColumnClass)>, sqlx::Error> {
    let rows: Vec<(String, String)> = sqlx::query_as("SELECT topic, class FROM assessment_columns").fetch_all(&db.pool).await?;
    Ok(Topic::ALL
        .iter()
        .map(|t| {
            let class = rows.iter().find(|r| r.0 == t.as_str()).and_then(|r| ColumnClass::parse(&r.1)).unwrap_or(ColumnClass::Notice);
            (*t, class)
        })
        .collect())
}

pub async fn set_column_class(db: &Db, topic: Topic, class: ColumnClass, staff: i64) -> Result<(), sqlx::Error> {
    sqlx::query(
        "INSERT INTO assessment_columns (topic, class, updated_at, updated_by) VALUES ($1, $2, $3, $4) \
         ON CONFLICT (topic) DO UPDATE SET class = excluded.class, updated_at = excluded.updated_at, updated_by = excluded.updated_by",
    )
    .bind(topic.as_str())
    .bind(class.as_str())
    .bind(now())
    .bind(staff)
    .execute(&db.pool)
    .await?;
    Ok(())
}

/// Entries each unit first published in each column between two days (inclusive), counted once
/// per distinct window the rules need.
async fn published_counts(db: &Db, from: Date, until: Date) -> Result<Vec<(i64, String, i64)>, sqlx::Error> {
    sqlx::query_as(
        "SELECT unit_id, topic, COUNT(*) FROM catalog_entries WHERE state = 'published' \
         AND published_on >= $1 AND published_on <= $2 GROUP BY unit_id, topic",
    )
    .bind(from.to_string())
    .bind(until.to_string())
    .fetch_all(&db.pool)
    .await
}

/// Every unit scored on the periods that contain `day`, ranked; publications are counted up to
/// `day` (a running period is scored so far).
pub async fn scores(db: &Db, day: Date) -> Result<Vec<UnitScore>, sqlx::Error> {
    let rules = rules(db).await?;
    let units: Vec<(i64, String, String)> = sqlx::query_as("SELECT id, name, kind FROM units ORDER BY sort_order, id").fetch_all(&db.pool).await?;
    let mut counts: Vec<(Period, Vec<(i64, String, i64)>)> = Vec::new();
    for period in Period::ALL {
        if rules.iter().any(|r| r.period == *period) {
            let (from, _) = period.window(day);
            counts.push((*period, published_counts(db, from, day).await?));
        }
    }
    let mut scored: Vec<UnitScore> = units
        .into_iter()
        .filter_map(|(id, name, kind)| {
            let kind = UnitKind::parse(&kind)?;
            let results: Vec<RuleResult> = rules
                .iter()
                .filter(|r| r.kind == kind)
                .map(|r| {
                    let (from, until) = r.period.window(day);
                    let published = counts
                        .iter()
                        .find(|c| c.0 == r.period)
                        .and_then(|c| c.1.iter().find(|(u, t, _)| *u == id && t == r.topic.as_str()))
                        .map_or(0, |c| c.2);
                    RuleResult {
                        topic: r.topic,
                        period: r.period,
                        from: from.to_string(),
                        until: until.to_string(),
                        minimum: r.minimum,
                        published: u32::try_from(published).unwrap_or(u32::MAX),
                        weight: r.weight,
                    }
                })
                .collect();
            Some(UnitScore { unit_id: id, unit_name: name, kind, score: score_tenths(&results), rank: None, results })
        })
        .collect();
    rank(&mut scored);
    Ok(scored)
}

/// What the self-audit checks, read from the catalog and the letters as of `today`.
pub async fn site_facts(db: &Db, today: Date) -> Result<SiteFacts, sqlx::Error> {
    let day = today.to_string();
    let (catalog,): (Option<String>,) =
        sqlx::query_as("SELECT MAX(published_on) FROM catalog_entries WHERE state = 'published' AND published_on <= $1")
            .bind(&day)
            .fetch_one(&db.pool)
            .await?;
    let (letters,): (Option<String>,) = sqlx::query_as(
        "SELECT MAX(answered_on) FROM letters WHERE public_ok = 1 AND status IN ('answered', 'closed') AND answered_on <= $1",
    )
    .bind(&day)
    .fetch_one(&db.pool)
    .await?;
    let home_updated = [catalog.as_deref().and_then(date), letters.as_deref().and_then(date)].into_iter().flatten().max();
    let rules = rules(db).await?;
    let mut columns = Vec::new();
    for (topic, class) in column_classes(db).await? {
        // The column's latest publication and its publisher: one index lookup per column.
        let last: Option<(String, String)> = sqlx::query_as(
            "SELECT e.published_on, u.name FROM catalog_entries e JOIN units u ON u.id = e.unit_id \
             WHERE e.topic = $1 AND e.state = 'published' AND e.published_on <= $2 ORDER BY e.published_on DESC, e.id DESC LIMIT 1",
        )
        .bind(topic.as_str())
        .bind(&day)
        .fetch_optional(&db.pool)
        .await?;
        let responsible = match &last {
            Some((_, unit)) => unit.clone(),
            None => {
                let kinds: Vec<&str> = rules.iter().filter(|r| r.topic == topic).map(|r| crate::units::pages::kind_msg(r.kind).text(crate::domain::Locale::Hans)).collect();
                kinds.join("、")
            }
        };
        columns.push(ColumnFacts { topic, class, last_published: last.as_ref().and_then(|l| date(&l.0)), responsible });
    }
    // Valid letters (not rejected or merged) still unanswered, filed before the 3-month line.
    // Three months are at least 89 days: the domain rule then checks each letter exactly.
    let cutoff = today - time::Duration::days(88);
    let rows: Vec<(i64, String, String, Option<String>)> = sqlx::query_as(
        "SELECT l.id, l.tracking, l.filed_on, u.name FROM letters l \
         LEFT JOIN letter_routes r ON r.letter_id = l.id LEFT JOIN units u ON u.id = r.unit_id \
         WHERE l.answered_on IS NULL AND l.status NOT IN ('rejected', 'merged') AND l.filed_on < $1 \
         ORDER BY l.filed_on, l.id, u.sort_order",
    )
    .bind(cutoff.to_string())
    .fetch_all(&db.pool)
    .await?;
    let mut open_letters: Vec<OpenLetter> = Vec::new();
    let mut last_id = None;
    for (id, tracking, filed_on, unit) in rows {
        let Some(filed_on) = date(&filed_on) else { continue };
        if last_id != Some(id) {
            open_letters.push(OpenLetter { tracking, filed_on, units: String::new() });
            last_id = Some(id);
        }
        if let (Some(l), Some(unit)) = (open_letters.last_mut(), unit) {
            if !l.units.split('、').any(|u| u == unit) {
                if !l.units.is_empty() {
                    l.units.push('、');
                }
                l.units.push_str(&unit);
            }
        }
    }
    Ok(SiteFacts { home_updated, columns, open_letters })
}

/// Keeps the day's latest self-audit.
pub async fn record_audit(db: &Db, a: &AuditResult) -> Result<(), sqlx::Error> {
    let json = serde_json::to_string(a).unwrap_or_default();
    sqlx::query(
        "INSERT INTO self_audits (day, vetoes, findings, result, checked_at) VALUES ($1, $2, $3, $4, $5) \
         ON CONFLICT (day) DO UPDATE SET vetoes = excluded.vetoes, findings = excluded.findings, \
         result = excluded.result, checked_at = excluded.checked_at",
    )
    .bind(&a.day)
    .bind(a.vetoes.len() as i64)
    .bind(a.findings.len() as i64)
    .bind(json)
    .bind(now())
    .execute(&db.pool)
    .await?;
    Ok(())
}

/// Whether the day's self-audit has run.
pub async fn audited(db: &Db, day: Date) -> Result<bool, sqlx::Error> {
    let row: Option<(String,)> = sqlx::query_as("SELECT day FROM self_audits WHERE day = $1").bind(day.to_string()).fetch_optional(&db.pool).await?;
    Ok(row.is_some())
}

/// (day, vetoes, findings) of the days from `from` to `until`, oldest first.
pub async fn audit_history(db: &Db, from: Date, until: Date) -> Result<Vec<(String, i64, i64)>, sqlx::Error> {
    sqlx::query_as("SELECT day, vetoes, findings FROM self_audits WHERE day >= $1 AND day <= $2 ORDER BY day")
        .bind(from.to_string())
        .bind(until.to_string())
        .fetch_all(&db.pool)
        .await
}

/// One count from a query with day bounds `$1`..`$2`.
async fn count(db: &Db, sql: &str, from: &str, until: &str) -> Result<i64, sqlx::Error> {
    let (n,): (i64,) = sqlx::query_as(sql).bind(from).bind(until).fetch_one(&db.pool).await?;
    Ok(n)
}

/// The figures behind the six dimensions, for the year up to `today`.
pub async fn dimension_figures(db: &Db, today: Date) -> Result<Figures, sqlx::Error> {
    let (from, until) = (format!("{}-01-01", today.year()), today.to_string());
    let (units,): (i64,) = sqlx::query_as("SELECT COUNT(*) FROM units").fetch_one(&db.pool).await?;
    let (staffed,): (i64,) = sqlx::query_as(
        "SELECT COUNT(*) FROM units u WHERE \
         EXISTS (SELECT 1 FROM staff_roles r JOIN staff s ON s.id = r.staff_id WHERE r.unit_id = u.id AND r.role = 'officer' AND s.disabled = 0) AND \
         EXISTS (SELECT 1 FROM staff_roles r JOIN staff s ON s.id = r.staff_id WHERE r.unit_id = u.id AND r.role = 'reviewer' AND s.disabled = 0)",
    )
    .fetch_one(&db.pool)
    .await?;
    let (guides,): (i64,) = sqlx::query_as("SELECT COUNT(*) FROM unit_guides").fetch_one(&db.pool).await?;
    let published = count(db, "SELECT COUNT(*) FROM catalog_entries WHERE state = 'published' AND published_on >= $1 AND published_on <= $2", &from, &until).await?;
    let cases_closed = count(db, "SELECT COUNT(*) FROM cases WHERE closed_on >= $1 AND closed_on <= $2", &from, &until).await?;
    let cases_on_time =
        count(db, "SELECT COUNT(*) FROM cases WHERE closed_on >= $1 AND closed_on <= $2 AND due_on IS NOT NULL AND closed_on <= due_on", &from, &until).await?;
    let letters_answered = count(db, "SELECT COUNT(*) FROM letters WHERE answered_on >= $1 AND answered_on <= $2", &from, &until).await?;
    let letters_on_time =
        count(db, "SELECT COUNT(*) FROM letters WHERE answered_on >= $1 AND answered_on <= $2 AND answered_on <= due_on", &from, &until).await?;
    let ratings = count(db, "SELECT COUNT(*) FROM ratings WHERE rated_on >= $1 AND rated_on <= $2", &from, &until).await?;
    let ratings_good = count(
        db,
        "SELECT COUNT(*) FROM ratings WHERE rated_on >= $1 AND rated_on <= $2 AND final_level IN ('very_satisfied', 'satisfied')",
        &from,
        &until,
    )
    .await?;
    let since = (today - time::Duration::days(HISTORY_DAYS - 1)).to_string();
    let audited_days = count(db, "SELECT COUNT(*) FROM self_audits WHERE day >= $1 AND day <= $2", &since, &until).await?;
    let clean_days = count(db, "SELECT COUNT(*) FROM self_audits WHERE day >= $1 AND day <= $2 AND vetoes = 0", &since, &until).await?;
    Ok(Figures {
        units,
        staffed,
        guides,
        published,
        cases_closed,
        cases_on_time,
        letters_answered,
        letters_on_time,
        ratings,
        ratings_good,
        audited_days,
        clean_days,
    })
}

/// The year's written parts of a report (`unit` 0: the county's).
pub async fn report_texts(db: &Db, year: i32, unit: i64) -> Result<ReportTexts, sqlx::Error> {
    let row: Option<(String, String, String, String)> =
        sqlx::query_as("SELECT overview, problems, other, review FROM annual_report_texts WHERE year = $1 AND unit_id = $2")
            .bind(i64::from(year))
            .bind(unit)
            .fetch_optional(&db.pool)
            .await?;
    Ok(row.map(|(overview, problems, other, review)| ReportTexts { overview, problems, other, review: parse_review(&review) }).unwrap_or_default())
}

pub async fn set_report_texts(db: &Db, year: i32, unit: i64, t: &ReportTexts, staff: i64) -> Result<(), sqlx::Error> {
    let review: Vec<String> = t.review.iter().map(i64::to_string).collect();
    sqlx::query(
        "INSERT INTO annual_report_texts (year, unit_id, overview, problems, other, review, updated_at, updated_by) \
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8) ON CONFLICT (year, unit_id) DO UPDATE SET overview = excluded.overview, \
         problems = excluded.problems, other = excluded.other, review = excluded.review, \
         updated_at = excluded.updated_at, updated_by = excluded.updated_by",
    )
    .bind(i64::from(year))
    .bind(unit)
    .bind(&t.overview)
    .bind(&t.problems)
    .bind(&t.other)
    .bind(review.join(","))
    .bind(now())
    .bind(staff)
    .execute(&db.pool)
    .await?;
    Ok(())
}
