//! Bulk cases for benchmarks: millions of cases with known tracking numbers and query codes,
//! written in large batches (the portal's own filing path is far too slow for that).

use crate::cases::store::hash_code;
use crate::domain::{QueryCode, TrackingNumber};
use crate::server::{Db, db::now};
use anyhow::Result;
use std::io::Write;

/// Rows per statement: sqlx binds SQLite parameters by name, and SQLite finds each name by a
/// scan of the statement's names, so a statement's cost grows with the square of its values
/// (500 rows of 6 values spent a third of the time there).
const BATCH: u64 = 100;
/// Rows per transaction: each commit waits for the disk.
const PER_COMMIT: u64 = 10_000;

const MASK45: u64 = (1 << 45) - 1;
const MASK50: u64 = (1 << 50) - 1;

/// The n-th bench case's tracking number and query code: odd multipliers are bijections on
/// 2^45 and 2^50, so every n gets its own.
pub fn bench_pair(n: u64) -> (TrackingNumber, QueryCode) {
    let t = (n.wrapping_mul(0x9E37_79B9_7F4B) .wrapping_add(0x1234_5678_9)) & MASK45;
    let c = (n.wrapping_mul(0xC2B2_AE3D_27D5) .wrapping_add(0xABCD_EF01_23)) & MASK50;
    let t_digits: [u8; 9] = std::array::from_fn(|i| ((t >> (5 * (8 - i))) & 31) as u8);
    let c_digits: [u8; 10] = std::array::from_fn(|i| ((c >> (5 * (9 - i))) & 31) as u8);
    (TrackingNumber::from_random(t_digits), QueryCode::from_random(c_digits))
}

/// Adds `count` cases (spread over the units that have matters, a quarter still open) and
/// writes `sample` (tracking, code) pairs to `sample_out`, one pair per line.
pub async fn seed_cases(db: &Db, count: u64, sample: u64, sample_out: &mut impl Write) -> Result<()> {
    let units: Vec<(i64,)> = sqlx::query_as("SELECT DISTINCT unit_id FROM matters ORDER BY unit_id").fetch_all(&db.pool).await?;
    anyhow::ensure!(!units.is_empty(), "seed the demo county first");
    let (first_id,): (i64,) = sqlx::query_as("SELECT COALESCE(MAX(id), 0) FROM cases").fetch_one(&db.pool).await?;
    let every = (count / sample.max(1)).max(1);
    let started = std::time::Instant::now();
    let mut n = 0u64;
    let mut tx = db.begin().await?;
    while n < count {
        let end = (n + BATCH).min(count);
        let mut sql = String::from(
            "INSERT INTO cases (kind, tracking, code_hash, submit_key, unit_id, status, applicant_type, applicant_name, \
             id_type, id_number, phone, subject, delivery, filed_on, due_on, closed_on, created_at, updated_at) VALUES ",
        );
        let mut rows = Vec::new();
        for (k, i) in (n..end).enumerate() {
            let p = k * 6;
            if k > 0 {
                sql.push(',');
            }
            let open = i % 4 == 0;
            sql.push_str(&format!(
                "('info', ${}, ${}, ${}, ${}, '{}', 'person', '王建国', 'idcard', '110105194912310021', '13900000000', \
                 '政府信息公开申请', 'online', ${}, ${}, {}, {}, {})",
                p + 1, p + 2, p + 3, p + 4, if open { "received" } else { "answered" }, p + 5, p + 6,
                if open { "NULL".to_owned() } else { "'2026-10-30'".to_owned() }, now(), now()
            ));
            let (t, c) = bench_pair(i);
            if i % every == 0 {
                writeln!(sample_out, "{} {}", t.as_str(), c.expose())?;
            }
            let day = 1 + (i % 28);
            rows.push((t, c, units[(i % units.len() as u64) as usize].0, format!("2026-10-{day:02}")));
        }
        let mut q = sqlx::query(&sql);
        for (k, (t, c, unit, filed)) in rows.iter().enumerate() {
            q = q
                .bind(t.as_str().to_owned())
                .bind(hash_code(c))
                .bind(format!("bench-{}", n + k as u64))
                .bind(*unit)
                .bind(filed.clone())
                .bind("2026-11-27".to_owned());
        }
        q.execute(&mut *tx).await?;
        n = end;
        if n % PER_COMMIT == 0 {
            tx.commit().await?;
            tx = db.begin().await?;
        }
        if n % 100_000 == 0 {
            eprintln!("  {n} cases ({:.0} s)", started.elapsed().as_secs_f64());
        }
    }
    tx.commit().await?;
    sqlx::query("INSERT INTO case_events (case_id, kind, on_date, at) SELECT id, 'received', filed_on, created_at FROM cases WHERE id > $1")
        .bind(first_id)
        .execute(&db.pool)
        .await?;
    Ok(())
}

/// Tracking numbers of bench letters start here, past any bench case.
const LETTER_PAIRS: u64 = 1 << 40;

