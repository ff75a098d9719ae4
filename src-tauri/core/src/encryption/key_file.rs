//! The key file: the master key, wrapped once for the passphrase and once for the recovery key.
//! It is small JSON, versioned, and holds everything needed to unwrap, and nothing secret in
//! the clear:
//!
//! ```json
//! { "format": 1,
//!   "slots": [
//!     { "unlocks_with": "passphrase",
//!       "kdf": { "algorithm": "argon2id", "version": 19, "memory_kib": 65536,
//!                "iterations": 3, "lanes": 1 },
//!       "salt": "<16 bytes, hex>", "nonce": "<24 bytes, hex>",
//!       "wrapped_key": "<32 bytes + 16-byte tag, hex>" },
//!     { "unlocks_with": "recovery_key", … } ] }
//! ```
//!
//! Each slot's key comes from Argon2id over the secret and the slot's salt; the master key is
//! sealed under it with XChaCha20-Poly1305, whose associated data binds the slot's kind and
//! parameters, so a slot edited to weaker parameters no longer opens. Changing the passphrase
//! writes a new passphrase slot (new salt, new nonce) and keeps the rest.
//!
//! A passphrase is put in Unicode's composed form (NFC) before Argon2id, so that "é" typed as
//! one code point or as "e" and a combining accent (keyboards and input methods differ) opens
//! the same slot; such a slot says `"normalization": "nfc"`. Slots written before that took the
//! bytes as typed and have no such field: they still open (see [`KeyFile::unlock_with_passphrase`]),
//! and [`KeyFile::passphrase_slot_is_normalised`] tells the caller to write them again.

use super::recovery::RecoveryKey;
use super::{EncryptionError, MasterKey, random};
use crate::{Result, fsio};
use argon2::{Algorithm, Argon2, Params, Version};
use chacha20poly1305::aead::{Aead, KeyInit, Payload};
use chacha20poly1305::{XChaCha20Poly1305, XNonce};
use data_encoding::HEXLOWER;
use icu_normalizer::{ComposingNormalizerBorrowed, DecomposingNormalizerBorrowed};
use serde::{Deserialize, Serialize};
use std::path::{Path, PathBuf};
use zeroize::Zeroizing;

/// The key file's name in the data folder.
pub const KEY_FILE: &str = "dossier.key";
/// The key file format this build writes and reads.
pub const FORMAT: u32 = 1;
/// Argon2's version 1.3, the only one this build writes.
const ARGON2_VERSION: u32 = 0x13;
const SALT_BYTES: usize = 16;
const NONCE_BYTES: usize = 24;
const WRAPPED_BYTES: usize = super::KEY_BYTES + 16;

/// How costly each unlock is. Stored with every slot: raising the defaults later makes new
/// slots costlier while old ones still open with what they were made with.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub struct KdfParams {
    /// Memory Argon2id fills, in KiB.
    pub memory_kib: u32,
    /// Passes over that memory.
    pub iterations: u32,
    /// Lanes (parallelism).
    pub lanes: u32,
}

impl KdfParams {
    /// What new slots use: 64 MiB, the issue's floor, and the passes that make an unlock take
    /// about half a second of CPU on the development machine (an AMD EPYC core, December 2026:
    /// 8 passes cost about 600 ms with the core built at `opt-level = "z"` as today, about
    /// 340 ms at `opt-level = 3`; `bench_encryption` prints `unlock_cpu_ms`). One lane: the
    /// time is what an attacker pays per guess too, and more lanes would only split it across
    /// cores the webview also needs at start.
    pub const DEFAULT: KdfParams = KdfParams {
        memory_kib: 64 * 1024,
        iterations: 8,
        lanes: 1,
    };

    /// For tests only: valid, and quick.
    #[doc(hidden)]
    pub const FAST_FOR_TESTS: KdfParams = KdfParams {
        memory_kib: 256,
        iterations: 1,
        lanes: 1,
    };

