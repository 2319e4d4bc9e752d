//! SQL for surveys. A whole answer sheet is one JSON row; the UNIQUE constraints on the browser
//! token and on the invitation make "once" hold under concurrent posts.

use super::{SurveySummary, SurveyView};
use crate::domain::survey::{Phase, Question, QuestionKind, ResponseMode, ResultsWhen, Sheet, Spec, SurveySettings};
use crate::server::Db;
use crate::server::db::now;
use time::Date;

#[derive(sqlx::FromRow)]
struct SurveyRow {
    id: i64,
    title: String,
    intro: String,
    audience: String,
    opens_on: String,
    closes_on: String,
    mode: String,
    results: String,
    invite_only: i64,
    public_text: i64,
    state: String,
}

const SURVEY_COLUMNS: &str = "id, title, intro, audience, opens_on, closes_on, mode, results, invite_only, public_text, state";

impl SurveyRow {
    fn phase(&self, today: Date) -> Phase {
        Phase::of(&self.state, &self.opens_on, &self.closes_on, today)
    }

    fn results_when(&self) -> ResultsWhen {
        ResultsWhen::parse(&self.results).unwrap_or(ResultsWhen::AfterClose)
    }
}

/// The public may see the results: published, and closed or set to show them at once.
pub fn results_public(phase: Phase, when: ResultsWhen) -> bool {
    match phase {
        Phase::Draft | Phase::NotYetOpen => false,
        Phase::Open => when == ResultsWhen::Immediately,
        Phase::Closed => true,
    }
}

pub async fn create(db: &Db, s: &SurveySettings, staff_id: i64, questions: &[Question]) -> Result<i64, sqlx::Error> {
    let mut tx = db.begin().await?;
    let (id,): (i64,) = sqlx::query_as(
        "INSERT INTO surveys (title, intro, audience, opens_on, closes_on, mode, results, invite_only, public_text, state, \
         created_by, created_at, updated_at) VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, 'draft', $10, $11, $11) RETURNING id",
    )
    .bind(&s.title)
    .bind(&s.intro)
    .bind(&s.audience)
    .bind(s.opens_on.to_string())
    .bind(s.closes_on.to_string())
    .bind(s.mode.as_str())
    .bind(s.results.as_str())
    .bind(i64::from(s.invite_only))
    .bind(i64::from(s.public_text))
    .bind(staff_id)
    .bind(now())
    .fetch_one(&mut *tx)
    .await?;
    for (i, q) in questions.iter().enumerate() {
        insert_question(&mut tx, id, i as i64 + 1, q).await?;
    }
    tx.commit().await?;
    Ok(id)
}

async fn insert_question(tx: &mut sqlx::Transaction<'_, sqlx::Any>, survey: i64, position: i64, q: &Question) -> Result<(), sqlx::Error> {
    let spec = serde_json::to_string(&q.spec).map_err(|e| sqlx::Error::Encode(Box::new(e)))?;
    sqlx::query("INSERT INTO survey_questions (survey_id, position, section, kind, title, required, spec) VALUES ($1, $2, $3, $4, $5, $6, $7)")
        .bind(survey)
        .bind(position)
        .bind(&q.section)
        .bind(q.kind.as_str())
        .bind(&q.title)
        .bind(i64::from(q.required))
        .bind(spec)
        .execute(&mut **tx)
        .await?;
    Ok(())
}

pub async fn update_settings(db: &Db, id: i64, s: &SurveySettings) -> Result<bool, sqlx::Error> {
    let done = sqlx::query(
        "UPDATE surveys SET title = $1, intro = $2, audience = $3, opens_on = $4, closes_on = $5, mode = $6, results = $7, \
         invite_only = $8, public_text = $9, updated_at = $10 WHERE id = $11",
    )
    .bind(&s.title)
    .bind(&s.intro)
    .bind(&s.audience)
    .bind(s.opens_on.to_string())
    .bind(s.closes_on.to_string())
    .bind(s.mode.as_str())
    .bind(s.results.as_str())
    .bind(i64::from(s.invite_only))
    .bind(i64::from(s.public_text))
    .bind(now())
    .bind(id)
    .execute(&db.pool)
    .await?;
    Ok(done.rows_affected() == 1)
}

