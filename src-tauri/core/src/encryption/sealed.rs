//! The encrypted ("sealed") file format: a vault file at rest, once encryption is on.
//!
//! ```text
//! header (32 bytes)  magic "DOSSIER\x1e" · format (1 byte) · chunk size (u32, big-endian)
//!                    · nonce prefix (19 random bytes)
//! chunks             XChaCha20-Poly1305 of each `chunk size` bytes of content, with its
//!                    16-byte tag; the last chunk holds the rest (0 to `chunk size` bytes)
//! ```
//!
//! The chunks are RustCrypto's STREAM construction (`aead-stream`, big-endian 32-bit counter
//! and a last-chunk flag in the nonce): a chunk moved, dropped, repeated or altered, a file
//! cut at any byte (even between two chunks) or extended, and a header changed all fail
//! authentication. Every chunk's associated data is the header and the caller's `binding` (the
//! vault will pass the object's name), so a whole sealed file swapped for another is refused
//! too. STREAM over XChaCha20-Poly1305 was chosen over the `age` format for being a small
//! composition of crates already here (`chacha20poly1305`), with no X25519, scrypt or armor
//! code that Dossier would not use: the master key is already symmetric.
//!
//! Reading and writing hold one chunk in memory whatever the file's size. A reader hands out a
//! chunk only once it is authenticated; a file damaged further on is an error when the reader
//! gets there, so a consumer must read to the end before it trusts (and shows) the content.

use super::{EncryptionError, MasterKey, random};
use aead_stream::{DecryptorBE32, EncryptorBE32, StreamBE32};
use chacha20poly1305::XChaCha20Poly1305;
use chacha20poly1305::aead::KeyInit;
use std::io::{self, Read, Write};

/// The first bytes of every sealed file.
pub const MAGIC: &[u8; 8] = b"DOSSIER\x1e";
/// The format this build writes, and the newest it reads.
pub const FORMAT: u8 = 1;
/// Content bytes per chunk: large enough that the 16-byte tag and the per-chunk work cost
/// nothing, small enough to stay in cache.
pub const CHUNK_BYTES: usize = 64 * 1024;
/// The largest chunk a reader accepts from a header, so a damaged one cannot make it allocate.
const MAX_CHUNK_BYTES: usize = 16 * 1024 * 1024;
const TAG_BYTES: usize = 16;
const PREFIX_BYTES: usize = 19;
/// Bytes before the first chunk.
pub const HEADER_BYTES: usize = MAGIC.len() + 1 + 4 + PREFIX_BYTES;

type Nonce = aead_stream::Nonce<XChaCha20Poly1305, StreamBE32<XChaCha20Poly1305>>;

fn cipher(key: &MasterKey) -> XChaCha20Poly1305 {
    XChaCha20Poly1305::new_from_slice(key.bytes()).expect("a 32-byte key")
}

fn associated_data(header: &[u8], binding: &[u8]) -> Vec<u8> {
    let mut aad = Vec::with_capacity(header.len() + binding.len());
    aad.extend_from_slice(header);
    aad.extend_from_slice(binding);
    aad
}

/// Encrypts what is written to it into `out`. [`SealedWriter::finish`] must be called: a writer
/// dropped without it leaves a file every reader refuses as truncated.
pub struct SealedWriter<W: Write> {
    out: W,
    encryptor: Option<EncryptorBE32<XChaCha20Poly1305>>,
    aad: Vec<u8>,
    buf: Vec<u8>,
}

impl<W: Write> SealedWriter<W> {
    /// Writes the header to `out` and returns the writer for the content.
    pub fn new(mut out: W, key: &MasterKey, binding: &[u8]) -> io::Result<SealedWriter<W>> {
        let mut prefix = [0u8; PREFIX_BYTES];
        random(&mut prefix).map_err(EncryptionError::into_io)?;
        let mut header = Vec::with_capacity(HEADER_BYTES);
        header.extend_from_slice(MAGIC);
        header.push(FORMAT);
        header.extend_from_slice(&(CHUNK_BYTES as u32).to_be_bytes());
        header.extend_from_slice(&prefix);
        out.write_all(&header)?;
        let nonce = Nonce::try_from(&prefix[..]).expect("19 bytes");
        Ok(SealedWriter {
            out,
            encryptor: Some(EncryptorBE32::from_aead(cipher(key), &nonce)),
            aad: associated_data(&header, binding),
            buf: Vec::with_capacity(CHUNK_BYTES + TAG_BYTES),
        })
    }

