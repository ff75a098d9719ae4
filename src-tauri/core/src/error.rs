use serde::{Deserialize, Serialize};
use std::path::PathBuf;

/// One problem with one field of a form.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, specta::Type)]
#[serde(rename_all = "camelCase")]
pub struct FieldError {
    /// Path in the form's JSON: `email`, `languages[0].level`.
    pub field: String,
    /// What is wrong, with its values: the UI words it from `fieldProblem.<code>`.
    pub problem: FieldProblem,
    /// The same in English, for logs and for a problem the catalogue does not word
    /// (`untranslated`).
    pub message: String,
}

/// What a refused file is, read from its content: the kind in words only, since a media type
/// such as `application/x-executable` means nothing to the candidate.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, specta::Type)]
#[serde(rename_all = "snake_case")]
pub enum FoundFileType {
    /// Nothing Dossier recognises.
    Unknown,
    Program,
    Archive,
    Sound,
    Video,
    /// A word processor's or spreadsheet's file: saving it as PDF first is the way in.
    OfficeDocument,
    EBook,
    Font,
    Text,
    Other,
}

/// What is wrong with a field, as a code with its values; dates are ISO `YYYY-MM-DD`, country
/// and language values are codes, so the UI writes them in the candidate's language.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, specta::Type)]
#[serde(tag = "code", rename_all = "snake_case")]
pub enum FieldProblem {
    /// A field the form must send is absent.
    Missing,
    /// A value outside a list of choices (`choices` as the codes, comma-separated).
    NotAChoice {
        found: String,
        choices: String,
    },
    /// A language level outside the CEFR scale.
    NotALanguageLevel {
        found: String,
        choices: String,
    },
    /// A date not written `YYYY-MM-DD`.
    InvalidDate,
    /// A value that cannot be read at all; `detail` is the parser's own (English) words.
    Unreadable {
        detail: String,
    },
    /// An empty field that must be filled; `what` names it.
    Required {
        what: RequiredField,
    },
    TooLong {
        max: u32,
        count: u32,
    },
    NotAnEmail {
        value: String,
    },
    BirthInFuture,
    /// A date of birth before 1900.
    BirthYearUnlikely {
        date: String,
    },
    CountryMissing,
    NotACountryCode {
        value: String,
    },
    NationalityTwice {
        country: String,
    },
    LanguageMissing,
    NotALanguageCode {
        value: String,
    },
    LanguageTwice {
        language: String,
    },
    PeriodStartsInFuture,
    PeriodStartsBeforeBirth {
        birth: String,
    },
    PeriodEndsBeforeStart {
        from: String,
        to: String,
    },
    CompletedStudiesEndInFuture {
        to: String,
    },
    /// This entry repeats entry `first` (counted from 1).
    RepeatedEntry {
        first: u32,
    },
    RepeatedId,
    /// An id the saved profile does not have (removed meanwhile).
    UnknownEntry,
    /// A step dated after today (`date`): a step is recorded once it has happened.
    StepInFuture {
        date: String,
    },
    /// A step dated `date`, before the last one recorded (`stage`, on `last`).
    StepBeforeLast {
        date: String,
        stage: String,
        last: String,
    },
    /// A new application may not start at `stage`.
    FirstStepNotAllowed {
        stage: String,
    },
    /// The vacancy has an application already: application `existing`.
    ApplicationExists {
        existing: u32,
    },
    /// The application cannot move from stage `from` to `to`; `why` says which rule refuses
    /// it, `then` (stage codes, comma-separated) what may follow a closing stage.
    StageNotAllowed {
        from: String,
        to: String,
        why: StageRule,
        then: String,
    },
    /// The first step of a timeline cannot be undone.
    FirstStepUndo,
    /// An interview while the application is at `stage`, not yet submitted.
    InterviewNotSubmitted {
        stage: String,
    },
    /// An interview dated `date`, before the application was submitted on `submitted`.
    InterviewBeforeSubmission {
        date: String,
        submitted: String,
    },
    /// An interview shorter than a minute or longer than a day.
    InterviewDuration,
    /// A document issued after today (`date`).
    IssuedInFuture {
        date: String,
    },
    /// A document that expires (`expires`) before it was issued (`issued`).
    ExpiresBeforeIssue {
        expires: String,
        issued: String,
    },
    /// A document without a title.
    TitleMissing,
    /// A text the form must have, left empty.
    Empty,
    /// A time zone the IANA database does not know.
    UnknownTimeZone {
        zone: String,
    },
    /// Something Dossier saved cannot be read back; `detail` is the parser's own words.
    StoredDamaged {
        detail: String,
    },
    /// A value Dossier could not turn into what it stores.
    NotStorable,
    /// A language wording left empty.
    WordingMissing,
    /// The same wording (`wording`) given two levels.
    WordingTwice {
        wording: String,
    },
    /// Quiet hours that start and end at the same time.
    QuietHoursEmpty,
    /// A notice text over 1 MB, far longer than any notice.
    NoticeTooLong,
    /// Notes over 100 KB.
    NotesTooLong,
    /// Nothing was pasted as a notice.
    NothingPasted,
    /// A text where no detail of a vacancy notice was found.
    NotANotice,
    /// A file (`name`) that is not text or HTML.
    NotTextOrHtml {
        name: String,
    },
    /// A notice address with hidden or control characters.
    AddressHiddenCharacters,
    AddressHasSpace,
    /// A notice address that is not `http://` or `https://`.
    AddressNotWeb,
    AddressIncomplete,
    /// A notice address with a user name or password before `@`, so it opens `host`.
    AddressUserInfo {
        host: String,
    },
    /// The vacancy has no notice address to open.
    NoNoticeAddress,
    /// A vacancy with an application, which is archived rather than deleted.
    VacancyHasApplication,
    /// No page of `limit` rows starts at `offset`.
    NoSuchPage {
        limit: u32,
        offset: u32,
    },
    /// A local date and time the zone skips (the clocks go forward).
    TimeSkippedInZone,
    /// The profile has used every entry number.
    OutOfEntryNumbers,
    /// A document named as replacing itself.
    ReplacesItself,
    /// Document `older` (`title`) is already replaced by document `by`.
    AlreadyReplaced {
        title: String,
        older: u32,
        by: u32,
    },
    /// Document `older` is itself a newer version of this one.
    ReplacesNewerVersion {
        older: u32,
    },
    /// A document linked to a profile entry not saved yet.
    ProvesUnsavedEntry,
    /// A document of kind `kind` (code) cannot prove an entry of kind `entry`
    /// (`education`, `employment`, `reference`).
    CannotProve {
        kind: String,
        entry: String,
    },
    /// A document (`title`) attached to `count` applications (`applications`, "title
    /// (reference)" each, comma-separated).
    DocumentAttached {
        title: String,
        count: u32,
        applications: String,
    },
    /// The stored file of `title` no longer matches what was imported.
    StoredFileChanged {
        title: String,
    },
    /// A size limit outside the ones offered.
    NotAnOfferedLimit,
    /// Only Talentlink applications are archived, or get a saved copy.
    TalentlinkOnly,
    /// A saved copy of a Talentlink application (`title`) attached as a sent document.
    SavedCopyAsSent {
        title: String,
    },
    /// A document (`title`) of kind `kind` (code) chosen as a saved copy.
    NotASavedCopy {
        title: String,
        kind: String,
    },
    /// A destination inside Dossier's data folder.
    InsideDataFolder {
        path: String,
    },
    /// A destination inside the vault folder.
    InsideVault {
        path: String,
    },
    /// A destination that is Dossier's own database.
    OwnDatabase {
        path: String,
    },
    /// A destination whose folder does not exist.
    FolderMissing {
        path: String,
    },
    /// A destination that is a folder where a file is written.
    IsAFolder {
        path: String,
    },
    /// A destination that is a file where a folder is written.
    IsAFile {
        path: String,
    },
    /// A destination with no file name Dossier can use.
    NotAFileName {
        path: String,
    },
    /// A destination that cannot be written.
    NotWritable {
        path: String,
    },
    /// A folder (`path`) that is not a pack Dossier wrote, or has changed since.
    NotAnEarlierPack {
        path: String,
    },
    /// The restore journal `path` cannot be read.
    RestoreJournalUnreadable {
        path: String,
    },
    /// The restore journal names `aside`, not a folder Dossier keeps data aside in.
    RestoreJournalStrange {
        aside: String,
    },
    /// Only a damaged database can be set aside.
    DatabaseNotDamaged,
    /// Export `id` is running already.
    ExportRunning {
        id: u32,
    },
    /// A file offered to the vault holds nothing (0 bytes); `name` as the candidate's system
    /// shows it.
    FileEmpty {
        name: String,
    },
    /// A file over the largest document the vault keeps; both sizes in KiB (the window takes
    /// no 64-bit integers, and a file may pass 4 GiB).
    FileTooLarge {
        name: String,
        size_kib: u32,
        max_kib: u32,
    },
    /// A file whose content is no PDF or picture the vault keeps; `found` says what it is.
    FileTypeNotKept {
        name: String,
        found: FoundFileType,
    },
    /// A folder offered as a file.
    FileIsFolder {
        name: String,
    },
    /// A device or a pipe offered as a file: nothing to keep.
    FileNotOrdinary {
        name: String,
    },
    /// A picture in a format the vault does not keep; `format` as its usual extension, upper
    /// case ("HEIC", "GIF").
    PictureFormatNotKept {
        name: String,
        format: String,
    },
    /// A sentence the core wrote for a single-field refusal (`Error::InvalidInput`), not yet
    /// a code: the UI shows `message`.
    Untranslated,
}