/// Publishes, closes or reopens; `from` lists the states the change may start from.
pub async fn set_state(db: &Db, id: i64, to: &str, from: &[&str]) -> Result<bool, sqlx::Error> {
    let mut ok = false;
    for f in from {
        let done = sqlx::query("UPDATE surveys SET state = $1, updated_at = $2 WHERE id = $3 AND state = $4")
            .bind(to)
            .bind(now())
            .bind(id)
            .bind(*f)
            .execute(&db.pool)
            .await?;
        ok |= done.rows_affected() == 1;
    }
    Ok(ok)
}

pub async fn list(db: &Db, public_only: bool, today: Date) -> Result<Vec<SurveySummary>, sqlx::Error> {
    let filter = if public_only { "WHERE s.state <> 'draft'" } else { "" };
    let rows: Vec<(i64, String, String, String, String, String, String, i64)> = sqlx::query_as(&format!(
        "SELECT s.id, s.title, s.audience, s.opens_on, s.closes_on, s.state, s.results, \
         (SELECT COUNT(*) FROM survey_responses r WHERE r.survey_id = s.id) \
         FROM surveys s {filter} ORDER BY s.opens_on DESC, s.id DESC LIMIT 500"
    ))
    .fetch_all(&db.pool)
    .await?;
    Ok(rows
        .into_iter()
        .map(|(id, title, audience, opens_on, closes_on, state, results, responses)| {
            let phase = Phase::of(&state, &opens_on, &closes_on, today);
            let when = ResultsWhen::parse(&results).unwrap_or(ResultsWhen::AfterClose);
            SurveySummary { id, title, audience, opens_on, closes_on, phase, responses, results_public: results_public(phase, when) }
        })
        .collect())
}

pub async fn questions(db: &Db, survey: i64) -> Result<Vec<Question>, sqlx::Error> {
    let rows: Vec<(i64, String, String, String, i64, String)> = sqlx::query_as(
        "SELECT id, section, kind, title, required, spec FROM survey_questions WHERE survey_id = $1 ORDER BY position, id",
    )
    .bind(survey)
    .fetch_all(&db.pool)
    .await?;
    Ok(rows
        .into_iter()
        .filter_map(|(id, section, kind, title, required, spec)| {
            Some(Question {
                id,
                section,
                kind: QuestionKind::parse(&kind)?,
                title,
                required: required != 0,
                spec: serde_json::from_str::<Spec>(&spec).ok()?,
            })
        })
        .collect())
}

pub async fn load(db: &Db, id: i64, today: Date) -> Result<Option<SurveyView>, sqlx::Error> {
    let row: Option<SurveyRow> = sqlx::query_as(&format!("SELECT {SURVEY_COLUMNS} FROM surveys WHERE id = $1"))
        .bind(id)
        .fetch_optional(&db.pool)
        .await?;
    let Some(r) = row else { return Ok(None) };
    let questions = questions(db, id).await?;
    Ok(Some(SurveyView {
        phase: r.phase(today),
        results: r.results_when(),
        mode: ResponseMode::parse(&r.mode).unwrap_or(ResponseMode::Once),
        id: r.id,
        title: r.title,
        intro: r.intro,
        audience: r.audience,
        opens_on: r.opens_on,
        closes_on: r.closes_on,
        invite_only: r.invite_only != 0,
        public_text: r.public_text != 0,
        questions,
    }))
}

pub async fn response_count(db: &Db, survey: i64) -> Result<i64, sqlx::Error> {
    let (n,): (i64,) = sqlx::query_as("SELECT COUNT(*) FROM survey_responses WHERE survey_id = $1").bind(survey).fetch_one(&db.pool).await?;
    Ok(n)
}