    fn argon2(&self) -> Option<Argon2<'static>> {
        let params = Params::new(
            self.memory_kib,
            self.iterations,
            self.lanes,
            Some(super::KEY_BYTES),
        )
        .ok()?;
        Some(Argon2::new(Algorithm::Argon2id, Version::V0x13, params))
    }
}

// The issue's floor, checked where the build fails rather than where a test might be skipped.
const _: () = assert!(KdfParams::DEFAULT.memory_kib >= 64 * 1024);

/// What a slot's secret is.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum UnlocksWith {
    Passphrase,
    RecoveryKey,
}

impl UnlocksWith {
    fn name(self) -> &'static str {
        match self {
            UnlocksWith::Passphrase => "passphrase",
            UnlocksWith::RecoveryKey => "recovery_key",
        }
    }
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
struct Kdf {
    algorithm: String,
    version: u32,
    #[serde(flatten)]
    params: KdfParams,
}

/// How a slot's secret was made into bytes before Argon2id.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
enum Normalization {
    /// Unicode Normalization Form C, of a passphrase.
    Nfc,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
struct Slot {
    unlocks_with: UnlocksWith,
    kdf: Kdf,
    /// Absent: the bytes as given (recovery keys, and passphrase slots from before NFC).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    normalization: Option<Normalization>,
    salt: String,
    nonce: String,
    wrapped_key: String,
}

/// A key file, as read or about to be written.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct KeyFile {
    format: u32,
    slots: Vec<Slot>,
}

impl KeyFile {
    /// A key file for `master`, opened by `passphrase` and by `recovery`. Costs two Argon2id
    /// runs.
    pub fn create(
        master: &MasterKey,
        passphrase: &[u8],
        recovery: &RecoveryKey,
        params: KdfParams,
    ) -> std::result::Result<KeyFile, EncryptionError> {
        if passphrase.is_empty() {
            return Err(EncryptionError::PassphraseEmpty);
        }
        Ok(KeyFile {
            format: FORMAT,
            slots: vec![
                Slot::wrap_passphrase(master, passphrase, params)?,
                Slot::wrap(
                    master,
                    UnlocksWith::RecoveryKey,
                    recovery.secret(),
                    None,
                    params,
                )?,
            ],
        })
    }

    /// The master key, if `passphrase` is the one, in whichever Unicode form it was typed. A
    /// wrong one costs the Argon2id time and nothing else.
    ///
    /// A slot from before normalisation holds the bytes typed when it was made, in a form we
    /// cannot know: the bytes given are tried, then their composed and decomposed forms where
    /// these differ (only passphrases with accents or other combining marks; an ASCII one costs
    /// one run as always).
    pub fn unlock_with_passphrase(
        &self,
        passphrase: &[u8],
    ) -> std::result::Result<MasterKey, EncryptionError> {
        let slot = self.slot(UnlocksWith::Passphrase)?;
        let found = match slot.normalization {
            Some(Normalization::Nfc) => slot.unwrap(&nfc(passphrase)),
            None => {
                let mut tried: Vec<Zeroizing<Vec<u8>>> = Vec::with_capacity(3);
                let mut found = None;
                for form in [
                    Zeroizing::new(passphrase.to_vec()),
                    nfc(passphrase),
                    nfd(passphrase),
                ] {
                    if tried.contains(&form) {
                        continue;
                    }
                    found = slot.unwrap(&form);
                    if found.is_some() {
                        break;
                    }
                    tried.push(form);
                }
                found
            }
        };
        found.ok_or(EncryptionError::WrongPassphrase)
    }

    /// Whether the passphrase slot was made from the passphrase's composed form. One that was
    /// not should be written again ([`KeyFile::with_new_passphrase`] with the same passphrase)
    /// after it opened, so that any form of the passphrase opens it from then on.
    pub fn passphrase_slot_is_normalised(&self) -> bool {
        self.slot(UnlocksWith::Passphrase)
            .is_ok_and(|s| s.normalization == Some(Normalization::Nfc))
    }

