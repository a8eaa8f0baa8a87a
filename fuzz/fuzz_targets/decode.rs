//! Raw bytes through `vigie_text::decode`: never panics; UTF-8 that is
//! taken as is comes back byte for byte (less its BOM); undecodable bytes
//! show as U+FFFD; `Empty` only for blank input.
#![no_main]

use libfuzzer_sys::fuzz_target;
use vigie_text::NotText;

fuzz_target!(|data: &[u8]| {
    match vigie_text::decode(data) {
        Ok(d) => {
            assert!(!data.iter().all(|b| b.is_ascii_whitespace()));
            if d.had_errors {
                // Bytes that are not valid in the decided encoding (e.g.
                // Latin-1 after a UTF-8 BOM) become U+FFFD, never vanish.
                assert!(d.text.contains('\u{FFFD}'));
            } else if d.encoding == "UTF-8" && !d.guessed {
                let body = data.strip_prefix(b"\xef\xbb\xbf").unwrap_or(data);
                assert_eq!(d.text.as_bytes(), body, "UTF-8 must pass through unchanged");
            }
        }
        Err(NotText::Empty) => assert!(data.iter().all(|b| b.is_ascii_whitespace())),
        Err(NotText::Binary(_)) => {}
    }
});