/// Adds a question at the end; `false` when answers exist (questions are locked).
pub async fn add_question(db: &Db, survey: i64, q: &Question) -> Result<bool, sqlx::Error> {
    let mut tx = db.begin().await?;
    // Touching the survey row first serialises this with a concurrent first answer on PostgreSQL
    // (the answer's insert checks the same row); SQLite runs one writer at a time anyway.
    sqlx::query("UPDATE surveys SET updated_at = $1 WHERE id = $2").bind(now()).bind(survey).execute(&mut *tx).await?;
    let (answers, count, last): (i64, i64, Option<i64>) = sqlx::query_as(
        "SELECT (SELECT COUNT(*) FROM survey_responses WHERE survey_id = $1), COUNT(*), MAX(position) FROM survey_questions WHERE survey_id = $1",
    )
    .bind(survey)
    .fetch_one(&mut *tx)
    .await?;
    if answers > 0 || count as usize >= crate::domain::survey::MAX_QUESTIONS {
        return Ok(false);
    }
    insert_question(&mut tx, survey, last.unwrap_or(0) + 1, q).await?;
    tx.commit().await?;
    Ok(true)
}

/// Moves a question one place up or down, or deletes it; `false` when locked or not found.
pub async fn change_question(db: &Db, survey: i64, question: i64, change: &str) -> Result<bool, sqlx::Error> {
    let mut tx = db.begin().await?;
    sqlx::query("UPDATE surveys SET updated_at = $1 WHERE id = $2").bind(now()).bind(survey).execute(&mut *tx).await?;
    let (answers,): (i64,) =
        sqlx::query_as("SELECT COUNT(*) FROM survey_responses WHERE survey_id = $1").bind(survey).fetch_one(&mut *tx).await?;
    let ids: Vec<(i64,)> = sqlx::query_as("SELECT id FROM survey_questions WHERE survey_id = $1 ORDER BY position, id")
        .bind(survey)
        .fetch_all(&mut *tx)
        .await?;
    let mut ids: Vec<i64> = ids.into_iter().map(|r| r.0).collect();
    let Some(at) = ids.iter().position(|i| *i == question) else { return Ok(false) };
    if answers > 0 {
        return Ok(false);
    }
    match change {
        "up" if at > 0 => ids.swap(at, at - 1),
        "down" if at + 1 < ids.len() => ids.swap(at, at + 1),
        "delete" => {
            sqlx::query("DELETE FROM survey_questions WHERE id = $1").bind(question).execute(&mut *tx).await?;
            ids.remove(at);
        }
        "up" | "down" => return Ok(true),
        _ => return Ok(false),
    }
    for (i, id) in ids.iter().enumerate() {
        sqlx::query("UPDATE survey_questions SET position = $1 WHERE id = $2").bind(i as i64 + 1).bind(*id).execute(&mut *tx).await?;
    }
    tx.commit().await?;
    Ok(true)
}

/// Every answer sheet: (response id, submitted at, sheet), oldest first.
pub async fn sheets(db: &Db, survey: i64) -> Result<Vec<(i64, i64, Sheet)>, sqlx::Error> {
    let rows: Vec<(i64, i64, String)> =
        sqlx::query_as("SELECT id, created_at, answers FROM survey_responses WHERE survey_id = $1 ORDER BY id")
            .bind(survey)
            .fetch_all(&db.pool)
            .await?;
    Ok(rows.into_iter().filter_map(|(id, at, json)| Some((id, at, serde_json::from_str::<Sheet>(&json).ok()?))).collect())
}

pub async fn has_answered(db: &Db, survey: i64, browser: &str) -> Result<bool, sqlx::Error> {
    let row: Option<(i64,)> = sqlx::query_as("SELECT id FROM survey_responses WHERE survey_id = $1 AND browser = $2")
        .bind(survey)
        .bind(browser)
        .fetch_optional(&db.pool)
        .await?;
    Ok(row.is_some())
}

/// What became of a posted answer sheet.
#[derive(Debug, PartialEq, Eq)]
pub enum Stored {
    Stored,
    AlreadyAnswered,
    BadInvite,
    NotOpen,
}

