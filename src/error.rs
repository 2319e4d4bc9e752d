//! The error type every server function returns. It separates a user's mistake (shown next to a
//! field, in the user's language) from an unexpected failure (logged, shown as a polite message).

use crate::domain::Locale;
use crate::i18n::Msg;
use leptos::prelude::{FromServerFnError, ServerFnErrorErr};
use serde::{Deserialize, Serialize};
use leptos::server_fn::codec::JsonEncoding;

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize, thiserror::Error)]
pub enum AppError {
    /// The caller must sign in first.
    #[error("not signed in")]
    NotSignedIn,
    /// Signed in, but the role does not allow this.
    #[error("forbidden")]
    Forbidden,
    /// A field's value was refused; `field` is the form field's name.
    #[error("invalid {field}: {msg:?}")]
    Invalid { field: String, msg: Msg },
    /// Several fields were refused at once (a whole form checked in one go).
    #[error("invalid fields: {errors:?}")]
    Fields { errors: Vec<(String, Msg)> },
    /// Too many attempts; try again later.
    #[error("throttled: {msg:?}")]
    Throttled { msg: Msg },
    #[error("not found")]
    NotFound,
    /// The request could not be read (missing or malformed arguments).
    #[error("bad request")]
    BadRequest,
    /// An unexpected failure; details are in the server log only.
    #[error("internal error")]
    Internal,
    /// The request never reached our code (network, encoding …).
    #[error("server function error: {0}")]
    Transport(String),
}

impl AppError {
    pub fn invalid(field: &str, msg: Msg) -> AppError {
        AppError::Invalid { field: field.to_owned(), msg }
    }

    /// The message shown to the user.
    pub fn message(&self) -> Msg {
        match self {
            AppError::NotSignedIn => Msg::NeedLogin,
            AppError::Forbidden => Msg::Forbidden,
            AppError::Invalid { msg, .. } | AppError::Throttled { msg } => *msg,
            AppError::Fields { errors } => errors.first().map(|e| e.1).unwrap_or(Msg::BadRequest),
            AppError::NotFound => Msg::NotFound,
            AppError::BadRequest => Msg::BadRequest,
            AppError::Internal | AppError::Transport(_) => Msg::InternalError,
        }
    }

    pub fn text(&self, locale: Locale) -> &'static str {
        self.message().text(locale)
    }

    /// The message for one form field, if this error is about that field.
    pub fn for_field(&self, field: &str) -> Option<Msg> {
        match self {
            AppError::Invalid { field: f, msg } if f == field => Some(*msg),
            AppError::Fields { errors } => errors.iter().find(|e| e.0 == field).map(|e| e.1),
            _ => None,
        }
    }

    /// A form-level message: anything that is not about a single field.
    pub fn form_level(&self) -> Option<Msg> {
        match self {
            AppError::Invalid { .. } => None,
            AppError::Fields { .. } => Some(Msg::FormHasErrors),
            other => Some(other.message()),
        }
    }

    #[cfg(feature = "ssr")]
    pub fn status(&self) -> axum::http::StatusCode {
        use axum::http::StatusCode;
        match self {
            AppError::NotSignedIn => StatusCode::UNAUTHORIZED,
            AppError::Forbidden => StatusCode::FORBIDDEN,
            AppError::Invalid { .. } | AppError::Fields { .. } => StatusCode::UNPROCESSABLE_ENTITY,
            AppError::Throttled { .. } => StatusCode::TOO_MANY_REQUESTS,
            AppError::NotFound => StatusCode::NOT_FOUND,
            AppError::BadRequest => StatusCode::BAD_REQUEST,
            AppError::Internal | AppError::Transport(_) => StatusCode::INTERNAL_SERVER_ERROR,
        }
    }

    /// Logs an unexpected failure with its context and returns the generic error.
    #[cfg(feature = "ssr")]
    pub fn internal(err: impl std::fmt::Display) -> AppError {
        tracing::error!(error = %err, "unexpected failure");
        AppError::Internal
    }
}

impl FromServerFnError for AppError {
    type Encoder = JsonEncoding;

    fn from_server_fn_error(value: ServerFnErrorErr) -> Self {
        match value {
            ServerFnErrorErr::Args(_) | ServerFnErrorErr::MissingArg(_) | ServerFnErrorErr::Deserialization(_) => {
                AppError::BadRequest
            }
            other => AppError::Transport(other.to_string()),
        }
    }
}

#[cfg(feature = "ssr")]
impl From<sqlx::Error> for AppError {
    fn from(err: sqlx::Error) -> Self {
        AppError::internal(format!("database: {err}"))
    }
}

#[cfg(feature = "ssr")]
impl From<anyhow::Error> for AppError {
    fn from(err: anyhow::Error) -> Self {
        AppError::internal(format!("{err:#}"))
    }
}