/// Which rule of the stage table refuses a move ([`FieldProblem::StageNotAllowed`]).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, specta::Type)]
#[serde(rename_all = "snake_case")]
pub enum StageRule {
    /// The application is at that stage already.
    Already,
    /// A stage after the submission, before "Submitted" was recorded.
    NotSubmitted,
    /// The current stage closes the application.
    Closed,
    /// A stage after an offer, before the offer was recorded.
    NoOffer,
    /// Back to a stage before the submission, after it.
    AlreadySubmitted,
    /// Any other move the table does not allow.
    Other,
}

/// The field a [`FieldProblem::Required`] is about.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, specta::Type)]
#[serde(rename_all = "snake_case")]
pub enum RequiredField {
    FullName,
    StudyField,
    Institution,
    Employer,
    JobTitle,
    ReferenceName,
    ReferenceContact,
}

impl FieldError {
    pub fn new(
        field: impl Into<String>,
        problem: FieldProblem,
        message: impl Into<String>,
    ) -> Self {
        FieldError {
            field: field.into(),
            problem,
            message: message.into(),
        }
    }

    /// A field named by a core sentence that has no code yet.
    pub fn untranslated(field: impl Into<String>, message: impl Into<String>) -> Self {
        FieldError::new(field, FieldProblem::Untranslated, message)
    }
}