/// Stores an answer sheet, using up the invitation code if one is given; the survey must still
/// be open (checked in the same transaction).
pub async fn insert_response(
    db: &Db,
    survey: i64,
    today: Date,
    browser: Option<&str>,
    invite: Option<&str>,
    sheet: &Sheet,
) -> Result<Stored, sqlx::Error> {
    let json = serde_json::to_string(sheet).map_err(|e| sqlx::Error::Encode(Box::new(e)))?;
    let mut tx = db.begin().await?;
    let row: Option<(String, String, String)> =
        sqlx::query_as("SELECT state, opens_on, closes_on FROM surveys WHERE id = $1").bind(survey).fetch_optional(&mut *tx).await?;
    match row {
        Some((state, o, c)) if Phase::of(&state, &o, &c, today) == Phase::Open => {}
        _ => return Ok(Stored::NotOpen),
    }
    let invite_id = match invite {
        None => None,
        Some(code) => {
            let used: Option<(i64,)> = sqlx::query_as(
                "UPDATE survey_invites SET used_at = $1 WHERE survey_id = $2 AND code = $3 AND used_at IS NULL RETURNING id",
            )
            .bind(now())
            .bind(survey)
            .bind(code)
            .fetch_optional(&mut *tx)
            .await?;
            match used {
                Some((id,)) => Some(id),
                None => return Ok(Stored::BadInvite),
            }
        }
    };
    let inserted = sqlx::query("INSERT INTO survey_responses (survey_id, browser, invite_id, answers, created_at) VALUES ($1, $2, $3, $4, $5)")
        .bind(survey)
        .bind(browser)
        .bind(invite_id)
        .bind(json)
        .bind(now())
        .execute(&mut *tx)
        .await;
    match inserted {
        Ok(_) => {}
        Err(sqlx::Error::Database(d)) if d.is_unique_violation() => return Ok(Stored::AlreadyAnswered),
        Err(e) => return Err(e),
    }
    tx.commit().await?;
    Ok(Stored::Stored)
}

/// Adds invitation codes; codes that collide with existing ones are skipped.
pub async fn add_invites(db: &Db, survey: i64, codes: &[String]) -> Result<(), sqlx::Error> {
    let mut tx = db.begin().await?;
    for code in codes {
        sqlx::query("INSERT INTO survey_invites (survey_id, code) VALUES ($1, $2) ON CONFLICT (survey_id, code) DO NOTHING")
            .bind(survey)
            .bind(code)
            .execute(&mut *tx)
            .await?;
    }
    tx.commit().await?;
    Ok(())
}

/// (code, used) for every invitation of the survey.
pub async fn invites(db: &Db, survey: i64) -> Result<Vec<(String, bool)>, sqlx::Error> {
    let rows: Vec<(String, Option<i64>)> = sqlx::query_as("SELECT code, used_at FROM survey_invites WHERE survey_id = $1 ORDER BY id")
        .bind(survey)
        .fetch_all(&db.pool)
        .await?;
    Ok(rows.into_iter().map(|(c, u)| (c, u.is_some())).collect())
}

/// A secret the site made for itself, created on first use; every app server reads the same.
pub async fn secret(db: &Db, name: &str) -> Result<String, sqlx::Error> {
    if let Some((v,)) = sqlx::query_as::<_, (String,)>("SELECT value FROM site_secrets WHERE name = $1").bind(name).fetch_optional(&db.pool).await? {
        return Ok(v);
    }
    let fresh = crate::server::drafts::new_token() + &crate::server::drafts::new_token();
    sqlx::query("INSERT INTO site_secrets (name, value) VALUES ($1, $2) ON CONFLICT (name) DO NOTHING")
        .bind(name)
        .bind(fresh)
        .execute(&db.pool)
        .await?;
    let (v,): (String,) = sqlx::query_as("SELECT value FROM site_secrets WHERE name = $1").bind(name).fetch_one(&db.pool).await?;
    Ok(v)
}