    /// Seals the last chunk (possibly empty), flushes, and returns `out`.
    pub fn finish(mut self) -> io::Result<W> {
        let encryptor = self
            .encryptor
            .take()
            .expect("only `finish` takes the encryptor");
        encryptor
            .encrypt_last_in_place(&self.aad, &mut self.buf)
            .map_err(|_| io::Error::other("the last chunk could not be sealed"))?;
        self.out.write_all(&self.buf)?;
        self.out.flush()?;
        Ok(self.out)
    }

    /// Seals the full chunk in the buffer as one that more follow.
    fn seal_full_chunk(&mut self) -> io::Result<()> {
        let encryptor = self
            .encryptor
            .as_mut()
            .expect("only `finish` takes the encryptor");
        // Fails only past 2^32 chunks (256 TiB), far beyond any vault file.
        encryptor
            .encrypt_next_in_place(&self.aad, &mut self.buf)
            .map_err(|_| io::Error::other("the file is too large to seal"))?;
        self.out.write_all(&self.buf)?;
        self.buf.clear();
        Ok(())
    }
}

impl<W: Write> Write for SealedWriter<W> {
    fn write(&mut self, bytes: &[u8]) -> io::Result<usize> {
        if bytes.is_empty() {
            return Ok(0);
        }
        // A full chunk is sealed only once more content comes: the last chunk must carry the
        // last-chunk flag, even when the content is an exact number of chunks.
        if self.buf.len() == CHUNK_BYTES {
            self.seal_full_chunk()?;
        }
        let n = bytes.len().min(CHUNK_BYTES - self.buf.len());
        self.buf.extend_from_slice(&bytes[..n]);
        Ok(n)
    }

    fn flush(&mut self) -> io::Result<()> {
        self.out.flush()
    }
}

/// Decrypts a sealed file from `inner`. Its reads fail, with an
/// [`EncryptionError::SealedAltered`] inside the I/O error ([`EncryptionError::from_io`]), at
/// the first chunk that does not authenticate; after that every read fails.
pub struct SealedReader<R: Read> {
    inner: R,
    decryptor: Option<DecryptorBE32<XChaCha20Poly1305>>,
    aad: Vec<u8>,
    chunk: usize,
    buf: Vec<u8>,
    pos: usize,
    /// A byte read ahead to learn that the chunk before it was not the last.
    carry: Option<u8>,
    done: bool,
    failed: bool,
}

impl<R: Read> SealedReader<R> {
    /// Reads and checks the header. Not a sealed file: [`EncryptionError::NotSealed`]; a newer
    /// format: [`EncryptionError::SealedUnsupported`]; a header cut short or impossible:
    /// [`EncryptionError::SealedAltered`] (all inside the I/O error).
    pub fn new(mut inner: R, key: &MasterKey, binding: &[u8]) -> io::Result<SealedReader<R>> {
        let mut header = [0u8; HEADER_BYTES];
        let n = fill(&mut inner, &mut header)?;
        if n < MAGIC.len() || &header[..MAGIC.len()] != MAGIC {
            return Err(EncryptionError::NotSealed.into_io());
        }
        if n < HEADER_BYTES {
            return Err(EncryptionError::SealedAltered.into_io());
        }
        let format = header[MAGIC.len()];
        if format > FORMAT {
            return Err(EncryptionError::SealedUnsupported {
                found: u32::from(format),
                supported: u32::from(FORMAT),
            }
            .into_io());
        }
        let at = MAGIC.len() + 1;
        let chunk = u32::from_be_bytes(header[at..at + 4].try_into().expect("4 bytes")) as usize;
        if format != FORMAT || chunk == 0 || chunk > MAX_CHUNK_BYTES {
            return Err(EncryptionError::SealedAltered.into_io());
        }
        let nonce = Nonce::try_from(&header[at + 4..]).expect("19 bytes");
        Ok(SealedReader {
            inner,
            decryptor: Some(DecryptorBE32::from_aead(cipher(key), &nonce)),
            aad: associated_data(&header, binding),
            chunk,
            buf: Vec::with_capacity(chunk + TAG_BYTES),
            pos: 0,
            carry: None,
            done: false,
            failed: false,
        })
    }