/// Every failure the domain can report. The shell turns each into a `{ code, message, fields }`
/// for the UI, so messages are written for the candidate, not for a log file.
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

    /// A file operation failed; `op` says which, so the UI words it from its catalogue
    /// (`failure.io.<op>`) with the path and the system's own reason.
    #[error("{}: {source}", io_message(*.op, .path))]
    Io {
        op: IoOp,
        path: PathBuf,
        #[source]
        source: std::io::Error,
    },

    /// The stored copy of a document could not be read back; `title` is the candidate's own.
    #[error("Could not read the stored file of “{title}”: {source}")]
    StoredFileUnreadable {
        title: String,
        #[source]
        source: std::io::Error,
    },

    #[error("{what} already exists at {path}")]
    AlreadyExists { what: String, path: PathBuf },

    #[error("{0} was not found")]
    NotFound(String),

    /// Shown as the reason alone when it is a whole sentence (the field is a form path, such
    /// as `notice`, for the UI to place it, not words for the candidate).
    #[error("{}", invalid_input_message(.field, .reason))]
    InvalidInput { field: String, reason: String },

    /// A whole form was refused and nothing was saved; every field that needs attention is
    /// listed, so the candidate can fix them in one pass.
    #[error("{}", fields_summary(.fields))]
    Invalid { fields: Vec<FieldError> },

    /// Dossier itself failed, not the candidate's input: a background task panicked or was
    /// stopped before it answered. Nothing here names a field.
    #[error("Something went wrong inside Dossier ({0}). Nothing was changed; please try again.")]
    Internal(String),

    /// The candidate stopped a long task; whatever it had written is gone.
    #[error("{0}")]
    Cancelled(String),

    /// A backup whose checksums fail, or whose manifest cannot be read; `items` names each
    /// damaged part (`manifest.json`, `dossier.db`, `objects/ab/<sha-256>.pdf`).
    #[error("The backup {id} is damaged and cannot be used: {}", .items.join(", "))]
    BackupDamaged { id: String, items: Vec<String> },

    /// A backup made by a Dossier with a newer database schema than this one understands.
    #[error(
        "The backup {id} was made by a newer version of Dossier (schema version {backup_version}); this version understands up to schema version {running_version}. Install the newer Dossier to restore it."
    )]
    BackupTooNew {
        id: String,
        backup_version: u32,
        running_version: u32,
    },

    /// A document pack lacks items and the candidate has not confirmed exporting it anyway.
    #[error("{0}")]
    Incomplete(String),

    /// An export is imported only into a Dossier that holds nothing yet; these are what it holds.
    /// Nothing was changed.
    #[error(
        "This Dossier already holds data ({vacancies} vacancies, {applications} applications, {documents} documents, profile: {profile}); an export can only be imported into an empty Dossier."
    )]
    ImportTargetNotEmpty {
        vacancies: u32,
        applications: u32,
        documents: u32,
        profile: bool,
    },

    /// The export was written in a format newer than this build reads.
    #[error(
        "This export is in format {found}, newer than {supported}, the newest this version of Dossier reads. Install the newer Dossier to import it."
    )]
    ExportFormatTooNew { found: String, supported: String },

    /// Parts of an export are missing, unreadable or do not match their checksums; `parts`
    /// names each (a file inside the export, or `dossier-export.json` and where in it).
    #[error("The export at {path} is damaged: {}. Nothing was imported.", .parts.join(", "))]
    ExportDamaged { path: PathBuf, parts: Vec<String> },

    /// The chosen file or folder is not a Dossier export at all.
    #[error("{path} is not a Dossier export.")]
    NotAnExport { path: PathBuf },

    /// A notice file larger than any notice, refused from its size before it was read.
    #[error("{path} is {size_bytes} bytes, over the {limit_bytes} bytes a notice file may be.")]
    NoticeFileTooLarge {
        path: PathBuf,
        size_bytes: u64,
        limit_bytes: u64,
    },

    /// A file that is no saved page, text or PDF; `extension` as written, lower case.
    #[error("{path} is not a saved page, a text file or a PDF.")]
    NoticeFileUnknownType {
        path: PathBuf,
        extension: Option<String>,
    },

    /// A PDF with pages but no text layer: a scan, only an image of the text.
    #[error("{path} holds only an image of the text.")]
    PdfWithoutText { path: PathBuf },

    /// A PDF that opens only with a password.
    #[error("{path} is protected by a password.")]
    PdfLocked { path: PathBuf },

    /// A file named `.pdf` that cannot be read as one: truncated, or something else inside.
    #[error("{path} is damaged and cannot be read as a PDF.")]
    PdfDamaged { path: PathBuf },

    /// An upload file that does not fit its limit even with every page at the legible floor;
    /// `needed_bytes` is what it would take, the biggest page is named by document and number.
    #[error(
        "The file needs {needed_bytes} bytes at the lowest legible resolution, over the limit of {limit_bytes}; the biggest page is page {biggest_page} (document {biggest_document_id})."
    )]
    UploadTooLarge {
        limit_bytes: u64,
        needed_bytes: u64,
        biggest_document_id: u32,
        biggest_page: u32,
    },

    /// No source of an upload file could be used; `skipped` lists them by document id.
    #[error("None of the chosen documents could be put in the file.")]
    UploadNothingToMake { skipped: Vec<u32> },

    /// Encryption at rest: a key, a secret, an encrypted file or a conversion (issue 16).
    #[error(transparent)]
    Encryption(#[from] EncryptionError),
}

