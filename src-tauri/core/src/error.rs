use std::path::PathBuf;

/// Every failure the domain can report. The shell turns each into a `{ code, message }` for the
/// UI, so messages are written for the candidate, not for a log file.
#[derive(Debug, thiserror::Error)]
pub enum Error {
    #[error(
        "The database at {path} cannot be read ({detail}). It may be damaged or not a Dossier database."
    )]
    DatabaseCorrupt { path: PathBuf, detail: String },

    #[error(
        "This database was written by a newer version of Dossier (schema version {found}); this version understands up to schema version {supported}. Install the newer Dossier to open it."
    )]
    SchemaTooNew { found: u32, supported: u32 },

    #[error("The database could not be updated to the current schema: {0}")]
    Migration(String),

    #[error("Database error: {0}")]
    Database(rusqlite::Error),

    #[error("{context}: {source}")]
    Io {
        context: String,
        #[source]
        source: std::io::Error,
    },

    #[error("{what} already exists at {path}")]
    AlreadyExists { what: String, path: PathBuf },

    #[error("{0} was not found")]
    NotFound(String),

    #[error("{field}: {reason}")]
    InvalidInput { field: String, reason: String },

    /// The candidate stopped a long task; whatever it had written is gone.
    #[error("{0}")]
    Cancelled(String),

    /// A document pack lacks items and the candidate has not confirmed exporting it anyway.
    #[error("{0}")]
    Incomplete(String),
}

pub type Result<T, E = Error> = std::result::Result<T, E>;

impl Error {
    pub fn io(context: impl Into<String>, source: std::io::Error) -> Self {
        Error::Io {
            context: context.into(),
            source,
        }
    }

    pub fn invalid(field: impl Into<String>, reason: impl Into<String>) -> Self {
        Error::InvalidInput {
            field: field.into(),
            reason: reason.into(),
        }
    }
}

impl From<rusqlite::Error> for Error {
    fn from(e: rusqlite::Error) -> Self {
        Error::Database(e)
    }
}

/// True when SQLite says the file itself is damaged or is not a database at all, as opposed to
/// a query or constraint failure: only then may the user be offered to set the file aside.
pub(crate) fn is_corruption(e: &rusqlite::Error) -> bool {
    use rusqlite::ffi::ErrorCode;
    matches!(
        e.sqlite_error_code(),
        Some(ErrorCode::DatabaseCorrupt | ErrorCode::NotADatabase)
    )
}
