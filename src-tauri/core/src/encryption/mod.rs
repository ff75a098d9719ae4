//! Encryption at rest (issue 16), composed from RustCrypto's crates only; nothing here is a
//! cipher or a key derivation of Dossier's own.
//!
//! - A random 256-bit [`MasterKey`] encrypts the data. It never changes while encryption is on,
//!   so changing the passphrase never re-encrypts gigabytes.
//! - The [`key_file`] keeps the master key wrapped twice with XChaCha20-Poly1305: once under a
//!   key Argon2id derives from the passphrase, once under one derived from the printable
//!   [`recovery`] key. The Argon2id parameters are stored beside each, so they can be raised later.
//! - [`sealed`] is the format of an encrypted file: the STREAM construction over
//!   XChaCha20-Poly1305 in 64 KiB chunks, so a truncated, reordered or altered file is an error,
//!   never content.
//!
//! Keys live in [`zeroize::Zeroizing`] buffers, wiped when dropped.

pub mod key_file;
pub mod recovery;
pub mod sealed;

use std::path::PathBuf;
use zeroize::Zeroizing;

/// Bytes in a master key (XChaCha20-Poly1305's key size).
pub const KEY_BYTES: usize = 32;

/// The key every encrypted file is encrypted with. Wiped from memory when dropped; never
/// printed (its `Debug` shows nothing of it).
#[derive(Clone)]
pub struct MasterKey(Zeroizing<[u8; KEY_BYTES]>);

impl MasterKey {
    /// A new key from the operating system's random source.
    pub fn generate() -> Result<MasterKey, EncryptionError> {
        let mut key = Zeroizing::new([0u8; KEY_BYTES]);
        random(key.as_mut())?;
        Ok(MasterKey(key))
    }

    pub(crate) fn from_bytes(bytes: &[u8]) -> Option<MasterKey> {
        let mut key = Zeroizing::new([0u8; KEY_BYTES]);
        if bytes.len() != KEY_BYTES {
            return None;
        }
        key.copy_from_slice(bytes);
        Some(MasterKey(key))
    }

    pub(crate) fn bytes(&self) -> &[u8; KEY_BYTES] {
        &self.0
    }
}

impl PartialEq for MasterKey {
    /// For tests: whether two unlocks gave the same key.
    fn eq(&self, other: &MasterKey) -> bool {
        self.0[..] == other.0[..]
    }
}

impl std::fmt::Debug for MasterKey {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str("MasterKey(…)")
    }
}

/// Fills `out` from the operating system's random source.
pub(crate) fn random(out: &mut [u8]) -> Result<(), EncryptionError> {
    getrandom::fill(out).map_err(|e| EncryptionError::RandomUnavailable {
        code: e.raw_os_error().unwrap_or_default(),
    })
}

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

    /// The operating system gave no random bytes.
    #[error("no random source (os error {code})")]
    RandomUnavailable { code: i32 },
}

impl EncryptionError {
    /// As an I/O error, for the sealed reader and writer, which are `Read` and `Write`; the
    /// typed error comes back with [`EncryptionError::from_io`].
    pub(crate) fn into_io(self) -> std::io::Error {
        std::io::Error::new(std::io::ErrorKind::InvalidData, self)
    }

    /// The typed error inside an I/O error made by [`EncryptionError::into_io`], if it is one.
    pub fn from_io(e: &std::io::Error) -> Option<&EncryptionError> {
        e.get_ref()?.downcast_ref::<EncryptionError>()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn master_keys_are_random_and_never_printed() {
        let a = MasterKey::generate().unwrap();
        let b = MasterKey::generate().unwrap();
        assert_ne!(a, b);
        assert_ne!(a.bytes(), &[0u8; KEY_BYTES]);
        assert_eq!(format!("{a:?}"), "MasterKey(…)");
    }
}
