//! Base64url without padding (RFC 4648 §5), for the share links. Written here rather than with the
//! `base64` crate, whose general-purpose engine took 11.5 KB (4.6 KB gzipped) of the page's module for
//! these few lines.

/// The URL-safe alphabet.
const ALPHABET: &[u8; 64] = b"ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_";

/// `bytes` in base64url, without padding.
pub fn encode(bytes: &[u8]) -> String {
    let mut out = String::with_capacity(bytes.len().div_ceil(3) * 4);
    for chunk in bytes.chunks(3) {
        let group = chunk.iter().enumerate().fold(0u32, |group, (i, &b)| group | u32::from(b) << (16 - 8 * i));
        for i in 0..=chunk.len() {
            out.push(char::from(ALPHABET[(group >> (18 - 6 * i) & 63) as usize]));
        }
    }
    out
}

/// The bytes of base64url `text` (no padding). A last group of two or three characters may carry
/// stray bits, as in a link cut mid-group: they are ignored. None for any other character, or a
/// length one more than a multiple of four (a lone character is not a byte).
pub fn decode(text: &str) -> Option<Vec<u8>> {
    if text.len() % 4 == 1 {
        return None;
    }
    let mut out = Vec::with_capacity(text.len() / 4 * 3 + 2);
    let (mut bits, mut count) = (0u32, 0u32);
    for c in text.bytes() {
        let value = match c {
            b'A'..=b'Z' => c - b'A',
            b'a'..=b'z' => c - b'a' + 26,
            b'0'..=b'9' => c - b'0' + 52,
            b'-' => 62,
            b'_' => 63,
            _ => return None,
        };
        bits = bits << 6 | u32::from(value);
        count += 6;
        if count >= 8 {
            count -= 8;
            out.push((bits >> count) as u8);
            bits &= (1 << count) - 1;
        }
    }
    Some(out)
}

#[cfg(test)]
mod tests {
    use base64::Engine;
    use base64::alphabet::URL_SAFE;
    use base64::engine::DecodePaddingMode;
    use base64::engine::general_purpose::{GeneralPurpose, GeneralPurposeConfig, URL_SAFE_NO_PAD};

    /// The engine the links were read with before: padding optional, trailing bits allowed.
    const TOLERANT: GeneralPurpose = GeneralPurpose::new(
        &URL_SAFE,
        GeneralPurposeConfig::new()
            .with_decode_padding_mode(DecodePaddingMode::Indifferent)
            .with_decode_allow_trailing_bits(true),
    );

    #[test]
    fn writes_and_reads_as_the_base64_crate_does() {
        let bytes: Vec<u8> = (0..=255u8).chain((0..300u32).map(|i| (i * 7919 % 251) as u8)).collect();
        for n in 0..bytes.len() {
            let text = super::encode(&bytes[..n]);
            assert_eq!(text, URL_SAFE_NO_PAD.encode(&bytes[..n]));
            assert_eq!(super::decode(&text).as_deref(), Some(&bytes[..n]));
            // Every start of it, as a link cut anywhere.
            if n < 40 {
                for cut in 0..=text.len() {
                    assert_eq!(super::decode(&text[..cut]), TOLERANT.decode(&text[..cut]).ok(), "{}", &text[..cut]);
                }
            }
        }
        for odd in ["A", "AAAAB", "AB=", "A+", "A/", "AB CD", "é"] {
            assert_eq!(super::decode(odd), TOLERANT.decode(odd).ok().filter(|_| !odd.contains('=')), "{odd}");
        }
    }
}