    /// Reads, authenticates and decrypts the next chunk into `buf`.
    fn next_chunk(&mut self) -> io::Result<()> {
        let full = self.chunk + TAG_BYTES;
        self.buf.clear();
        self.buf.resize(full, 0);
        self.pos = 0;
        let mut filled = 0;
        if let Some(byte) = self.carry.take() {
            self.buf[0] = byte;
            filled = 1;
        }
        filled += fill(&mut self.inner, &mut self.buf[filled..])?;
        let last = filled < full || {
            let mut one = [0u8; 1];
            match fill(&mut self.inner, &mut one)? {
                0 => true,
                _ => {
                    self.carry = Some(one[0]);
                    false
                }
            }
        };
        self.buf.truncate(filled);
        if filled < TAG_BYTES {
            return Err(EncryptionError::SealedAltered.into_io());
        }
        let opened = if last {
            self.done = true;
            self.decryptor
                .take()
                .expect("no chunk is read after the last")
                .decrypt_last_in_place(&self.aad, &mut self.buf)
        } else {
            self.decryptor
                .as_mut()
                .expect("no chunk is read after the last")
                .decrypt_next_in_place(&self.aad, &mut self.buf)
        };
        opened.map_err(|_| EncryptionError::SealedAltered.into_io())
    }
}

impl<R: Read> Read for SealedReader<R> {
    fn read(&mut self, out: &mut [u8]) -> io::Result<usize> {
        if self.failed {
            return Err(EncryptionError::SealedAltered.into_io());
        }
        while self.pos == self.buf.len() {
            if self.done {
                return Ok(0);
            }
            if let Err(e) = self.next_chunk() {
                self.failed = EncryptionError::from_io(&e).is_some();
                self.buf.clear();
                self.pos = 0;
                return Err(e);
            }
        }
        let n = out.len().min(self.buf.len() - self.pos);
        out[..n].copy_from_slice(&self.buf[self.pos..self.pos + n]);
        self.pos += n;
        Ok(n)
    }
}

/// Reads until `buf` is full or the source ends; retries reads a signal interrupted.
fn fill(reader: &mut dyn Read, buf: &mut [u8]) -> io::Result<usize> {
    let mut filled = 0;
    while filled < buf.len() {
        match reader.read(&mut buf[filled..]) {
            Ok(0) => break,
            Ok(n) => filled += n,
            Err(e) if e.kind() == io::ErrorKind::Interrupted => continue,
            Err(e) => return Err(e),
        }
    }
    Ok(filled)
}

/// `content` sealed under `key`, in memory: for small files and tests.
pub fn seal(content: &[u8], key: &MasterKey, binding: &[u8]) -> io::Result<Vec<u8>> {
    let mut writer = SealedWriter::new(
        Vec::with_capacity(sealed_len(content.len() as u64) as usize),
        key,
        binding,
    )?;
    writer.write_all(content)?;
    writer.finish()
}

/// The whole content of a sealed file, authenticated to its end before it is returned.
pub fn open(sealed: &[u8], key: &MasterKey, binding: &[u8]) -> io::Result<Vec<u8>> {
    let mut out = Vec::with_capacity(sealed.len());
    SealedReader::new(sealed, key, binding)?.read_to_end(&mut out)?;
    Ok(out)
}

/// The size of a sealed file holding `content_len` bytes.
pub fn sealed_len(content_len: u64) -> u64 {
    let chunk = CHUNK_BYTES as u64;
    let chunks = if content_len == 0 {
        1
    } else {
        content_len.div_ceil(chunk)
    };
    HEADER_BYTES as u64 + content_len + chunks * TAG_BYTES as u64
}

/// The content length of a sealed file `sealed_len` bytes long (the inverse of
/// [`sealed_len`]), or `None` for a length no sealed file has.
pub fn content_len(sealed_len: u64) -> Option<u64> {
    let body = sealed_len.checked_sub(HEADER_BYTES as u64)?;
    let full = (CHUNK_BYTES + TAG_BYTES) as u64;
    let chunks = body.div_ceil(full).max(1);
    let content = body.checked_sub(chunks * TAG_BYTES as u64)?;
    (self::sealed_len(content) == sealed_len).then_some(content)
}

