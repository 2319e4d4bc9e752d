//! Server-side sessions stored in our own database, so they survive restarts and are shared by
//! every app server in front of one database.

use super::db::{Db, now};
use sha2::{Digest, Sha256};
use tower_sessions::session::{Id, Record};
use tower_sessions::session_store::{self, SessionStore};

#[derive(Clone, Debug)]
pub struct DbSessionStore {
    db: Db,
}

impl DbSessionStore {
    pub fn new(db: Db) -> Self {
        DbSessionStore { db }
    }

    /// Removes expired sessions; run periodically.
    pub async fn delete_expired(&self) -> Result<u64, sqlx::Error> {
        let done = sqlx::query("DELETE FROM sessions WHERE expires_at < $1").bind(now()).execute(&self.db.pool).await?;
        Ok(done.rows_affected())
    }
}

/// A stolen copy of the table must not yield usable cookies: only a digest of the id is stored.
fn key(id: &Id) -> String {
    let digest = Sha256::digest(id.to_string().as_bytes());
    digest.iter().map(|b| format!("{b:02x}")).collect()
}

fn backend(err: impl std::fmt::Display) -> session_store::Error {
    session_store::Error::Backend(err.to_string())
}

const SAVE: &str = "INSERT INTO sessions (id, data, expires_at) VALUES ($1, $2, $3) \
     ON CONFLICT (id) DO UPDATE SET data = excluded.data, expires_at = excluded.expires_at";
/// A new session's row, unless its id is taken.
const CREATE: &str = "INSERT INTO sessions (id, data, expires_at) VALUES ($1, $2, $3) ON CONFLICT (id) DO NOTHING";

impl DbSessionStore {
    /// Runs one of the statements above for `record`; the number of rows it wrote.
    async fn put(&self, sql: &'static str, record: &Record) -> session_store::Result<u64> {
        let data = serde_json::to_string(&record.data).map_err(|e| session_store::Error::Encode(e.to_string()))?;
        let (id, expires) = (key(&record.id), record.expiry_date.unix_timestamp());
        if let Some(writer) = &self.db.writer {
            let written = writer.write(move |c| c.prepare_cached(sql)?.execute(rusqlite::params![id, data, expires])).await;
            return written.map(|n| n as u64).map_err(backend);
        }
        let _turn = self.db.write_turn().await;
        let done = sqlx::query(sql).bind(id).bind(data).bind(expires).execute(&self.db.pool).await.map_err(backend)?;
        Ok(done.rows_affected())
    }
}

#[async_trait::async_trait]
impl SessionStore for DbSessionStore {
    /// Stores a new session under a fresh id: a taken id (a 128-bit random collision, or a
    /// forged cookie's) is drawn again rather than overwritten.
    async fn create(&self, record: &mut Record) -> session_store::Result<()> {
        for _ in 0..4 {
            if self.put(CREATE, record).await? == 1 {
                return Ok(());
            }
            record.id = Id::default();
        }
        Err(session_store::Error::Backend("no free session id".into()))
    }

    async fn save(&self, record: &Record) -> session_store::Result<()> {
        self.put(SAVE, record).await.map(|_| ())
    }

    async fn load(&self, id: &Id) -> session_store::Result<Option<Record>> {
        let row: Option<(String, i64)> =
            sqlx::query_as("SELECT data, expires_at FROM sessions WHERE id = $1 AND expires_at > $2")
                .bind(key(id))
                .bind(now())
                .fetch_optional(&self.db.pool)
                .await
                .map_err(backend)?;
        let Some((data, expires_at)) = row else { return Ok(None) };
        let data = serde_json::from_str(&data).map_err(|e| session_store::Error::Decode(e.to_string()))?;
        let expiry_date = time::OffsetDateTime::from_unix_timestamp(expires_at).map_err(backend)?;
        Ok(Some(Record { id: *id, data, expiry_date }))
    }

    async fn delete(&self, id: &Id) -> session_store::Result<()> {
        sqlx::query("DELETE FROM sessions WHERE id = $1").bind(key(id)).execute(&self.db.pool).await.map_err(backend)?;
        Ok(())
    }
}
