//! Multiple Activation Keys. One key activates many devices; KMS keys are never issued.

/// 32 symbols: A–Z and 2–9 without the look-alikes I, O (0, 1 are not digits here).
const ALPHABET: &[u8; 32] = b"ABCDEFGHJKLMNPQRSTUVWXYZ23456789";

/// A new key: 32 characters, 160 bits from the operating system's CSPRNG.
pub fn generate() -> String {
    // 256 is a multiple of 32, so masking each byte keeps every symbol equally likely.
    rand::random::<[u8; 32]>()
        .iter()
        .map(|b| ALPHABET[usize::from(b & 31)] as char)
        .collect()
}

/// "ABCD-EFGH-…": 8 groups of 4 for reading aloud or typing.
pub fn grouped(key: &str) -> String {
    key.as_bytes()
        .chunks(4)
        .map(|c| String::from_utf8_lossy(c).into_owned())
        .collect::<Vec<_>>()
        .join("-")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn keys_are_32_symbols_of_the_alphabet_and_differ() {
        let a = generate();
        assert_eq!(a.len(), 32);
        assert!(a.bytes().all(|b| ALPHABET.contains(&b)));
        assert_ne!(a, generate());
    }

    #[test]
    fn keys_are_grouped_by_four() {
        assert_eq!(
            grouped("ABCDEFGHJKLMNPQRSTUVWXYZ23456789"),
            "ABCD-EFGH-JKLM-NPQR-STUV-WXYZ-2345-6789"
        );
    }
}
