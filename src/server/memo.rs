//! Short-lived figures behind public pages (a total over 300,000 letters, the units that have
//! answered one): computed once per `GONGKAI_FIGURES_CACHE_MS` and shared by every request in
//! between, so pages rendered afresh (another page of the list, another language, an expired
//! cached page) do not repeat a 20 ms count each. Off when the lifetime is zero (tests see every
//! write at once); this server's staff writes clear it at once.
//!
//! A rush never piles up identical computations: when a figure has expired, one request computes
//! it afresh while the others get the expired one, and a figure nobody has (a cold server, or
//! just after a write) is computed by one request while the rest wait for it. Before this, every
//! request that arrived in the moment a figure expired computed it too (64 connections: up to 64
//! counts at once, every 2 s), which set the rendered lists' p99 latency.

use std::any::Any;
use std::collections::HashMap;
use std::future::Future;
use std::sync::atomic::{AtomicU64, Ordering};
use std::sync::{Arc, Mutex};
use std::time::{Duration, Instant};

/// Figures kept at most; past that the memo starts afresh.
const MAX_ENTRIES: usize = 1024;
/// How long past its lifetime a figure may still be served while one request computes it afresh.
const STALE_FOR: Duration = Duration::from_secs(30);

struct Slot {
    /// The figure and when it was computed; none until the first computation succeeds.
    value: Option<(Instant, Arc<dyn Any + Send + Sync>)>,
    /// A request is computing the figure afresh (see [`Refresh`]).
    refreshing: bool,
    /// Held while a figure nobody has yet is computed, so that a rush on a cold server (or
    /// after a write cleared the memo) waits for one computation instead of starting one each.
    first: Arc<tokio::sync::Mutex<()>>,
}

#[derive(Default)]
struct Inner {
    slots: Mutex<HashMap<String, Slot>>,
    /// Bumped by [`Memo::clear`]: a figure computed from before a write is not kept after it.
    generation: AtomicU64,
}

#[derive(Clone)]
pub struct Memo {
    ttl: Duration,
    inner: Arc<Inner>,
}

/// Marks a refresh as over when the computing request ends, whether it succeeded, failed or was
/// dropped (the client went away), so that the next request takes it up.
struct Refresh<'a> {
    inner: &'a Inner,
    key: &'a str,
}

impl Drop for Refresh<'_> {
    fn drop(&mut self) {
        if let Some(slot) = self.inner.slots.lock().unwrap_or_else(|e| e.into_inner()).get_mut(self.key) {
            slot.refreshing = false;
        }
    }
}

/// What a request found under a key.
enum Found<T> {
    Value(T),
    /// Expired: this request computes it afresh while others are served the old figure.
    Refresh,
    /// Not there: compute it once, behind the key's gate.
    Missing(Arc<tokio::sync::Mutex<()>>),
}

impl Memo {
    pub fn new(ttl: Duration) -> Memo {
        Memo { ttl, inner: Arc::default() }
    }

    /// The figure under `key` if it is younger than the lifetime, else `compute`'s (kept when it
    /// succeeds). While one request computes an expired figure afresh, the others get the expired
    /// one (up to [`STALE_FOR`] old); when there is none, they wait for that one computation.
    pub async fn get_or<T, E, Fut>(&self, key: &str, compute: impl FnOnce() -> Fut) -> Result<T, E>
    where
        T: Clone + Send + Sync + 'static,
        Fut: Future<Output = Result<T, E>>,
    {
        if self.ttl.is_zero() {
            return compute().await;
        }
        let _gate = match self.find::<T>(key) {
            Found::Value(v) => return Ok(v),
            Found::Refresh => None,
            Found::Missing(first) => {
                let gate = first.lock_owned().await;
                // Computed while this request waited?
                if let Found::Value(v) = self.find::<T>(key) {
                    return Ok(v);
                }
                Some(gate)
            }
        };
        let _refresh = Refresh { inner: &self.inner, key };
        let generation = self.inner.generation.load(Ordering::SeqCst);
        let value = compute().await?;
        let mut slots = self.inner.slots.lock().unwrap_or_else(|e| e.into_inner());
        if self.inner.generation.load(Ordering::SeqCst) == generation {
            let slot = slots.entry(key.to_owned()).or_insert_with(Slot::empty);
            slot.value = Some((Instant::now(), Arc::new(value.clone())));
        }
        Ok(value)
    }

