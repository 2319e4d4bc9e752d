//! Direct reads of the SQLite file for the lookup's hot path.
//!
//! sqlx runs every SQLite connection on a thread of its own: each query is a message to that
//! thread and a wake-up back, and its row is copied into sqlx's `Any` form. For the progress
//! lookup (one indexed read of a case and its parts, tens of microseconds of SQLite work) that
//! hand-off cost more than the read. The reader keeps a few read-only connections of its own
//! and runs such a read on the calling thread with a cached prepared statement.
//!
//! Writes still go through sqlx. In WAL mode a read sees every commit made before it starts,
//! whichever connection made it. The reader never waits for a lock (`busy_timeout` 0): a read
//! that finds the database busy returns [`rusqlite::ErrorCode::DatabaseBusy`] and the caller
//! falls back to the pool.

use rusqlite::{Connection, OpenFlags};
use std::path::PathBuf;
use std::sync::Mutex;

/// Idle connections kept for reuse; more are opened under load and closed when returned.
const KEEP: usize = 4;

#[derive(Debug)]
pub struct Reader {
    path: PathBuf,
    memory: super::db::SqliteMemory,
    idle: Mutex<Vec<Connection>>,
}

impl Reader {
    /// A reader for the file behind a `sqlite:` address; `None` for an in-memory database,
    /// which other connections cannot see. Its connections read the file as `memory` says.
    pub fn for_url(url: &str, memory: super::db::SqliteMemory) -> Option<Reader> {
        Some(Reader { path: file_of(url)?, memory, idle: Mutex::new(Vec::new()) })
    }

    fn open(&self) -> rusqlite::Result<Connection> {
        let conn = Connection::open_with_flags(
            &self.path,
            OpenFlags::SQLITE_OPEN_READ_ONLY | OpenFlags::SQLITE_OPEN_NO_MUTEX | OpenFlags::SQLITE_OPEN_URI,
        )?;
        // The same memory map and page cache as the pool's connections, and never a wait on a
        // lock: see the module's note.
        conn.execute_batch(&format!("{} PRAGMA query_only = ON;", self.memory.pragmas()))?;
        conn.busy_timeout(std::time::Duration::ZERO)?;
        conn.set_prepared_statement_cache_capacity(16);
        Ok(conn)
    }

    /// Runs `read` on an idle connection (opening one when none is idle).
    pub fn read<T>(&self, read: impl FnOnce(&Connection) -> rusqlite::Result<T>) -> rusqlite::Result<T> {
        let idle = self.idle.lock().ok().and_then(|mut idle| idle.pop());
        let conn = match idle {
            Some(conn) => conn,
            None => self.open()?,
        };
        let result = read(&conn);
        if let Ok(mut idle) = self.idle.lock() {
            if idle.len() < KEEP {
                idle.push(conn);
            }
        }
        result
    }
}

/// The file behind a `sqlite:` address; `None` for an in-memory database.
pub fn file_of(url: &str) -> Option<PathBuf> {
    let rest = url.trim_start_matches("sqlite://").trim_start_matches("sqlite:");
    let path = rest.split_once('?').map(|p| p.0).unwrap_or(rest);
    if path.is_empty() || path == ":memory:" || rest.contains("mode=memory") {
        return None;
    }
    Some(PathBuf::from(path))
}

/// Whether a reader's error only means "try the pool instead" (the file was busy).
pub fn is_busy(e: &rusqlite::Error) -> bool {
    matches!(e.sqlite_error_code(), Some(rusqlite::ErrorCode::DatabaseBusy | rusqlite::ErrorCode::DatabaseLocked))
}