pub type Result<T, E = Error> = std::result::Result<T, E>;

/// Why a key could not be made, unlocked or used, or an encrypted file read. Structured, for the
/// shell to map to a code and the UI to word from its catalogue; the `Display` texts are for
/// logs. Nothing here says which of two secrets was close: a wrong passphrase is just wrong.
#[derive(Debug, thiserror::Error)]
pub enum EncryptionError {
    /// The passphrase does not unwrap the master key (or its wrapped copy was altered, which
    /// cannot be told apart, by design).
    #[error("wrong passphrase")]
    WrongPassphrase,

    /// A well-formed recovery key that does not unwrap the master key: another installation's.
    #[error("wrong recovery key")]
    WrongRecoveryKey,

    /// The recovery key as typed fails its checksum (a typing mistake) or is not its length.
    #[error("recovery key mistyped")]
    RecoveryKeyMistyped,

    /// A new passphrase that is empty.
    #[error("empty passphrase")]
    PassphraseEmpty,

    /// The key file cannot be read as one: not the format, a field of the wrong size, an
    /// impossible parameter. Named, never deleted.
    #[error("key file {path} is damaged")]
    KeyFileDamaged { path: PathBuf },

    /// A key file written by a newer Dossier (its format, or a key derivation or cipher this
    /// build does not know).
    #[error("key file {path} has format {found}; this build reads up to {supported}")]
    KeyFileUnsupported {
        path: PathBuf,
        found: u32,
        supported: u32,
    },

