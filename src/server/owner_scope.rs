//! Keeps each request's reactive owner to that request.
//!
//! Leptos keeps "the current owner" (whose contexts `use_context` reads: the request's `Parts`,
//! its `ResponseOptions`, the router's location, the nonce) in a thread-local. Rendering a page
//! sets it (`Owner::new_root`) and leaves it set when the task yields, so the next request polled
//! on that thread starts with somebody else's owner. leptos_axum then builds the owner of a server
//! function call or of a static file as a *child* of whatever is current (`Owner::new()`). Under
//! concurrent load this let a static file take the in-flight page's response headers (its CSP
//! left the page and went out with the file), and let one request render with another's
//! contexts — an anonymous reader was once sent an administrator's page.
//!
//! [`layer`] gives every request a thread-local owner of its own: each time the request's handler
//! or its response body is polled, the owner the request last left current is put back, and
//! afterwards the thread is left with none. A request therefore sees what it would see if it had
//! the thread to itself, and never another request's owner.

use std::future::Future;
use std::pin::Pin;
use std::sync::{Arc, Mutex};
use std::task::{Context, Poll};

use axum::body::{Body, Bytes, HttpBody};
use axum::extract::Request;
use axum::middleware::Next;
use axum::response::Response;
use leptos::reactive::owner::{Owner, WeakOwner};

/// The owner a request left current when it last yielded.
#[derive(Clone, Default)]
struct Slot(Arc<Mutex<Option<WeakOwner>>>);

impl Slot {
    /// Runs `poll` with this request's owner as the thread's current owner, then clears it.
    fn enter<T>(&self, poll: impl FnOnce() -> T) -> T {
        clear_current();
        let saved = self.0.lock().ok().and_then(|mut s| s.take()).and_then(|w| w.upgrade());
        if let Some(owner) = &saved {
            owner.set();
        }
        drop(saved);
        let out = poll();
        let left = Owner::current();
        if let Ok(mut s) = self.0.lock() {
            *s = left.as_ref().map(Owner::downgrade);
        }
        if let Some(owner) = left {
            owner.unset();
        }
        out
    }
}

/// Leaves the thread with no current owner.
fn clear_current() {
    if let Some(owner) = Owner::current() {
        owner.unset();
    }
}

/// Middleware: the request's handler and its response body run with the request's own owner.
pub async fn layer(req: Request, next: Next) -> Response {
    let slot = Slot::default();
    let res = Scoped { slot: slot.clone(), inner: Box::pin(next.run(req)) }.await;
    res.map(|body| Body::new(ScopedBody { slot, inner: body }))
}

struct Scoped<F> {
    slot: Slot,
    inner: Pin<Box<F>>,
}

impl<F: Future> Future for Scoped<F> {
    type Output = F::Output;

    fn poll(mut self: Pin<&mut Self>, cx: &mut Context<'_>) -> Poll<F::Output> {
        let this = &mut *self;
        let inner = &mut this.inner;
        this.slot.enter(|| inner.as_mut().poll(cx))
    }
}

struct ScopedBody {
    slot: Slot,
    inner: Body,
}

impl HttpBody for ScopedBody {
    type Data = Bytes;
    type Error = axum::Error;

    fn poll_frame(
        mut self: Pin<&mut Self>,
        cx: &mut Context<'_>,
    ) -> Poll<Option<Result<http_body::Frame<Bytes>, axum::Error>>> {
        let this = &mut *self;
        let inner = &mut this.inner;
        this.slot.enter(|| Pin::new(inner).poll_frame(cx))
    }

    fn is_end_stream(&self) -> bool {
        self.inner.is_end_stream()
    }

    fn size_hint(&self) -> http_body::SizeHint {
        self.inner.size_hint()
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use leptos::prelude::*;

    #[derive(Clone, Debug, PartialEq)]
    struct Marker(&'static str);

    #[test]
    fn a_request_gets_back_its_own_owner_and_leaves_none_behind() {
        let slot = Slot::default();
        let mine = slot.enter(|| {
            let o = Owner::new();
            o.set();
            o.with(|| provide_context(Marker("mine")));
            o
        });
        assert!(Owner::current().is_none(), "nothing is left current after a poll");

        // Another request leaves its owner current on this thread…
        let theirs = Owner::new();
        theirs.with(|| provide_context(Marker("theirs")));
        theirs.set();
        // …and the first one, polled again, sees its own, not theirs.
        assert_eq!(slot.enter(use_context::<Marker>), Some(Marker("mine")));
        // A new request starts with no owner at all, so `Owner::new()` makes a root.
        assert_eq!(Slot::default().enter(|| Owner::new().with(use_context::<Marker>)), None);
        drop((mine, theirs));
    }
}