    /// The master key, if `recovery` is this installation's recovery key.
    pub fn unlock_with_recovery_key(
        &self,
        recovery: &RecoveryKey,
    ) -> std::result::Result<MasterKey, EncryptionError> {
        self.slot(UnlocksWith::RecoveryKey)?
            .unwrap(recovery.secret())
            .ok_or(EncryptionError::WrongRecoveryKey)
    }

    /// This key file with a new passphrase for the same master key: only the passphrase slot
    /// is made again, the recovery key still opens it, and no data is re-encrypted. `master`
    /// comes from an unlock, with the old passphrase or the recovery key.
    pub fn with_new_passphrase(
        &self,
        master: &MasterKey,
        passphrase: &[u8],
        params: KdfParams,
    ) -> std::result::Result<KeyFile, EncryptionError> {
        if passphrase.is_empty() {
            return Err(EncryptionError::PassphraseEmpty);
        }
        self.with_slot(Slot::wrap_passphrase(master, passphrase, params)?)
    }

    /// This key file with its passphrase slot made from `passphrase`'s bytes as they are, as
    /// Dossier wrote key files before passphrases were normalised: for the tests of opening
    /// and upgrading such files only.
    #[doc(hidden)]
    pub fn with_passphrase_as_typed_for_tests(
        &self,
        master: &MasterKey,
        passphrase: &[u8],
        params: KdfParams,
    ) -> std::result::Result<KeyFile, EncryptionError> {
        self.with_slot(Slot::wrap(
            master,
            UnlocksWith::Passphrase,
            passphrase,
            None,
            params,
        )?)
    }

    /// This key file with a new recovery key (the old one stops working).
    pub fn with_new_recovery_key(
        &self,
        master: &MasterKey,
        recovery: &RecoveryKey,
        params: KdfParams,
    ) -> std::result::Result<KeyFile, EncryptionError> {
        self.with_slot(Slot::wrap(
            master,
            UnlocksWith::RecoveryKey,
            recovery.secret(),
            None,
            params,
        )?)
    }

    /// The parameters the slot for `secret` was made with, to tell whether it is time to raise
    /// them.
    pub fn params(&self, secret: UnlocksWith) -> Option<KdfParams> {
        self.slots
            .iter()
            .find(|s| s.unlocks_with == secret)
            .map(|s| s.kdf.params)
    }

    pub fn to_bytes(&self) -> Vec<u8> {
        serde_json::to_vec_pretty(self).expect("a key file is plain data")
    }

    /// Reads a key file from its bytes; `path` names it in errors. Everything is checked here
    /// (format, sizes, parameters), so an unlock meets only the question of the secret.
    pub fn from_bytes(bytes: &[u8], path: &Path) -> std::result::Result<KeyFile, EncryptionError> {
        let damaged = || EncryptionError::KeyFileDamaged {
            path: path.to_path_buf(),
        };
        #[derive(Deserialize)]
        struct Head {
            format: u32,
        }
        let head: Head = serde_json::from_slice(bytes).map_err(|_| damaged())?;
        if head.format > FORMAT {
            return Err(EncryptionError::KeyFileUnsupported {
                path: path.to_path_buf(),
                found: head.format,
                supported: FORMAT,
            });
        }
        let file: KeyFile = serde_json::from_slice(bytes).map_err(|_| damaged())?;
        if file.format != FORMAT {
            return Err(damaged());
        }
        for kind in [UnlocksWith::Passphrase, UnlocksWith::RecoveryKey] {
            if file.slots.iter().filter(|s| s.unlocks_with == kind).count() != 1 {
                return Err(damaged());
            }
        }
        for slot in &file.slots {
            if slot.kdf.algorithm != "argon2id" || slot.kdf.version != ARGON2_VERSION {
                return Err(EncryptionError::KeyFileUnsupported {
                    path: path.to_path_buf(),
                    found: file.format,
                    supported: FORMAT,
                });
            }
            let sized =
                |hex: &str, n: usize| HEXLOWER.decode(hex.as_bytes()).is_ok_and(|b| b.len() == n);
            if !(sized(&slot.salt, SALT_BYTES)
                && sized(&slot.nonce, NONCE_BYTES)
                && sized(&slot.wrapped_key, WRAPPED_BYTES)
                && slot.kdf.params.argon2().is_some())
            {
                return Err(damaged());
            }
        }
        Ok(file)
    }

