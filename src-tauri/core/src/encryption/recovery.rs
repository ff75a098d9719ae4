//! The recovery key: 160 random bits the candidate prints or writes down once, which unlock the
//! master key when the passphrase is lost. Written in Crockford's base32 (digits and capitals,
//! no I, L, O or U, so nothing reads as something else), in groups of five, with a checksum so
//! a typing mistake is told apart from a wrong key:
//! `7K3QD-M9XW2-…` (8 groups, 40 characters). Case, spaces and dashes do not matter when it is
//! typed back, and I, L and O are read as 1, 1 and 0.

use super::{EncryptionError, random};
use data_encoding::{Encoding, Specification};
use sha2::{Digest, Sha256};
use zeroize::Zeroizing;

/// Random bytes in a recovery key: 160 bits, beyond any guessing even without Argon2.
pub const SECRET_BYTES: usize = 20;
/// Checksum bytes appended before encoding: a mistyped key passes with odds of 1 in 2^40.
const CHECK_BYTES: usize = 5;
const GROUP: usize = 5;
const ALPHABET: &str = "0123456789ABCDEFGHJKMNPQRSTVWXYZ";
/// Binds the checksum to its purpose, so no other SHA-256 in Dossier is confused with it.
const CHECK_DOMAIN: &[u8] = b"dossier recovery key v1";

fn crockford() -> Encoding {
    let mut spec = Specification::new();
    spec.symbols.push_str(ALPHABET);
    spec.encoding()
        .expect("a 32-symbol alphabet is a valid base32")
}

/// A recovery key. Wiped from memory when dropped; its `Debug` shows nothing of it.
pub struct RecoveryKey {
    secret: Zeroizing<[u8; SECRET_BYTES]>,
}

impl RecoveryKey {
    /// A new key from the operating system's random source, to be shown once.
    pub fn generate() -> Result<RecoveryKey, EncryptionError> {
        let mut secret = Zeroizing::new([0u8; SECRET_BYTES]);
        random(secret.as_mut())?;
        Ok(RecoveryKey { secret })
    }

    /// The key as the candidate typed it back. A checksum that fails, or a length that is not
    /// the key's, is a typing mistake ([`EncryptionError::RecoveryKeyMistyped`]).
    pub fn parse(typed: &str) -> Result<RecoveryKey, EncryptionError> {
        let normalised: Zeroizing<String> = Zeroizing::new(
            typed
                .chars()
                .filter(|c| !c.is_whitespace() && *c != '-')
                .map(|c| match c.to_ascii_uppercase() {
                    'I' | 'L' => '1',
                    'O' => '0',
                    other => other,
                })
                .collect(),
        );
        let bytes = Zeroizing::new(
            crockford()
                .decode(normalised.as_bytes())
                .map_err(|_| EncryptionError::RecoveryKeyMistyped)?,
        );
        if bytes.len() != SECRET_BYTES + CHECK_BYTES {
            return Err(EncryptionError::RecoveryKeyMistyped);
        }
        let (secret_part, check) = bytes.split_at(SECRET_BYTES);
        if checksum(secret_part) != check {
            return Err(EncryptionError::RecoveryKeyMistyped);
        }
        let mut secret = Zeroizing::new([0u8; SECRET_BYTES]);
        secret.copy_from_slice(secret_part);
        Ok(RecoveryKey { secret })
    }

    /// The key as it is shown and printed: eight groups of five, joined by dashes.
    pub fn to_text(&self) -> Zeroizing<String> {
        let mut bytes = Zeroizing::new(Vec::with_capacity(SECRET_BYTES + CHECK_BYTES));
        bytes.extend_from_slice(self.secret.as_ref());
        bytes.extend_from_slice(&checksum(self.secret.as_ref()));
        let plain = Zeroizing::new(crockford().encode(&bytes));
        let mut out = Zeroizing::new(String::with_capacity(plain.len() + plain.len() / GROUP));
        for (i, c) in plain.chars().enumerate() {
            if i > 0 && i % GROUP == 0 {
                out.push('-');
            }
            out.push(c);
        }
        out
    }

    pub(crate) fn secret(&self) -> &[u8] {
        self.secret.as_ref()
    }
}

impl std::fmt::Debug for RecoveryKey {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str("RecoveryKey(…)")
    }
}

fn checksum(secret: &[u8]) -> [u8; CHECK_BYTES] {
    let digest = Sha256::new()
        .chain_update(CHECK_DOMAIN)
        .chain_update(secret)
        .finalize();
    let mut out = [0u8; CHECK_BYTES];
    out.copy_from_slice(&digest[..CHECK_BYTES]);
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_key_is_printed_in_eight_groups_and_reads_back_however_it_is_typed() {
        let key = RecoveryKey::generate().unwrap();
        let text = key.to_text();
        let groups: Vec<&str> = text.split('-').collect();
        assert_eq!(groups.len(), 8, "{}", *text);
        assert!(groups.iter().all(|g| g.len() == 5));
        assert!(text.chars().all(|c| c == '-' || ALPHABET.contains(c)));
        assert_eq!(RecoveryKey::parse(&text).unwrap().secret(), key.secret());

        let sloppy = text
            .to_lowercase()
            .replace('-', " ")
            .replace('1', "l")
            .replace('0', "o");
        assert_eq!(RecoveryKey::parse(&sloppy).unwrap().secret(), key.secret());
        assert_eq!(format!("{key:?}"), "RecoveryKey(…)");
    }

    #[test]
    fn every_single_typing_mistake_is_caught() {
        let key = RecoveryKey::generate().unwrap();
        let text: Vec<char> = key.to_text().chars().collect();
        for at in (0..text.len()).filter(|i| text[*i] != '-') {
            for replacement in ALPHABET.chars().filter(|c| *c != text[at]) {
                let mut typo = text.clone();
                typo[at] = replacement;
                let typo: String = typo.into_iter().collect();
                assert!(
                    matches!(
                        RecoveryKey::parse(&typo),
                        Err(EncryptionError::RecoveryKeyMistyped)
                    ),
                    "{typo} was taken"
                );
            }
        }
        for wrong in [
            "",
            "ABCDE",
            &text[..text.len() - 1].iter().collect::<String>(),
        ] {
            assert!(matches!(
                RecoveryKey::parse(wrong),
                Err(EncryptionError::RecoveryKeyMistyped)
            ));
        }
        // A letter outside the alphabet (U) is a mistake too, not a panic.
        let mut with_u = text.clone();
        with_u[0] = 'U';
        assert!(RecoveryKey::parse(&with_u.into_iter().collect::<String>()).is_err());
    }
}