#[cfg(test)]
mod tests {
    #[test]
    fn content_len_inverts_sealed_len() {
        let chunk = super::CHUNK_BYTES as u64;
        for n in [
            0,
            1,
            100,
            chunk - 1,
            chunk,
            chunk + 1,
            3 * chunk,
            3 * chunk + 7,
        ] {
            assert_eq!(super::content_len(super::sealed_len(n)), Some(n), "{n}");
        }
        assert_eq!(super::content_len(3), None);
    }

    use super::*;

    fn content(len: usize) -> Vec<u8> {
        (0..len).map(|i| (i * 7 + i / 251) as u8).collect()
    }

    fn altered(result: io::Result<Vec<u8>>) -> bool {
        matches!(
            result.as_ref().map_err(EncryptionError::from_io),
            Err(Some(EncryptionError::SealedAltered))
        )
    }

    const SIZES: &[usize] = &[
        0,
        1,
        TAG_BYTES,
        CHUNK_BYTES - 1,
        CHUNK_BYTES,
        CHUNK_BYTES + 1,
        2 * CHUNK_BYTES,
        3 * CHUNK_BYTES + 17,
    ];

    #[test]
    fn every_size_round_trips_including_empty_and_exact_chunks() {
        let key = MasterKey::generate().unwrap();
        for &len in SIZES {
            let plain = content(len);
            let sealed = seal(&plain, &key, b"ab12.pdf").unwrap();
            assert_eq!(sealed.len() as u64, sealed_len(len as u64), "{len}");
            assert_eq!(&sealed[..MAGIC.len()], MAGIC);
            assert_eq!(open(&sealed, &key, b"ab12.pdf").unwrap(), plain, "{len}");
        }
    }

    #[test]
    fn the_content_is_not_in_the_clear_and_never_twice_the_same() {
        let key = MasterKey::generate().unwrap();
        let plain = b"%PDF-1.4 criminal record certificate of Jane Doe".repeat(100);
        let a = seal(&plain, &key, b"").unwrap();
        let b = seal(&plain, &key, b"").unwrap();
        assert_ne!(a, b, "a fresh nonce prefix each time");
        assert!(!a.windows(8).any(|w| w == b"%PDF-1.4" || w == b"Jane Doe"));
    }

    #[test]
    fn a_file_cut_anywhere_is_refused() {
        let key = MasterKey::generate().unwrap();
        for &len in &[0, 5, CHUNK_BYTES, 2 * CHUNK_BYTES + 3] {
            let sealed = seal(&content(len), &key, b"").unwrap();
            let full = CHUNK_BYTES + TAG_BYTES;
            let mut cuts: Vec<usize> = vec![MAGIC.len(), HEADER_BYTES - 1, HEADER_BYTES];
            cuts.extend(
                (1..=3)
                    .map(|c| HEADER_BYTES + c * full)
                    .filter(|&c| c < sealed.len()),
            );
            cuts.extend([sealed.len() - 1, sealed.len() - TAG_BYTES, HEADER_BYTES + 1]);
            for cut in cuts.into_iter().filter(|&c| c < sealed.len()) {
                assert!(
                    altered(open(&sealed[..cut], &key, b"")),
                    "{len} cut at {cut}"
                );
            }
        }
    }

    #[test]
    fn chunks_reordered_dropped_or_repeated_are_refused() {
        let key = MasterKey::generate().unwrap();
        let sealed = seal(&content(3 * CHUNK_BYTES + 100), &key, b"").unwrap();
        let full = CHUNK_BYTES + TAG_BYTES;
        let (header, body) = sealed.split_at(HEADER_BYTES);
        let chunks: Vec<&[u8]> = body.chunks(full).collect();
        assert_eq!(chunks.len(), 4);
        let rebuilt = |order: &[usize]| -> Vec<u8> {
            let mut out = header.to_vec();
            for &i in order {
                out.extend_from_slice(chunks[i]);
            }
            out
        };
        assert!(open(&rebuilt(&[0, 1, 2, 3]), &key, b"").is_ok());
        for order in [
            &[1, 0, 2, 3][..],
            &[0, 2, 1, 3],
            &[0, 1, 3],
            &[0, 0, 1, 2, 3],
            &[0, 1, 2, 2, 3],
        ] {
            assert!(altered(open(&rebuilt(order), &key, b"")), "{order:?}");
        }
        // A full chunk presented as the last one (the rest dropped).
        assert!(altered(open(&rebuilt(&[0, 1]), &key, b"")));
        // Bytes added after the end.
        let mut longer = sealed.clone();
        longer.extend_from_slice(&[0u8; 40]);
        assert!(altered(open(&longer, &key, b"")));
    }