    /// Reads the key file at `path`.
    pub fn read(path: &Path) -> std::result::Result<KeyFile, EncryptionError> {
        let bytes = std::fs::read(path).map_err(|source| EncryptionError::KeyFileUnreadable {
            path: path.to_path_buf(),
            source,
        })?;
        KeyFile::from_bytes(&bytes, path)
    }

    /// Writes the key file at `path` atomically (and private, as every file Dossier writes).
    pub fn write(&self, path: &Path) -> Result<()> {
        fsio::write_atomic(path, &self.to_bytes())
    }

    /// Where the key file of the data folder `data_dir` is.
    pub fn path_in(data_dir: &Path) -> PathBuf {
        data_dir.join(KEY_FILE)
    }

    fn slot(&self, kind: UnlocksWith) -> std::result::Result<&Slot, EncryptionError> {
        // `from_bytes` made sure each kind is there once; a file built in memory always is.
        self.slots
            .iter()
            .find(|s| s.unlocks_with == kind)
            .ok_or(EncryptionError::KeyFileDamaged {
                path: PathBuf::from(KEY_FILE),
            })
    }

    fn with_slot(&self, slot: Slot) -> std::result::Result<KeyFile, EncryptionError> {
        let mut file = self.clone();
        file.slots.retain(|s| s.unlocks_with != slot.unlocks_with);
        file.slots.push(slot);
        file.slots.sort_by_key(|s| s.unlocks_with.name());
        Ok(file)
    }
}

impl Slot {
    fn wrap_passphrase(
        master: &MasterKey,
        passphrase: &[u8],
        params: KdfParams,
    ) -> std::result::Result<Slot, EncryptionError> {
        Slot::wrap(
            master,
            UnlocksWith::Passphrase,
            &nfc(passphrase),
            Some(Normalization::Nfc),
            params,
        )
    }

    fn wrap(
        master: &MasterKey,
        unlocks_with: UnlocksWith,
        secret: &[u8],
        normalization: Option<Normalization>,
        params: KdfParams,
    ) -> std::result::Result<Slot, EncryptionError> {
        let mut salt = [0u8; SALT_BYTES];
        let mut nonce = [0u8; NONCE_BYTES];
        random(&mut salt)?;
        random(&mut nonce)?;
        let kdf = Kdf {
            algorithm: "argon2id".into(),
            version: ARGON2_VERSION,
            params,
        };
        let wrapping = derive(&kdf, secret, &salt).ok_or(EncryptionError::KeyFileDamaged {
            path: PathBuf::from(KEY_FILE),
        })?;
        let aad = associated_data(unlocks_with, &kdf, normalization);
        let wrapped = cipher(&wrapping)
            .encrypt(
                &XNonce::from(nonce),
                Payload {
                    msg: master.bytes(),
                    aad: &aad,
                },
            )
            .expect("XChaCha20-Poly1305 seals 32 bytes");
        Ok(Slot {
            unlocks_with,
            kdf,
            normalization,
            salt: HEXLOWER.encode(&salt),
            nonce: HEXLOWER.encode(&nonce),
            wrapped_key: HEXLOWER.encode(&wrapped),
        })
    }

