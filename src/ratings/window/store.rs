//! SQL for counter-evaluation campaigns. One rating per visit code holds under concurrent posts
//! by the UNIQUE on `window_ratings.visit_id`.

use super::CampaignRow;
use crate::domain::rating::{Campaign, LevelCounts, Rating, RatingLevel};
use crate::server::Db;
use crate::server::db::now;
use time::Date;

/// Stores a campaign under `slug`; `None` when the slug is taken (the caller draws another).
pub async fn create(db: &Db, c: &Campaign, slug: &str, staff: i64) -> Result<Option<i64>, sqlx::Error> {
    let res: Result<(i64,), sqlx::Error> = sqlx::query_as(
        "INSERT INTO rating_campaigns (slug, title, unit_id, matter_id, place, open, created_by, created_at) \
         VALUES ($1, $2, $3, $4, $5, 1, $6, $7) RETURNING id",
    )
    .bind(slug)
    .bind(&c.title)
    .bind(c.unit)
    .bind(c.matter)
    .bind(&c.place)
    .bind(staff)
    .bind(now())
    .fetch_one(&db.pool)
    .await;
    match res {
        Ok((id,)) => Ok(Some(id)),
        Err(sqlx::Error::Database(d)) if d.is_unique_violation() => Ok(None),
        Err(e) => Err(e),
    }
}

/// The unit a matter belongs to.
pub async fn matter_unit(db: &Db, matter: i64) -> Result<Option<i64>, sqlx::Error> {
    Ok(sqlx::query_as::<_, (i64,)>("SELECT unit_id FROM matters WHERE id = $1").bind(matter).fetch_optional(&db.pool).await?.map(|r| r.0))
}

/// Every matter as (id, unit, name), for the campaign form.
pub async fn matters(db: &Db) -> Result<Vec<(i64, i64, String)>, sqlx::Error> {
    sqlx::query_as("SELECT id, unit_id, name FROM matters ORDER BY unit_id, id").fetch_all(&db.pool).await
}

#[derive(sqlx::FromRow)]
struct Row {
    id: i64,
    slug: String,
    title: String,
    unit_name: String,
    matter_name: Option<String>,
    place: String,
    open: i64,
    visits: i64,
}

const SELECT: &str = "SELECT k.id, k.slug, k.title, u.name AS unit_name, m.name AS matter_name, k.place, k.open, \
    (SELECT COUNT(*) FROM rating_visits v WHERE v.campaign_id = k.id) AS visits \
    FROM rating_campaigns k JOIN units u ON u.id = k.unit_id LEFT JOIN matters m ON m.id = k.matter_id";

enum Filter<'a> {
    All,
    Id(i64),
    Slug(&'a str),
}

async fn rows(db: &Db, filter: Filter<'_>) -> Result<Vec<CampaignRow>, sqlx::Error> {
    let found: Vec<Row> = match filter {
        Filter::All => sqlx::query_as(&format!("{SELECT} ORDER BY k.id DESC")).fetch_all(&db.pool).await?,
        Filter::Id(id) => sqlx::query_as(&format!("{SELECT} WHERE k.id = $1")).bind(id).fetch_all(&db.pool).await?,
        Filter::Slug(slug) => sqlx::query_as(&format!("{SELECT} WHERE k.slug = $1")).bind(slug.to_owned()).fetch_all(&db.pool).await?,
    };
    let counts: Vec<(i64, String, i64)> =
        sqlx::query_as("SELECT campaign_id, level, COUNT(*) FROM window_ratings GROUP BY campaign_id, level").fetch_all(&db.pool).await?;
    Ok(found
        .into_iter()
        .map(|r| {
            let mut c = LevelCounts::default();
            for (_, level, n) in counts.iter().filter(|x| x.0 == r.id) {
                if let Some(l) = RatingLevel::parse(level) {
                    c.add(l, *n);
                }
            }
            CampaignRow {
                id: r.id,
                slug: r.slug,
                title: r.title,
                unit_name: r.unit_name,
                matter_name: r.matter_name.unwrap_or_default(),
                place: r.place,
                open: r.open != 0,
                visits: r.visits,
                counts: c,
            }
        })
        .collect())
}

