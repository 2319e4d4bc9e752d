//! Bulk cases for benchmarks: millions of cases with known tracking numbers and query codes,
//! written in large batches (the portal's own filing path is far too slow for that).

use crate::cases::store::hash_code;
use crate::domain::{QueryCode, TrackingNumber};
use crate::server::{Db, db::now};
use anyhow::Result;
use std::io::Write;

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
    let batch = 500u64;
    let every = (count / sample.max(1)).max(1);
    let started = std::time::Instant::now();
    let mut n = 0u64;
    while n < count {
        let end = (n + batch).min(count);
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
        q.execute(&db.pool).await?;
        n = end;
        if n % 100_000 == 0 {
            eprintln!("  {n} cases ({:.0} s)", started.elapsed().as_secs_f64());
        }
    }
    sqlx::query("INSERT INTO case_events (case_id, kind, on_date, at) SELECT id, 'received', filed_on, created_at FROM cases WHERE id > $1")
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
