//! Bytes to text. UTF-8 is taken as is; a BOM decides UTF-8/UTF-16; anything
//! else is decoded by detection (chardetng), never dropped. Files that are not
//! text at all (images, archives, PDFs) are recognised and refused.

/// Decoded text and how it was decoded.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Decoded {
    pub text: String,
    /// Name of the encoding used (`UTF-8`, `UTF-16LE`, `windows-1252`, …).
    pub encoding: &'static str,
    /// True when the encoding was guessed rather than known (no BOM, not UTF-8).
    pub guessed: bool,
    /// True when some bytes could not be decoded and became U+FFFD.
    pub had_errors: bool,
}

/// Why bytes were not decoded as text.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum NotText {
    #[error("empty")]
    Empty,
    #[error("binary ({0})")]
    Binary(&'static str),
}

/// Well-known magic numbers of binary formats people point tools at by mistake.
const MAGIC: &[(&[u8], &str)] = &[
    (b"\x89PNG\r\n\x1a\n", "PNG image"),
    (b"\xff\xd8\xff", "JPEG image"),
    (b"GIF87a", "GIF image"),
    (b"GIF89a", "GIF image"),
    (b"%PDF-", "PDF document"),
    (b"PK\x03\x04", "ZIP archive or office document"),
    (b"\x1f\x8b", "gzip archive"),
    (b"\x7fELF", "executable"),
    (b"SQLite format 3\0", "SQLite database"),
    (b"RIFF", "RIFF media"),
    (b"\x00\x00\x01\x00", "icon"),
];

/// Decodes a file's bytes into text, stripping any BOM.
pub fn decode(bytes: &[u8]) -> Result<Decoded, NotText> {
    if bytes.iter().all(|b| b.is_ascii_whitespace()) {
        return Err(NotText::Empty);
    }
    if let Some((enc, bom_len)) = encoding_rs::Encoding::for_bom(bytes) {
        let (text, had_errors) = enc.decode_without_bom_handling(&bytes[bom_len..]);
        return Ok(Decoded {
            text: text.into_owned(),
            encoding: enc.name(),
            guessed: false,
            had_errors,
        });
    }
    for (magic, what) in MAGIC {
        if bytes.starts_with(magic) {
            return Err(NotText::Binary(what));
        }
    }
    if let Some(enc) = utf16_without_bom(bytes) {
        let (text, had_errors) = enc.decode_without_bom_handling(bytes);
        return Ok(Decoded {
            text: text.into_owned(),
            encoding: enc.name(),
            guessed: true,
            had_errors,
        });
    }
    if let Ok(s) = std::str::from_utf8(bytes) {
        if looks_binary(s.as_bytes()) {
            return Err(NotText::Binary("control bytes"));
        }
        return Ok(Decoded {
            text: s.to_string(),
            encoding: "UTF-8",
            guessed: false,
            had_errors: false,
        });
    }
    if looks_binary(bytes) {
        return Err(NotText::Binary("control bytes"));
    }
    let mut det = chardetng::EncodingDetector::new();
    det.feed(bytes, true);
    let enc = det.guess(None, true);
    let (text, had_errors) = enc.decode_without_bom_handling(bytes);
    Ok(Decoded {
        text: text.into_owned(),
        encoding: enc.name(),
        guessed: true,
        had_errors,
    })
}

/// Text has few control bytes; binary data has many (NULs above all).
fn looks_binary(bytes: &[u8]) -> bool {
    let sample = &bytes[..bytes.len().min(8192)];
    let control = sample
        .iter()
        .filter(|&&b| b == 0 || (b < 0x20 && !matches!(b, b'\t' | b'\n' | b'\r' | 0x0c)))
        .count();
    control * 20 > sample.len() || (sample.contains(&0) && control * 100 > sample.len())
}

/// UTF-16 without a BOM shows as a NUL in every other byte of ASCII text.
fn utf16_without_bom(bytes: &[u8]) -> Option<&'static encoding_rs::Encoding> {
    let sample = &bytes[..bytes.len().min(4096) & !1];
    if sample.len() < 4 {
        return None;
    }
    let pairs = sample.len() / 2;
    let even_nul = sample.iter().step_by(2).filter(|&&b| b == 0).count();
    let odd_nul = sample
        .iter()
        .skip(1)
        .step_by(2)
        .filter(|&&b| b == 0)
        .count();
    if odd_nul * 10 > pairs * 7 && even_nul * 10 < pairs {
        Some(encoding_rs::UTF_16LE)
    } else if even_nul * 10 > pairs * 7 && odd_nul * 10 < pairs {
        Some(encoding_rs::UTF_16BE)
    } else {
        None
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn utf8_passes_through_and_bom_is_stripped() {
        let d = decode("\u{feff}Bonjour à tous".as_bytes()).unwrap();
        assert_eq!(d.text, "Bonjour à tous");
        assert_eq!(d.encoding, "UTF-8");
    }

    #[test]
    fn windows_1252_accents_are_recovered() {
        let (bytes, _, _) = encoding_rs::WINDOWS_1252
            .encode("L'armée a frappé près de Hassaké, a-t-on appris mercredi.");
        let d = decode(&bytes).unwrap();
        assert!(d.text.contains("armée a frappé près"), "{}", d.text);
        assert!(d.guessed);
    }

    #[test]
    fn utf16_with_bom() {
        let mut bytes = vec![0xff, 0xfe];
        for u in "Frappe à Tyr".encode_utf16() {
            bytes.extend_from_slice(&u.to_le_bytes());
        }
        let d = decode(&bytes).unwrap();
        assert_eq!(d.text, "Frappe à Tyr");
        assert_eq!(d.encoding, "UTF-16LE");
    }

    #[test]
    fn utf16_without_bom_is_detected() {
        let mut bytes = vec![];
        for u in "Rockets hit the base overnight".encode_utf16() {
            bytes.extend_from_slice(&u.to_be_bytes());
        }
        assert_eq!(
            decode(&bytes).unwrap().text,
            "Rockets hit the base overnight"
        );
    }

    #[test]
    fn png_is_binary_and_blank_is_empty() {
        assert_eq!(
            decode(b"\x89PNG\r\n\x1a\n\0\0\0\rIHDR"),
            Err(NotText::Binary("PNG image"))
        );
        assert_eq!(decode(b"  \n\t "), Err(NotText::Empty));
        assert_eq!(decode(b""), Err(NotText::Empty));
        assert!(matches!(
            decode(&[0u8, 1, 2, 3, 0, 0, 7, 8, 0, 0, 0, 0]),
            Err(NotText::Binary(_))
        ));
    }
}