pub async fn list(db: &Db) -> Result<Vec<CampaignRow>, sqlx::Error> {
    rows(db, Filter::All).await
}

pub async fn get(db: &Db, id: i64) -> Result<Option<CampaignRow>, sqlx::Error> {
    Ok(rows(db, Filter::Id(id)).await?.into_iter().next())
}

pub async fn by_slug(db: &Db, slug: &str) -> Result<Option<CampaignRow>, sqlx::Error> {
    Ok(rows(db, Filter::Slug(slug)).await?.into_iter().next())
}

/// Opens or closes a campaign; `false` when it was already so.
pub async fn set_open(db: &Db, id: i64, open: bool) -> Result<bool, sqlx::Error> {
    let done = sqlx::query("UPDATE rating_campaigns SET open = $1 WHERE id = $2 AND open <> $1").bind(i64::from(open)).bind(id).execute(&db.pool).await?;
    Ok(done.rows_affected() == 1)
}

pub async fn add_visits(db: &Db, campaign: i64, codes: &[String]) -> Result<(), sqlx::Error> {
    let mut tx = db.begin().await?;
    for code in codes {
        sqlx::query("INSERT INTO rating_visits (campaign_id, code, created_at) VALUES ($1, $2, $3) ON CONFLICT (campaign_id, code) DO NOTHING")
            .bind(campaign)
            .bind(code)
            .bind(now())
            .execute(&mut *tx)
            .await?;
    }
    tx.commit().await
}

/// Visit codes not rated yet, oldest first.
pub async fn unused(db: &Db, campaign: i64, limit: i64) -> Result<Vec<String>, sqlx::Error> {
    let rows: Vec<(String,)> = sqlx::query_as(
        "SELECT v.code FROM rating_visits v WHERE v.campaign_id = $1 \
         AND NOT EXISTS (SELECT 1 FROM window_ratings w WHERE w.visit_id = v.id) ORDER BY v.id LIMIT $2",
    )
    .bind(campaign)
    .bind(limit)
    .fetch_all(&db.pool)
    .await?;
    Ok(rows.into_iter().map(|r| r.0).collect())
}

pub async fn count_unused(db: &Db, campaign: i64) -> Result<i64, sqlx::Error> {
    let (n,): (i64,) = sqlx::query_as(
        "SELECT COUNT(*) FROM rating_visits v WHERE v.campaign_id = $1 AND NOT EXISTS (SELECT 1 FROM window_ratings w WHERE w.visit_id = v.id)",
    )
    .bind(campaign)
    .fetch_one(&db.pool)
    .await?;
    Ok(n)
}

pub enum Rated {
    Saved,
    UnknownCode,
    AlreadyRated,
}

/// The citizen's rating of one visit.
pub async fn rate(db: &Db, campaign: i64, code: &str, r: &Rating, today: Date) -> Result<Rated, sqlx::Error> {
    let visit: Option<(i64,)> =
        sqlx::query_as("SELECT id FROM rating_visits WHERE campaign_id = $1 AND code = $2").bind(campaign).bind(code).fetch_optional(&db.pool).await?;
    let Some((visit,)) = visit else { return Ok(Rated::UnknownCode) };
    let res = sqlx::query(
        "INSERT INTO window_ratings (visit_id, campaign_id, unit_id, matter_id, level, efficiency, attitude, guide, convenience, comment, rated_on, created_at) \
         SELECT $1, k.id, k.unit_id, k.matter_id, $2, $3, $4, $5, $6, $7, $8, $9 FROM rating_campaigns k WHERE k.id = $10",
    )
    .bind(visit)
    .bind(r.level.as_str())
    .bind(r.scores[0])
    .bind(r.scores[1])
    .bind(r.scores[2])
    .bind(r.scores[3])
    .bind(&r.comment)
    .bind(today.to_string())
    .bind(now())
    .bind(campaign)
    .execute(&db.pool)
    .await;
    match res {
        Ok(_) => Ok(Rated::Saved),
        Err(sqlx::Error::Database(d)) if d.is_unique_violation() => Ok(Rated::AlreadyRated),
        Err(e) => Err(e),
    }
}
