//! The one error type commands return. It reaches the UI as `{ code, message }`: the code lets a
//! view react (offer to set a damaged database aside), the message is shown to the candidate.

use serde::Serialize;
use specta::Type;

#[derive(Debug, thiserror::Error)]
pub enum Error {
    #[error(transparent)]
    Core(#[from] dossier_core::Error),

    #[error("Your data could not be opened: {0}")]
    StoreUnavailable(String),

    #[error("The notification could not be shown: {0}")]
    Notification(String),

    #[error("The system could not open it: {0}")]
    Opener(String),
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Type)]
#[serde(rename_all = "snake_case")]
pub enum ErrorCode {
    DatabaseCorrupt,
    SchemaTooNew,
    MigrationFailed,
    Database,
    Io,
    AlreadyExists,
    NotFound,
    InvalidInput,
    StoreUnavailable,
    NotificationFailed,
    OpenFailed,
}

/// What the UI receives for every failed command.
#[derive(Debug, Clone, Serialize, Type)]
pub struct ErrorBody {
    pub code: ErrorCode,
    pub message: String,
}

impl Error {
    pub fn code(&self) -> ErrorCode {
        use dossier_core::Error as Core;
        match self {
            Error::Core(core) => match core {
                Core::DatabaseCorrupt { .. } => ErrorCode::DatabaseCorrupt,
                Core::SchemaTooNew { .. } => ErrorCode::SchemaTooNew,
                Core::Migration(_) => ErrorCode::MigrationFailed,
                Core::Database(_) => ErrorCode::Database,
                Core::Io { .. } => ErrorCode::Io,
                Core::AlreadyExists { .. } => ErrorCode::AlreadyExists,
                Core::NotFound(_) => ErrorCode::NotFound,
                Core::InvalidInput { .. } => ErrorCode::InvalidInput,
            },
            Error::StoreUnavailable(_) => ErrorCode::StoreUnavailable,
            Error::Notification(_) => ErrorCode::NotificationFailed,
            Error::Opener(_) => ErrorCode::OpenFailed,
        }
    }

    pub fn body(&self) -> ErrorBody {
        ErrorBody {
            code: self.code(),
            message: self.to_string(),
        }
    }
}

impl Serialize for Error {
    fn serialize<S: serde::Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        self.body().serialize(serializer)
    }
}

// The generated TypeScript sees exactly the shape `Serialize` produces.
impl Type for Error {
    fn definition(types: &mut specta::Types) -> specta::datatype::DataType {
        ErrorBody::definition(types)
    }
}

pub type Result<T, E = Error> = std::result::Result<T, E>;

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn errors_serialize_as_code_and_message() {
        let err = Error::from(dossier_core::Error::SchemaTooNew {
            found: 7,
            supported: 1,
        });
        let json = serde_json::to_value(&err).unwrap();
        assert_eq!(json["code"], "schema_too_new");
        let message = json["message"].as_str().unwrap();
        assert!(message.contains("schema version 7") && message.contains("schema version 1"));
        assert_eq!(json.as_object().unwrap().len(), 2);
    }

    #[test]
    fn each_kind_has_its_own_code() {
        let invalid = Error::from(dossier_core::Error::invalid("email", "is not an address"));
        assert_eq!(
            serde_json::to_value(&invalid).unwrap()["code"],
            "invalid_input"
        );
        assert_eq!(invalid.to_string(), "email: is not an address");
        let notify = Error::Notification("no server".into());
        assert_eq!(
            serde_json::to_value(&notify).unwrap()["code"],
            "notification_failed"
        );
    }
}