    #[test]
    fn a_single_bit_flipped_anywhere_is_refused() {
        let key = MasterKey::generate().unwrap();
        let sealed = seal(&content(CHUNK_BYTES + 50), &key, b"").unwrap();
        let mut positions: Vec<usize> = (0..HEADER_BYTES + 40).collect();
        positions.extend((sealed.len() - 40)..sealed.len());
        positions.extend([
            HEADER_BYTES + CHUNK_BYTES,
            HEADER_BYTES + CHUNK_BYTES + TAG_BYTES,
        ]);
        for at in positions {
            let mut flipped = sealed.clone();
            flipped[at] ^= 0x04;
            let result = open(&flipped, &key, b"");
            let refused = result.as_ref().err().and_then(EncryptionError::from_io);
            assert!(
                matches!(
                    refused,
                    Some(
                        EncryptionError::SealedAltered
                            | EncryptionError::NotSealed
                            | EncryptionError::SealedUnsupported { .. }
                    )
                ),
                "bit flipped at {at}: {result:?}"
            );
        }
    }

    #[test]
    fn another_key_or_another_binding_is_refused() {
        let key = MasterKey::generate().unwrap();
        let other = MasterKey::generate().unwrap();
        for &len in &[0, 10, CHUNK_BYTES] {
            let sealed = seal(&content(len), &key, b"ab12.pdf").unwrap();
            assert!(altered(open(&sealed, &other, b"ab12.pdf")), "{len}");
            assert!(
                altered(open(&sealed, &key, b"cd34.pdf")),
                "{len}: swapped for another"
            );
        }
    }

    #[test]
    fn what_is_not_a_sealed_file_or_is_newer_says_so() {
        let key = MasterKey::generate().unwrap();
        let kind = |bytes: &[u8]| {
            let e = SealedReader::new(bytes, &key, b"").err().unwrap();
            format!("{:?}", EncryptionError::from_io(&e).unwrap())
        };
        assert_eq!(kind(b""), "NotSealed");
        assert_eq!(kind(b"%PDF-1.4 a scan in the clear"), "NotSealed");
        let mut newer = seal(b"x", &key, b"").unwrap();
        newer[MAGIC.len()] = FORMAT + 1;
        assert_eq!(kind(&newer), "SealedUnsupported { found: 2, supported: 1 }");
        let mut huge_chunks = seal(b"x", &key, b"").unwrap();
        huge_chunks[MAGIC.len() + 1] = 0xff;
        assert_eq!(kind(&huge_chunks), "SealedAltered");
    }

    #[test]
    fn a_reader_hands_out_only_authenticated_chunks_and_then_keeps_failing() {
        let key = MasterKey::generate().unwrap();
        let plain = content(2 * CHUNK_BYTES + 10);
        let mut sealed = seal(&plain, &key, b"").unwrap();
        let last = sealed.len() - 1;
        sealed[last] ^= 1;
        let mut reader = SealedReader::new(&sealed[..], &key, b"").unwrap();
        let mut got = vec![0u8; 2 * CHUNK_BYTES];
        reader.read_exact(&mut got).unwrap();
        assert_eq!(got, plain[..2 * CHUNK_BYTES], "the two sound chunks");
        let mut rest = [0u8; 16];
        assert!(reader.read(&mut rest).is_err());
        assert!(reader.read(&mut rest).is_err(), "and it stays refused");
    }

    #[test]
    fn small_writes_and_reads_give_the_same_file() {
        let key = MasterKey::generate().unwrap();
        let plain = content(CHUNK_BYTES * 2 + 333);
        let mut writer = SealedWriter::new(Vec::new(), &key, b"").unwrap();
        for piece in plain.chunks(1000) {
            writer.write_all(piece).unwrap();
        }
        let sealed = writer.finish().unwrap();
        let mut reader = SealedReader::new(&sealed[..], &key, b"").unwrap();
        let mut out = Vec::new();
        let mut small = [0u8; 999];
        loop {
            let n = reader.read(&mut small).unwrap();
            if n == 0 {
                break;
            }
            out.extend_from_slice(&small[..n]);
        }
        assert_eq!(out, plain);
    }
}