    /// The key file cannot be read at all.
    #[error("key file {path} cannot be read: {source}")]
    KeyFileUnreadable {
        path: PathBuf,
        #[source]
        source: std::io::Error,
    },

    /// Not an encrypted file: it does not start with the sealed file's magic bytes.
    #[error("not an encrypted Dossier file")]
    NotSealed,

    /// An encrypted file in a format newer than this build reads.
    #[error("encrypted file format {found}; this build reads up to {supported}")]
    SealedUnsupported { found: u32, supported: u32 },

    /// An encrypted file that fails authentication: truncated, reordered, altered, or
    /// encrypted with another key. None of its content may be trusted.
    #[error("encrypted file altered, truncated or under another key")]
    SealedAltered,

    /// Encrypted data asked for without the key: the installation is locked.
    #[error("locked: unlock Dossier first")]
    Locked,

    /// Encryption asked to be turned on where it is on already.
    #[error("encryption is already on")]
    AlreadyOn,

    /// Encryption asked to be turned off (or a key used) where it is off.
    #[error("encryption is off")]
    AlreadyOff,

    /// The database does not open with the key the key file gave: not this installation's key
    /// file, or a damaged database. Named, never set aside or deleted.
    #[error("the database {path} does not open with this installation's key")]
    DatabaseKeyMismatch { path: PathBuf },

    /// A stored document's encrypted file fails authentication: altered, truncated, or sealed
    /// under another key. Never shown, never deleted.
    #[error("the stored file of “{title}” ({path}) fails authentication")]
    StoredFileAltered { title: String, path: PathBuf },

    /// Not enough free space to build the converted copy beside the current data.
    #[error("converting needs {needed_bytes} bytes free in {path}; {available_bytes} are")]
    NotEnoughSpace {
        path: PathBuf,
        needed_bytes: u64,
        available_bytes: u64,
    },

    /// A clear backup asked to be restored into an encrypted Dossier: it would put the data
    /// back in the clear. Refused before anything is touched.
    #[error("backup {id} is not encrypted, and this Dossier is")]
    ClearBackupWhileEncrypted { id: String },

    /// The operating system gave no random bytes.
    #[error("no random source (os error {code})")]
    RandomUnavailable { code: i32 },
}

/// What Dossier was doing with a file when the system refused. Each has its own catalogue key
/// (`failure.io.<snake_case name>`), so no sentence is built here.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize, specta::Type)]
#[serde(rename_all = "snake_case")]
pub enum IoOp {
    Read,
    Write,
    Open,
    Sync,
    SyncFolder,
    CreateFolder,
    ReadFolder,
    Remove,
    Rename,
    MoveAside,
    PutBack,
    Check,
    Copy,
    RecordWrite,
}

impl IoOp {
    /// Every operation, for the test that each has a catalogue key.
    pub const ALL: [IoOp; 14] = [
        IoOp::Read,
        IoOp::Write,
        IoOp::Open,
        IoOp::Sync,
        IoOp::SyncFolder,
        IoOp::CreateFolder,
        IoOp::ReadFolder,
        IoOp::Remove,
        IoOp::Rename,
        IoOp::MoveAside,
        IoOp::PutBack,
        IoOp::Check,
        IoOp::Copy,
        IoOp::RecordWrite,
    ];

