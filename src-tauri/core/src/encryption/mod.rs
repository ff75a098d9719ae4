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

pub mod at_rest;
pub mod key_file;
pub mod recovery;
pub mod sealed;

use zeroize::Zeroizing;

/// The associated data every vault object is sealed with (see the vault's objects).
pub const VAULT_BINDING: &[u8] = b"dossier vault object 1";

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

    /// A key for one use only, derived from this one with HKDF-SHA256 (RFC 5869): the database
    /// and the vault files never share a key, and neither is the master key itself.
    fn derive(&self, info: &[u8]) -> MasterKey {
        let mut out = Zeroizing::new([0u8; KEY_BYTES]);
        hkdf::Hkdf::<sha2::Sha256>::new(None, self.0.as_ref())
            .expand(info, out.as_mut())
            .expect("32 bytes is a valid HKDF-SHA256 length");
        MasterKey(out)
    }

    /// The key SQLCipher encrypts the database with.
    pub(crate) fn database_key(&self) -> MasterKey {
        self.derive(b"dossier 1 database (sqlcipher raw key)")
    }

    /// The key vault files are sealed with.
    pub(crate) fn vault_key(&self) -> MasterKey {
        self.derive(b"dossier 1 vault files (sealed stream)")
    }

    /// A name for the objects sealed under this key, safe to write in the clear (HKDF is one
    /// way): a backup folder keeps the sealed objects of each key apart, so an object sealed
    /// under an earlier key (encryption turned off and on again) is never reused for a backup
    /// whose key file opens another.
    pub(crate) fn pool_id(&self) -> String {
        let id = self.derive(b"dossier 1 backup object pool (public name)");
        data_encoding::HEXLOWER.encode(&id.0[..8])
    }

    /// The `PRAGMA key` value of a raw 256-bit SQLCipher key: `x'<64 hex digits>'`, so that
    /// SQLCipher uses it as it is, without its own key derivation.
    pub(crate) fn sqlcipher_pragma(&self) -> Zeroizing<String> {
        let mut text = Zeroizing::new(String::with_capacity(3 + 2 * KEY_BYTES));
        text.push_str("x'");
        text.push_str(&Zeroizing::new(
            data_encoding::HEXLOWER.encode(self.0.as_ref()),
        ));
        text.push('\'');
        text
    }
}

impl PartialEq for MasterKey {
    /// For tests: whether two unlocks gave the same key.
    fn eq(&self, other: &MasterKey) -> bool {
        self.0[..] == other.0[..]
    }
}

impl Eq for MasterKey {}

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

pub use crate::error::EncryptionError;

/// Keys a new connection for SQLCipher with the database key derived from the master key; the
/// first statement on the connection, as SQLCipher requires. Every connection the core opens
/// on an encrypted database goes through here (a connection is also what `VACUUM INTO` and
/// `ATTACH` copies inherit their key from).
pub(crate) fn apply_key(conn: &rusqlite::Connection, master: &MasterKey) -> crate::Result<()> {
    let pragma = master.database_key().sqlcipher_pragma();
    let mut sql = zeroize::Zeroizing::new(String::with_capacity(pragma.len() + 16));
    sql.push_str("PRAGMA key = \"");
    sql.push_str(&pragma);
    sql.push_str("\";");
    conn.execute_batch(&sql)?;
    Ok(())
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
