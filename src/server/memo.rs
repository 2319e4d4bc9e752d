//! Short-lived figures behind public pages (a total over 300,000 letters, the units that have
//! answered one): computed once per `GONGKAI_FIGURES_CACHE_MS` and shared by every request in
//! between, so pages rendered afresh (another page of the list, another language, an expired
//! cached page) do not repeat a 20 ms count each. Off when the lifetime is zero (tests see every
//! write at once); this server's staff writes clear it at once.

use std::any::Any;
use std::collections::HashMap;
use std::future::Future;
use std::sync::{Arc, Mutex};
use std::time::{Duration, Instant};

/// Figures kept at most; past that the memo starts afresh.
const MAX_ENTRIES: usize = 1024;

type Entries = HashMap<String, (Instant, Arc<dyn Any + Send + Sync>)>;

#[derive(Clone)]
pub struct Memo {
    ttl: Duration,
    entries: Arc<Mutex<Entries>>,
}

impl Memo {
    pub fn new(ttl: Duration) -> Memo {
        Memo { ttl, entries: Arc::default() }
    }

    /// The figure under `key` if it is younger than the lifetime, else `compute`'s (kept when it
    /// succeeds).
    pub async fn get_or<T, E, Fut>(&self, key: &str, compute: impl FnOnce() -> Fut) -> Result<T, E>
    where
        T: Clone + Send + Sync + 'static,
        Fut: Future<Output = Result<T, E>>,
    {
        if self.ttl.is_zero() {
            return compute().await;
        }
        {
            let entries = self.entries.lock().unwrap_or_else(|e| e.into_inner());
            if let Some((at, v)) = entries.get(key) {
                if at.elapsed() < self.ttl {
                    if let Some(v) = v.downcast_ref::<T>() {
                        return Ok(v.clone());
                    }
                }
            }
        }
        let value = compute().await?;
        let mut entries = self.entries.lock().unwrap_or_else(|e| e.into_inner());
        if entries.len() >= MAX_ENTRIES {
            entries.clear();
        }
        entries.insert(key.to_owned(), (Instant::now(), Arc::new(value.clone())));
        Ok(value)
    }

    pub fn clear(&self) {
        self.entries.lock().unwrap_or_else(|e| e.into_inner()).clear();
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[tokio::test]
    async fn a_figure_is_computed_once_per_lifetime_and_never_when_off() {
        let memo = Memo::new(Duration::from_secs(60));
        let calls = std::sync::atomic::AtomicUsize::new(0);
        let count = || async {
            calls.fetch_add(1, std::sync::atomic::Ordering::SeqCst);
            Ok::<i64, ()>(7)
        };
        assert_eq!(memo.get_or("n", count).await, Ok(7));
        assert_eq!(memo.get_or("n", count).await, Ok(7));
        assert_eq!(calls.load(std::sync::atomic::Ordering::SeqCst), 1);
        memo.clear();
        assert_eq!(memo.get_or("n", count).await, Ok(7));
        assert_eq!(calls.load(std::sync::atomic::Ordering::SeqCst), 2);
        // A failure is not kept.
        assert_eq!(memo.get_or("e", || async { Err::<i64, ()>(()) }).await, Err(()));
        let off = Memo::new(Duration::ZERO);
        assert_eq!(off.get_or("n", count).await, Ok(7));
        assert_eq!(off.get_or("n", count).await, Ok(7));
        assert_eq!(calls.load(std::sync::atomic::Ordering::SeqCst), 4);
    }
}