    /// The name the wire and the catalogue use (`create_folder`).
    pub fn name(self) -> &'static str {
        match self {
            IoOp::Read => "read",
            IoOp::Write => "write",
            IoOp::Open => "open",
            IoOp::Sync => "sync",
            IoOp::SyncFolder => "sync_folder",
            IoOp::CreateFolder => "create_folder",
            IoOp::ReadFolder => "read_folder",
            IoOp::Remove => "remove",
            IoOp::Rename => "rename",
            IoOp::MoveAside => "move_aside",
            IoOp::PutBack => "put_back",
            IoOp::Check => "check",
            IoOp::Copy => "copy",
            IoOp::RecordWrite => "record_write",
        }
    }
}

/// The English of an [`Error::Io`], for logs and for callers without the catalogue; the UI
/// words the same failure from `failure.io.<op>`.
fn io_message(op: IoOp, path: &std::path::Path) -> String {
    let path = path.display();
    match op {
        IoOp::Read => format!("Could not read {path}"),
        IoOp::Write => format!("Could not write {path}"),
        IoOp::Open => format!("Could not open {path}"),
        IoOp::Sync => format!("Could not sync {path}"),
        IoOp::SyncFolder => format!("Could not sync folder {path}"),
        IoOp::CreateFolder => format!("Could not create the folder {path}"),
        IoOp::ReadFolder => format!("Could not read the folder {path}"),
        IoOp::Remove => format!("Could not remove {path}"),
        IoOp::Rename => format!("Could not move {path}"),
        IoOp::MoveAside => format!("Could not move {path} aside"),
        IoOp::PutBack => format!("Could not put back {path}"),
        IoOp::Check => format!("Could not check {path}"),
        IoOp::Copy => format!("Could not copy {path}"),
        IoOp::RecordWrite => format!("Could not record the write in {path}"),
    }
}

fn invalid_input_message(field: &str, reason: &str) -> String {
    let sentence = reason
        .chars()
        .next()
        .is_some_and(|c| c.is_uppercase() || matches!(c, '“' | '"' | '\u{2068}'));
    if sentence {
        reason.to_string()
    } else {
        format!("{field}: {reason}")
    }
}

fn fields_summary(fields: &[FieldError]) -> String {
    match fields {
        [one] => format!("Nothing was saved: {}", one.message),
        _ => format!("Nothing was saved: {} fields need attention.", fields.len()),
    }
}

impl Error {
    pub fn io(op: IoOp, path: impl Into<PathBuf>, source: std::io::Error) -> Self {
        Error::Io {
            op,
            path: path.into(),
            source,
        }
    }

    /// One field refused, as a code the window words; `message` is the English for logs.
    pub fn field(
        field: impl Into<String>,
        problem: FieldProblem,
        message: impl Into<String>,
    ) -> Self {
        Error::Invalid {
            fields: vec![FieldError::new(field, problem, message)],
        }
    }

    /// A text longer than `max` characters, refused with its length.
    pub fn too_long(field: impl Into<String>, text: &str, max: usize) -> Self {
        let field = field.into();
        let count = u32::try_from(text.chars().count()).unwrap_or(u32::MAX);
        let message = format!("{field}: at most {max} characters (it has {count})");
        let max = u32::try_from(max).unwrap_or(u32::MAX);
        Error::field(field, FieldProblem::TooLong { max, count }, message)
    }

    /// The code of a single refused field, when this is one: how tests compare refusals.
    pub fn field_problem(&self) -> Option<&FieldProblem> {
        match self {
            Error::Invalid { fields } if fields.len() == 1 => Some(&fields[0].problem),
            _ => None,
        }
    }

    pub fn invalid(field: impl Into<String>, reason: impl Into<String>) -> Self {
        Error::InvalidInput {
            field: field.into(),
            reason: reason.into(),
        }
    }

    /// The field errors of a refused form; empty for any other failure.
    pub fn field_errors(&self) -> &[FieldError] {
        match self {
            Error::Invalid { fields } => fields,
            _ => &[],
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