/// Adds `count` letters to the mayor's mailbox, answered by the units in turn and mostly closed
/// with the writer's verdict; three in five agreed to publication.
pub async fn seed_letters(db: &Db, count: u64) -> Result<()> {
    const TOPICS: [&str; 8] = ["路灯不亮", "噪音扰民", "道路积水", "学校招生", "医保报销", "垃圾清运", "公交线路", "物业纠纷"];
    const PLACES: [&str; 6] = ["青山路", "人民大街", "城南社区", "新华小区", "河西镇", "工业园区"];
    let units: Vec<(i64,)> = sqlx::query_as("SELECT id FROM units ORDER BY id").fetch_all(&db.pool).await?;
    anyhow::ensure!(!units.is_empty(), "seed the demo county first");
    let (first_id,): (i64,) = sqlx::query_as("SELECT COALESCE(MAX(id), 0) FROM letters").fetch_one(&db.pool).await?;
    let mut n = 0u64;
    let mut tx = db.begin().await?;
    while n < count {
        let end = (n + BATCH).min(count);
        let mut sql = String::from(
            "INSERT INTO letters (tracking, code_hash, submit_key, letter_type, addressee_id, subject, content, writer_name, phone, \
             public_ok, public_subject, public_content, status, satisfaction, filed_on, due_on, answered_on, closed_on, created_at, updated_at) VALUES ",
        );
        let mut rows = Vec::new();
        for (k, i) in (n..end).enumerate() {
            let p = k * 7;
            if k > 0 {
                sql.push(',');
            }
            let kind = ["consult", "complaint", "suggestion", "help", "report"][(i % 5) as usize];
            let satisfaction = ["'satisfied'", "'satisfied'", "'basic'", "'unsatisfied'", "NULL"][(i % 5) as usize];
            sql.push_str(&format!(
                "(${}, ${}, ${}, '{kind}', NULL, ${}, ${}, '张秀兰', '13700000000', {}, ${}, ${}, 'closed', {satisfaction}, ${}, ${}, ${}, ${}, {}, {})",
                p + 1, p + 2, p + 3, p + 4, p + 5, i64::from(i % 5 < 3), p + 4, p + 5, p + 6, p + 7, p + 7, p + 7, now(), now()
            ));
            let (t, c) = bench_pair(LETTER_PAIRS + i);
            let subject = format!("{}{}的问题（{}）", PLACES[(i / 8 % 6) as usize], TOPICS[(i % 8) as usize], i);
            let content = format!("{subject}：近期多次出现，影响周边居民生活，请有关部门尽快核实处理并答复。");
            let (month, day) = (1 + (i / 28 % 10), 1 + (i % 28));
            let filed = format!("2026-{month:02}-{day:02}");
            let answered = format!("2026-{month:02}-{:02}", (day + 10).min(28));
            rows.push((t, c, subject, content, filed, answered));
        }
        let mut q = sqlx::query(&sql);
        for (k, (t, c, subject, content, filed, answered)) in rows.iter().enumerate() {
            q = q
                .bind(t.as_str().to_owned())
                .bind(hash_code(c))
                .bind(format!("bench-letter-{}", n + k as u64))
                .bind(subject.clone())
                .bind(content.clone())
                .bind(filed.clone())
                .bind(answered.clone());
        }
        q.execute(&mut *tx).await?;
        n = end;
        if n % PER_COMMIT == 0 {
            tx.commit().await?;
            tx = db.begin().await?;
        }
    }
    tx.commit().await?;
    // Each letter goes to one unit, five letters in a row to the same one (so that every unit has
    // published letters: three in five are); the unit's answer closes it.
    sqlx::query(
        "WITH u AS (SELECT id, ROW_NUMBER() OVER (ORDER BY id) - 1 AS k FROM units) \
         INSERT INTO letter_routes (letter_id, unit_id, status, routed_on, due_on, reply, replied_on) \
         SELECT l.id, u.id, 'answered', l.filed_on, l.due_on, '经核实，已安排专人处理，感谢您的监督。', l.answered_on \
         FROM letters l JOIN u ON u.k = (l.id / 5) % $2 WHERE l.id > $1",
    )
    .bind(first_id)
    .bind(units.len() as i64)
    .execute(&db.pool)
    .await?;
    sqlx::query("INSERT INTO letter_events (letter_id, kind, on_date, at) SELECT id, 'received', filed_on, created_at FROM letters WHERE id > $1")
        .bind(first_id)
        .execute(&db.pool)
        .await?;
    Ok(())
}

#[cfg(test)]
mod tests {
    #[test]
    fn bench_pairs_are_distinct_and_valid() {
        let pairs: std::collections::HashSet<String> = (0..10_000).map(|n| super::bench_pair(n).0.as_str().to_owned()).collect();
        assert_eq!(pairs.len(), 10_000);
        let (t, c) = super::bench_pair(42);
        assert!(crate::domain::TrackingNumber::parse(t.as_str()).is_ok());
        assert!(crate::domain::QueryCode::parse(c.expose()).is_ok());
    }
}
