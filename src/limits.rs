//! Size limits that keep a hostile or broken document from hanging the
//! process or exhausting memory. Callers may raise them.

/// Limits applied while reading and checking a document.
#[derive(Debug, Clone, Copy, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
#[serde(default, deny_unknown_fields)]
pub struct Limits {
    /// Largest JSON text accepted, in bytes.
    pub max_input_bytes: usize,
    /// Most activities in one document.
    pub max_activities: usize,
    /// Most actors (swimlanes) in one document.
    pub max_actors: usize,
    /// Longest text in any one field, in characters.
    pub max_text_chars: usize,
}

impl Default for Limits {
    fn default() -> Self {
        Self {
            max_input_bytes: 64 << 20,
            max_activities: 200_000,
            max_actors: 64,
            max_text_chars: 20_000,
        }
    }
}