    /// The master key, or `None` when `secret` is not this slot's (or the slot was altered).
    fn unwrap(&self, secret: &[u8]) -> Option<MasterKey> {
        let salt = HEXLOWER.decode(self.salt.as_bytes()).ok()?;
        let nonce: [u8; NONCE_BYTES] = HEXLOWER
            .decode(self.nonce.as_bytes())
            .ok()?
            .try_into()
            .ok()?;
        let wrapped = HEXLOWER.decode(self.wrapped_key.as_bytes()).ok()?;
        let wrapping = derive(&self.kdf, secret, &salt)?;
        let aad = associated_data(self.unlocks_with, &self.kdf, self.normalization);
        let master = Zeroizing::new(
            cipher(&wrapping)
                .decrypt(
                    &XNonce::from(nonce),
                    Payload {
                        msg: &wrapped,
                        aad: &aad,
                    },
                )
                .ok()?,
        );
        MasterKey::from_bytes(&master)
    }
}

/// Argon2id of `secret` with `salt`: the key a slot is wrapped under.
fn derive(kdf: &Kdf, secret: &[u8], salt: &[u8]) -> Option<Zeroizing<[u8; super::KEY_BYTES]>> {
    let mut out = Zeroizing::new([0u8; super::KEY_BYTES]);
    kdf.params
        .argon2()?
        .hash_password_into(secret, salt, out.as_mut())
        .ok()?;
    Some(out)
}

fn cipher(key: &[u8; super::KEY_BYTES]) -> XChaCha20Poly1305 {
    XChaCha20Poly1305::new_from_slice(key).expect("a 32-byte key")
}

/// What a wrapped key is bound to besides its secret: the file format, the slot's kind, its
/// parameters and its normalisation (so the field cannot be removed to make a slot try other
/// forms). Not secret, and never shown. Slots without normalisation keep the binding they were
/// written with.
fn associated_data(kind: UnlocksWith, kdf: &Kdf, normalization: Option<Normalization>) -> Vec<u8> {
    let mut aad = format!(
        "dossier key file {FORMAT}/{}/{}/{}/{}/{}/{}",
        kind.name(),
        kdf.algorithm,
        kdf.version,
        kdf.params.memory_kib,
        kdf.params.iterations,
        kdf.params.lanes
    );
    if normalization == Some(Normalization::Nfc) {
        aad.push_str("/nfc");
    }
    aad.into_bytes()
}

/// A passphrase's composed form (NFC). Bytes that are not UTF-8 have no Unicode form and are
/// taken as they are.
fn nfc(passphrase: &[u8]) -> Zeroizing<Vec<u8>> {
    normalised(passphrase, |text| {
        ComposingNormalizerBorrowed::new_nfc()
            .normalize(text)
            .into_owned()
    })
}

/// A passphrase's decomposed form (NFD): only for slots from before normalisation.
fn nfd(passphrase: &[u8]) -> Zeroizing<Vec<u8>> {
    normalised(passphrase, |text| {
        DecomposingNormalizerBorrowed::new_nfd()
            .normalize(text)
            .into_owned()
    })
}