    /// Looks `key` up; an expired figure is handed to this request to refresh, once.
    fn find<T: Clone + 'static>(&self, key: &str) -> Found<T> {
        let mut slots = self.inner.slots.lock().unwrap_or_else(|e| e.into_inner());
        if slots.len() >= MAX_ENTRIES && !slots.contains_key(key) {
            slots.clear();
        }
        let slot = slots.entry(key.to_owned()).or_insert_with(Slot::empty);
        let Some((at, value)) = &slot.value else { return Found::Missing(slot.first.clone()) };
        let Some(value) = value.downcast_ref::<T>() else { return Found::Missing(slot.first.clone()) };
        let age = at.elapsed();
        if age < self.ttl || (slot.refreshing && age < self.ttl + STALE_FOR) {
            return Found::Value(value.clone());
        }
        slot.refreshing = true;
        Found::Refresh
    }

    pub fn clear(&self) {
        let mut slots = self.inner.slots.lock().unwrap_or_else(|e| e.into_inner());
        self.inner.generation.fetch_add(1, Ordering::SeqCst);
        slots.clear();
    }
}

impl Slot {
    fn empty() -> Slot {
        Slot { value: None, refreshing: false, first: Arc::default() }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::sync::atomic::{AtomicU64, Ordering};

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

    /// A computation that takes `ms` and counts its calls.
    async fn slow(calls: &AtomicU64, ms: u64, value: i64) -> Result<i64, ()> {
        calls.fetch_add(1, Ordering::SeqCst);
        tokio::time::sleep(Duration::from_millis(ms)).await;
        Ok(value)
    }

    #[tokio::test]
    async fn a_rush_on_a_missing_figure_computes_it_once() {
        let memo = Memo::new(Duration::from_secs(60));
        let calls = AtomicU64::new(0);
        let rush = (0..32).map(|_| memo.get_or("n", || slow(&calls, 50, 7)));
        let answers = futures::future::join_all(rush).await;
        assert!(answers.iter().all(|a| *a == Ok(7)));
        assert_eq!(calls.load(Ordering::SeqCst), 1);
    }

    #[tokio::test]
    async fn an_expired_figure_is_served_while_one_request_refreshes_it() {
        let memo = Memo::new(Duration::from_millis(20));
        let calls = AtomicU64::new(0);
        assert_eq!(memo.get_or("n", || slow(&calls, 0, 1)).await, Ok(1));
        tokio::time::sleep(Duration::from_millis(30)).await;
        // One request refreshes (slowly); the others meanwhile get the old figure at once.
        let refresh = memo.get_or("n", || slow(&calls, 200, 2));
        let others = async {
            tokio::time::sleep(Duration::from_millis(20)).await;
            futures::future::join_all((0..8).map(|_| memo.get_or("n", || slow(&calls, 200, 3)))).await
        };
        let (fresh, seen) = tokio::join!(refresh, others);
        assert_eq!(fresh, Ok(2));
        // The old figure, not a wait for the new one (2) nor a computation of their own (3).
        assert!(seen.iter().all(|s| *s == Ok(1)), "{seen:?}");
        assert_eq!(calls.load(Ordering::SeqCst), 2);
        assert_eq!(memo.get_or("n", || slow(&calls, 0, 4)).await, Ok(2));
        // A failed refresh leaves the old figure, and the next request tries again.
        tokio::time::sleep(Duration::from_millis(30)).await;
        assert_eq!(memo.get_or("n", || async { Err::<i64, ()>(()) }).await, Err(()));
        assert_eq!(memo.get_or("n", || slow(&calls, 0, 5)).await, Ok(5));
    }

    #[tokio::test]
    async fn a_figure_computed_across_a_clear_is_not_kept() {
        let memo = Memo::new(Duration::from_secs(60));
        let calls = AtomicU64::new(0);
        let before_write = memo.get_or("n", || slow(&calls, 100, 1));
        let write = async {
            tokio::time::sleep(Duration::from_millis(20)).await;
            memo.clear();
        };
        let (old, ()) = tokio::join!(before_write, write);
        assert_eq!(old, Ok(1));
        assert_eq!(memo.get_or("n", || slow(&calls, 0, 2)).await, Ok(2));
    }
}
