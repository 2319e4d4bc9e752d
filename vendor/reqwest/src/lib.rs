//! What cargo-leptos uses of reqwest, without making requests. cargo-leptos only downloads its
//! helper tools (Tailwind, wasm-bindgen, wasm-opt) from GitHub when it cannot find them, and
//! asks GitHub for their latest versions; Gongkai installs them itself and builds cargo-leptos
//! with `no_downloads`, so neither happens. The real crate's TLS stack (aws-lc, compiled from
//! C) took a minute of that build on a fresh 2-core machine. Every request here fails.

use std::fmt;

/// Why a request failed: always that this build makes none.
#[derive(Debug)]
pub struct Error;

impl fmt::Display for Error {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("this build of cargo-leptos makes no network requests (see Gongkai's vendor/README.md)")
    }
}

impl std::error::Error for Error {}

pub type Result<T> = std::result::Result<T, Error>;

/// An HTTP status (never produced).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct StatusCode(pub u16);

impl StatusCode {
    pub fn is_success(&self) -> bool {
        (200..300).contains(&self.0)
    }
}

impl fmt::Display for StatusCode {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}", self.0)
    }
}

/// A response (never produced: every request fails first).
#[derive(Debug)]
pub struct Response {
    status: StatusCode,
}

impl Response {
    pub fn status(&self) -> StatusCode {
        self.status
    }

    pub async fn bytes(self) -> Result<bytes::Bytes> {
        Err(Error)
    }

    pub async fn json<T: serde::de::DeserializeOwned>(self) -> Result<T> {
        Err(Error)
    }
}

/// `reqwest::get`: fails.
pub async fn get<U: fmt::Display>(_url: U) -> Result<Response> {
    Err(Error)
}

#[derive(Clone, Debug, Default)]
pub struct Client;

impl Client {
    pub fn get<U: fmt::Display>(&self, _url: U) -> RequestBuilder {
        RequestBuilder
    }
}

#[derive(Debug)]
pub struct RequestBuilder;

impl RequestBuilder {
    pub fn header<K, V>(self, _key: K, _value: V) -> Self {
        self
    }

    pub async fn send(self) -> Result<Response> {
        Err(Error)
    }
}

#[derive(Debug, Default)]
pub struct ClientBuilder;

impl ClientBuilder {
    pub fn user_agent<V>(self, _value: V) -> Self {
        self
    }

    pub fn build(self) -> Result<Client> {
        Ok(Client)
    }
}