fn normalised(passphrase: &[u8], form: impl Fn(&str) -> String) -> Zeroizing<Vec<u8>> {
    match std::str::from_utf8(passphrase) {
        Ok(text) => Zeroizing::new(form(text).into_bytes()),
        Err(_) => Zeroizing::new(passphrase.to_vec()),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    const FAST: KdfParams = KdfParams::FAST_FOR_TESTS;

    fn made() -> (MasterKey, RecoveryKey, KeyFile) {
        let master = MasterKey::generate().unwrap();
        let recovery = RecoveryKey::generate().unwrap();
        let file = KeyFile::create(&master, b"correct horse battery", &recovery, FAST).unwrap();
        (master, recovery, file)
    }

    #[test]
    fn the_passphrase_unlocks_and_a_wrong_one_is_refused() {
        let (master, _, file) = made();
        assert_eq!(
            file.unlock_with_passphrase(b"correct horse battery")
                .unwrap(),
            master
        );
        for wrong in [
            "correct horse batter",
            "Correct horse battery",
            "",
            "correct horse battery ",
        ] {
            assert!(matches!(
                file.unlock_with_passphrase(wrong.as_bytes()),
                Err(EncryptionError::WrongPassphrase)
            ));
        }
    }

    #[test]
    fn the_recovery_key_unlocks_as_printed_and_another_one_does_not() {
        let (master, recovery, file) = made();
        let typed = RecoveryKey::parse(&recovery.to_text()).unwrap();
        assert_eq!(file.unlock_with_recovery_key(&typed).unwrap(), master);
        let other = RecoveryKey::generate().unwrap();
        assert!(matches!(
            file.unlock_with_recovery_key(&other),
            Err(EncryptionError::WrongRecoveryKey)
        ));
        // The passphrase slot does not take the recovery key, nor the other way round.
        assert!(
            file.unlock_with_passphrase(recovery.to_text().as_bytes())
                .is_err()
        );
    }

    #[test]
    fn a_new_passphrase_keeps_the_master_key_and_the_recovery_key() {
        let (master, recovery, file) = made();
        let before = file
            .slots
            .iter()
            .find(|s| s.unlocks_with == UnlocksWith::RecoveryKey)
            .cloned();
        let unlocked = file
            .unlock_with_passphrase(b"correct horse battery")
            .unwrap();
        let changed = file
            .with_new_passphrase(&unlocked, b"a new one", FAST)
            .unwrap();
        assert_eq!(
            changed.unlock_with_passphrase(b"a new one").unwrap(),
            master
        );
        assert!(matches!(
            changed.unlock_with_passphrase(b"correct horse battery"),
            Err(EncryptionError::WrongPassphrase)
        ));
        assert_eq!(changed.unlock_with_recovery_key(&recovery).unwrap(), master);
        let after = changed
            .slots
            .iter()
            .find(|s| s.unlocks_with == UnlocksWith::RecoveryKey)
            .cloned();
        assert_eq!(before, after, "only the passphrase slot was made again");
        assert!(matches!(
            changed.with_new_passphrase(&master, b"", FAST),
            Err(EncryptionError::PassphraseEmpty)
        ));

        let new_recovery = RecoveryKey::generate().unwrap();
        let rekeyed = changed
            .with_new_recovery_key(&master, &new_recovery, FAST)
            .unwrap();
        assert_eq!(
            rekeyed.unlock_with_recovery_key(&new_recovery).unwrap(),
            master
        );
        assert!(rekeyed.unlock_with_recovery_key(&recovery).is_err());
    }

    #[test]
    fn the_file_and_its_parameters_round_trip_and_can_be_raised() {
        let (master, recovery, file) = made();
        let path = Path::new("/data/dossier.key");
        let read = KeyFile::from_bytes(&file.to_bytes(), path).unwrap();
        assert_eq!(read, file);
        assert_eq!(read.params(UnlocksWith::Passphrase), Some(FAST));
        assert_eq!(read.unlock_with_recovery_key(&recovery).unwrap(), master);

        let raised = KdfParams {
            memory_kib: 512,
            iterations: 2,
            lanes: 2,
        };
        let stronger = read
            .with_new_passphrase(&master, b"correct horse battery", raised)
            .unwrap();
        let again = KeyFile::from_bytes(&stronger.to_bytes(), path).unwrap();
        assert_eq!(again.params(UnlocksWith::Passphrase), Some(raised));
        assert_eq!(again.params(UnlocksWith::RecoveryKey), Some(FAST));
        assert_eq!(
            again
                .unlock_with_passphrase(b"correct horse battery")
                .unwrap(),
            master
        );
        assert_eq!(again.format, FORMAT);
        assert_eq!(
            KeyFile::path_in(Path::new("/data")),
            Path::new("/data/dossier.key")
        );
    }

    const COMPOSED: &str = "Caf\u{e9} cr\u{e8}me \u{1e69}"; // é, è, ṩ as one code point each
    const DECOMPOSED: &str = "Cafe\u{301} cre\u{300}me s\u{323}\u{307}";

    #[test]
    fn a_passphrase_opens_in_either_unicode_form_whichever_it_was_made_with() {
        assert_ne!(COMPOSED.as_bytes(), DECOMPOSED.as_bytes());
        let recovery = RecoveryKey::generate().unwrap();
        for made_with in [COMPOSED, DECOMPOSED] {
            let master = MasterKey::generate().unwrap();
            let file = KeyFile::create(&master, made_with.as_bytes(), &recovery, FAST).unwrap();
            assert!(file.passphrase_slot_is_normalised());
            assert!(
                String::from_utf8(file.to_bytes())
                    .unwrap()
                    .contains("\"normalization\": \"nfc\"")
            );
            let read = KeyFile::from_bytes(&file.to_bytes(), Path::new("k")).unwrap();
            for typed in [COMPOSED, DECOMPOSED] {
                assert_eq!(
                    read.unlock_with_passphrase(typed.as_bytes()).unwrap(),
                    master
                );
            }
            assert!(matches!(
                read.unlock_with_passphrase("Cafe cre\u{300}me s\u{323}\u{307}".as_bytes()),
                Err(EncryptionError::WrongPassphrase)
            ));
            let changed = read
                .with_new_passphrase(&master, DECOMPOSED.as_bytes(), FAST)
                .unwrap();
            assert!(changed.passphrase_slot_is_normalised());
            assert_eq!(
                changed.unlock_with_passphrase(COMPOSED.as_bytes()).unwrap(),
                master
            );
        }
    }

    #[test]
    fn a_key_file_from_before_normalisation_opens_in_either_form_and_is_upgraded() {
        let master = MasterKey::generate().unwrap();
        let recovery = RecoveryKey::generate().unwrap();
        let new = KeyFile::create(&master, b"x", &recovery, FAST).unwrap();
        for made_with in [COMPOSED, DECOMPOSED] {
            let old = new
                .with_passphrase_as_typed_for_tests(&master, made_with.as_bytes(), FAST)
                .unwrap();
            let text = String::from_utf8(old.to_bytes()).unwrap();
            assert!(
                !text.contains("normalization"),
                "the old format: no such field"
            );
            let read = KeyFile::from_bytes(text.as_bytes(), Path::new("k")).unwrap();
            assert!(!read.passphrase_slot_is_normalised());
            for typed in [COMPOSED, DECOMPOSED] {
                assert_eq!(
                    read.unlock_with_passphrase(typed.as_bytes()).unwrap(),
                    master
                );
            }
            assert!(matches!(
                read.unlock_with_passphrase(b"Cafe creme s"),
                Err(EncryptionError::WrongPassphrase)
            ));
            // What `at_rest::unlock` does after such an unlock: the same passphrase, wrapped
            // again, now in NFC.
            let upgraded = read
                .with_new_passphrase(&master, made_with.as_bytes(), FAST)
                .unwrap();
            assert!(upgraded.passphrase_slot_is_normalised());
            for typed in [COMPOSED, DECOMPOSED] {
                assert_eq!(
                    upgraded.unlock_with_passphrase(typed.as_bytes()).unwrap(),
                    master
                );
            }
            assert_eq!(
                upgraded.unlock_with_recovery_key(&recovery).unwrap(),
                master
            );
        }
    }

    #[test]
    fn the_normalisation_field_cannot_be_taken_off_a_slot() {
        let (_, _, file) = made();
        let text = String::from_utf8(file.to_bytes()).unwrap();
        let stripped = text.replacen("\"normalization\": \"nfc\",", "", 1);
        assert_ne!(stripped, text);
        let read = KeyFile::from_bytes(stripped.as_bytes(), Path::new("k")).unwrap();
        assert!(matches!(
            read.unlock_with_passphrase(b"correct horse battery"),
            Err(EncryptionError::WrongPassphrase)
        ));
    }

    #[test]
    fn the_default_parameters_are_ones_argon2_takes() {
        assert!(KdfParams::DEFAULT.argon2().is_some());
    }

    #[test]
    fn weakened_parameters_no_longer_open_the_slot() {
        let (_, _, file) = made();
        let text = String::from_utf8(file.to_bytes()).unwrap();
        // Same valid shape, fewer passes: the derived key differs, and the binding refuses it.
        let weakened = text.replacen("\"iterations\": 1", "\"iterations\": 2", 1);
        assert_ne!(weakened, text);
        let read = KeyFile::from_bytes(weakened.as_bytes(), Path::new("k")).unwrap();
        assert!(matches!(
            read.unlock_with_passphrase(b"correct horse battery"),
            Err(EncryptionError::WrongPassphrase)
        ));
    }

    #[test]
    fn a_damaged_file_is_named_and_never_panics() {
        let (_, _, file) = made();
        let path = Path::new("/data/dossier.key");
        let good = file.to_bytes();
        let mut cases: Vec<Vec<u8>> = vec![
            Vec::new(),
            b"{".to_vec(),
            b"null".to_vec(),
            b"{\"format\": 1}".to_vec(),
            good[..good.len() / 2].to_vec(),
        ];
        let text = String::from_utf8(good.clone()).unwrap();
        let nonce_at = text.find("\"nonce\": \"").unwrap() + 10;
        cases.push(format!("{}{}", &text[..nonce_at], &text[nonce_at + 2..]).into_bytes());
        cases.push(
            text.replacen("\"memory_kib\": 256", "\"memory_kib\": 0", 1)
                .into_bytes(),
        );
        cases.push(
            text.replacen(
                "\"unlocks_with\": \"recovery_key\"",
                "\"unlocks_with\": \"passphrase\"",
                1,
            )
            .into_bytes(),
        );
        cases.push(
            text.replacen("\"salt\": \"", "\"salt\": \"zz", 1)
                .into_bytes(),
        );
        // Every single byte flipped: refused as damaged, or read and then refusing to unlock.
        for at in 0..good.len() {
            let mut flipped = good.clone();
            flipped[at] ^= 0x01;
            cases.push(flipped);
        }
        for bytes in &cases {
            match KeyFile::from_bytes(bytes, path) {
                Err(EncryptionError::KeyFileDamaged { path: p }) => assert_eq!(p, path),
                Err(EncryptionError::KeyFileUnsupported { .. }) => {}
                Err(other) => panic!("{other:?}"),
                Ok(read) => {
                    // A flip inside a hex digit's case or in white space may still read; what
                    // it unlocks is then the same key, or nothing.
                    if let Ok(key) = read.unlock_with_passphrase(b"correct horse battery") {
                        assert_eq!(
                            Some(key.clone()),
                            file.unlock_with_passphrase(b"correct horse battery").ok()
                        );
                    }
                }
            }
        }
    }

    #[test]
    fn a_file_from_a_newer_dossier_says_so() {
        let (_, _, file) = made();
        let text = String::from_utf8(file.to_bytes()).unwrap();
        let newer = text.replacen("\"format\": 1", "\"format\": 2", 1);
        assert!(matches!(
            KeyFile::from_bytes(newer.as_bytes(), Path::new("k")),
            Err(EncryptionError::KeyFileUnsupported {
                found: 2,
                supported: 1,
                ..
            })
        ));
        let other_kdf = text.replace("\"argon2id\"", "\"scrypt\"");
        assert!(matches!(
            KeyFile::from_bytes(other_kdf.as_bytes(), Path::new("k")),
            Err(EncryptionError::KeyFileUnsupported { .. })
        ));
    }

    #[test]
    fn a_missing_key_file_is_named() {
        let dir = tempfile::tempdir().unwrap();
        let path = KeyFile::path_in(dir.path());
        assert!(matches!(
            KeyFile::read(&path),
            Err(EncryptionError::KeyFileUnreadable { path: p, .. }) if p == path
        ));
        let (master, _, file) = made();
        file.write(&path).unwrap();
        assert_eq!(
            KeyFile::read(&path)
                .unwrap()
                .unlock_with_passphrase(b"correct horse battery")
                .unwrap(),
            master
        );
    }
}
