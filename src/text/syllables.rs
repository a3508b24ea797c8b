//! Where a word may be hyphenated: between Indonesian syllables. The
//! rule (as taught for Bahasa Indonesia, and close enough for most English
//! words): between two vowels that are no diphthong (ai, au, ei, oi);
//! before a lone consonant between vowels (ke-le); after the first of
//! several (leng-ka, in-struk-si); ng, ny, kh and sy count as one
//! consonant. At least two letters stay on each side.

/// The byte offsets inside `word` where it may be broken with a hyphen,
/// ascending.
pub(crate) fn hyphenation_points(word: &str) -> Vec<usize> {
    let chars: Vec<(usize, char)> = word
        .char_indices()
        .map(|(i, c)| (i, c.to_ascii_lowercase()))
        .collect();
    let is_vowel = |c: char| matches!(c, 'a' | 'e' | 'i' | 'o' | 'u');
    let letter = |k: usize| chars.get(k).is_some_and(|&(_, c)| c.is_alphabetic());
    let mut points = Vec::new();
    let mut k = 0;
    while k < chars.len() {
        if !is_vowel(chars[k].1) {
            k += 1;
            continue;
        }
        // The consonants after this vowel up to the next one.
        let mut next = k + 1;
        while next < chars.len() && letter(next) && !is_vowel(chars[next].1) {
            next += 1;
        }
        if next >= chars.len() || !is_vowel(chars[next].1) {
            k = next;
            continue;
        }
        let consonants = next - k - 1;
        let at = match consonants {
            0 => {
                let pair = [chars[k].1, chars[next].1];
                (!matches!(pair, ['a', 'i'] | ['a', 'u'] | ['e', 'i'] | ['o', 'i'])).then_some(next)
            }
            1 => Some(k + 1),
            _ => {
                let first = [chars[k + 1].1, chars[k + 2].1];
                let digraph = matches!(first, ['n', 'g'] | ['n', 'y'] | ['k', 'h'] | ['s', 'y']);
                if consonants == 2 && digraph {
                    Some(k + 1)
                } else {
                    Some(k + if digraph { 3 } else { 2 })
                }
            }
        };
        if let Some(at) = at.filter(|&at| at >= 2 && at + 2 <= chars.len())
            && (0..at).all(letter)
            && (at..chars.len()).take(2).all(letter)
        {
            points.push(chars[at].0);
        }
        k = next;
    }
    points
}

#[cfg(test)]
mod tests {
    use super::hyphenation_points;

    fn hyphenated(word: &str) -> String {
        let mut out = String::new();
        let mut last = 0;
        for at in hyphenation_points(word) {
            out.push_str(&word[last..at]);
            out.push('-');
            last = at;
        }
        out.push_str(&word[last..]);
        out
    }

    #[test]
    fn indonesian_words_break_between_their_syllables() {
        for (word, syllables) in [
            ("kelengkapan", "ke-leng-ka-pan"),
            ("Kelengkapan", "Ke-leng-ka-pan"),
            ("Pemrosesan", "Pem-ro-se-san"),
            ("persediaan", "per-se-di-a-an"),
            ("Subbagian", "Sub-ba-gi-an"),
            ("menyerahkan", "me-nye-rah-kan"),
            ("instruksi", "in-struk-si"),
            ("pelaksana", "pe-lak-sa-na"),
            ("Penatausahaan", "Pe-na-tau-sa-ha-an"),
            ("keterangan", "ke-te-ra-ngan"),
            ("ATK", "ATK"),
            ("ke", "ke"),
            ("aku", "aku"),
        ] {
            assert_eq!(hyphenated(word), syllables);
        }
    }

    #[test]
    fn digits_and_signs_are_never_split_off() {
        assert_eq!(hyphenated("2025an"), "2025an");
        assert_eq!(hyphenated("e-mail"), "e-mail");
    }
}
