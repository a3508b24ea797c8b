//! Reading the "Waktu" column: free text into a duration or a range.
//!
//! Drafters write "10 menit", "1 x 24 jam", "3 hari kerja", "5-10 menit",
//! "30 menit - 3 Jam", "15 minutes"... [`parse_time`] reads them all and
//! keeps three bases apart: clock time (minutes, hours), calendar days
//! (days, weeks, months, years) and working days ("hari kerja"). They are
//! never merged silently: totals print each base separately, and a single
//! minute figure is made only by [`Duration::to_minutes`], which states its
//! factors: 1 hari = 24 jam = 1440 menit, 1 hari kerja = 8 jam kerja =
//! 480 menit.

use serde::Serialize;
use std::fmt;

/// Minutes counted for one calendar day.
pub const DAY_MINUTES: f64 = 1440.0;
/// Minutes counted for one working day (8 working hours).
pub const WORKING_DAY_MINUTES: f64 = 480.0;
/// How the three bases are combined into one minute figure.
pub const CONVERSION_NOTE: &str =
    "1 hari = 24 jam = 1440 menit; 1 hari kerja = 8 jam kerja = 480 menit";

/// An amount of time kept in three separate bases.
#[derive(Debug, Clone, Copy, PartialEq, Default, Serialize)]
pub struct Duration {
    /// Clock time in minutes (from seconds, minutes and hours).
    pub minutes: f64,
    /// Calendar days (from days, weeks, months and years).
    pub days: f64,
    /// Working days ("hari kerja", "working days").
    pub working_days: f64,
}

impl Duration {
    /// A duration in one base.
    fn of(unit: Unit, amount: f64) -> Self {
        let mut d = Self::default();
        match unit {
            Unit::Minutes(factor) => d.minutes = amount * factor,
            Unit::Days(factor) => d.days = amount * factor,
            Unit::WorkingDays(factor) => d.working_days = amount * factor,
        }
        d
    }

    /// The sum of two durations, base by base.
    pub fn plus(self, other: Self) -> Self {
        Self {
            minutes: self.minutes + other.minutes,
            days: self.days + other.days,
            working_days: self.working_days + other.working_days,
        }
    }

    /// One minute figure: 1 hari = 1440 menit, 1 hari kerja = 480 menit.
    pub fn to_minutes(self) -> f64 {
        self.minutes + self.days * DAY_MINUTES + self.working_days * WORKING_DAY_MINUTES
    }

    /// True when every base is zero.
    pub fn is_zero(self) -> bool {
        self.minutes == 0.0 && self.days == 0.0 && self.working_days == 0.0
    }
}

impl fmt::Display for Duration {
    /// Prints each base apart: "2 hari kerja + 1 hari 4 jam 30 menit".
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let mut parts = Vec::new();
        if self.working_days > 0.0 {
            parts.push(format!("{} hari kerja", number(self.working_days)));
        }
        let mut clock = Vec::new();
        if self.days > 0.0 {
            clock.push(format!("{} hari", number(self.days)));
        }
        let hours = (self.minutes / 60.0).floor();
        let minutes = self.minutes - hours * 60.0;
        if hours > 0.0 {
            clock.push(format!("{} jam", number(hours)));
        }
        if minutes > 0.0 {
            clock.push(format!("{} menit", number(minutes)));
        }
        if !clock.is_empty() {
            parts.push(clock.join(" "));
        }
        if parts.is_empty() {
            return f.write_str("0 menit");
        }
        f.write_str(&parts.join(" + "))
    }
}

/// Prints a number without a needless fraction, with a decimal comma.
fn number(value: f64) -> String {
    let rounded = (value * 100.0).round() / 100.0;
    if rounded.fract() == 0.0 {
        format!("{rounded:.0}")
    } else {
        format!("{rounded}").replace('.', ",")
    }
}

/// A time that may be a range: `min == max` for a single value.
#[derive(Debug, Clone, Copy, PartialEq, Default, Serialize)]
pub struct TimeSpan {
    /// The shortest time.
    pub min: Duration,
    /// The longest time.
    pub max: Duration,
}

impl TimeSpan {
    /// The sum of two spans.
    pub fn plus(self, other: Self) -> Self {
        Self {
            min: self.min.plus(other.min),
            max: self.max.plus(other.max),
        }
    }
}

impl fmt::Display for TimeSpan {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        if self.min == self.max {
            write!(f, "{}", self.min)
        } else {
            write!(f, "{} - {}", self.min, self.max)
        }
    }
}

/// What a "Waktu" text says.
#[derive(Debug, Clone, Copy, PartialEq)]
pub enum ParsedTime {
    /// Nothing: empty, "-".
    Empty,
    /// A duration or a range.
    Span(TimeSpan),
    /// Text that is not a duration ("Sesuai kebutuhan"); kept for display.
    Unparsed,
}

/// Reads a "Waktu" text. Never fails: unreadable text is [`ParsedTime::Unparsed`].
pub fn parse_time(text: &str) -> ParsedTime {
    let tokens = tokenize(text);
    if tokens.iter().all(|t| matches!(t, Token::Dash)) {
        return ParsedTime::Empty;
    }
    parse_tokens(&tokens).map_or(ParsedTime::Unparsed, ParsedTime::Span)
}

#[derive(Debug, Clone, PartialEq)]
enum Token {
    Number(f64),
    Word(String),
    Dash,
}

#[derive(Debug, Clone, Copy, PartialEq)]
enum Unit {
    Minutes(f64),
    Days(f64),
    WorkingDays(f64),
}

fn tokenize(text: &str) -> Vec<Token> {
    let text = text
        .to_lowercase()
        .replace("s/d", " sd ")
        .replace("s.d.", " sd ")
        .replace("s.d", " sd ");
    let chars: Vec<char> = text.chars().collect();
    let mut tokens = Vec::new();
    let mut i = 0;
    while i < chars.len() {
        let c = chars[i];
        if c.is_ascii_digit() {
            let start = i;
            while i < chars.len()
                && (chars[i].is_ascii_digit()
                    || (matches!(chars[i], '.' | ',')
                        && chars.get(i + 1).is_some_and(char::is_ascii_digit)))
            {
                i += 1;
            }
            let literal: String = chars[start..i]
                .iter()
                .map(|&c| if c == ',' { '.' } else { c })
                .collect();
            let mut value = literal.parse::<f64>().unwrap_or(f64::NAN);
            if chars.get(i) == Some(&'/') && chars.get(i + 1).is_some_and(char::is_ascii_digit) {
                let start = i + 1;
                i = start;
                while i < chars.len() && chars[i].is_ascii_digit() {
                    i += 1;
                }
                let denominator: f64 = chars[start..i]
                    .iter()
                    .collect::<String>()
                    .parse()
                    .unwrap_or(f64::NAN);
                value /= denominator;
            }
            tokens.push(Token::Number(value));
        } else if c.is_alphabetic() {
            let start = i;
            while i < chars.len() && chars[i].is_alphabetic() {
                i += 1;
            }
            tokens.push(Token::Word(chars[start..i].iter().collect()));
        } else {
            match c {
                '-' | '–' | '—' | '~' => tokens.push(Token::Dash),
                '×' | '*' => tokens.push(Token::Word("x".into())),
                '½' => tokens.push(Token::Number(0.5)),
                '¼' => tokens.push(Token::Number(0.25)),
                _ => {}
            }
            i += 1;
        }
    }
    tokens
}

/// Splits at the first range separator and reads both sides.
fn parse_tokens(tokens: &[Token]) -> Option<TimeSpan> {
    let split = tokens.iter().position(|t| match t {
        Token::Dash => true,
        Token::Word(w) => matches!(
            w.as_str(),
            "sd" | "sampai" | "hingga" | "to" | "until" | "atau" | "or"
        ),
        Token::Number(_) => false,
    });
    let Some(split) = split else {
        let side = parse_side(tokens)?;
        return (side.unitless.is_none() && side.units > 0).then_some(TimeSpan {
            min: side.total,
            max: side.total,
        });
    };
    let left = parse_side(&tokens[..split])?;
    let right = parse_side(&tokens[split + 1..])?;
    if right.unitless.is_some() || right.units == 0 {
        return None;
    }
    let min = match (left.units, left.unitless) {
        (0, Some(value)) => Duration::of(right.first_unit?, value),
        (_, None) if left.units > 0 => left.total,
        _ => return None,
    };
    let (min, max) = if min.to_minutes() <= right.total.to_minutes() {
        (min, right.total)
    } else {
        (right.total, min)
    };
    Some(TimeSpan { min, max })
}

struct Side {
    total: Duration,
    units: usize,
    first_unit: Option<Unit>,
    unitless: Option<f64>,
}

fn parse_side(tokens: &[Token]) -> Option<Side> {
    let mut side = Side {
        total: Duration::default(),
        units: 0,
        first_unit: None,
        unitless: None,
    };
    let mut times = false;
    let mut working = false;
    let mut i = 0;
    while i < tokens.len() {
        match &tokens[i] {
            Token::Number(n) if n.is_finite() && *n >= 0.0 => {
                side.unitless = match (side.unitless, times) {
                    (Some(previous), true) => Some(previous * n),
                    (None, false) => Some(*n),
                    _ => return None,
                };
                times = false;
            }
            Token::Word(w) if w == "x" && side.unitless.is_some() => times = true,
            Token::Word(w) if matches!(w.as_str(), "working" | "business") => working = true,
            Token::Word(w) => {
                let followed_by_kerja =
                    matches!(tokens.get(i + 1), Some(Token::Word(k)) if k == "kerja");
                if let Some(value) = number_word(w) {
                    if side.unitless.is_some() && !times {
                        return None;
                    }
                    side.unitless = Some(side.unitless.map_or(value, |p| p * value));
                    times = false;
                } else if let Some((amount, unit)) = unit_word(w, followed_by_kerja || working) {
                    let amount = match (amount, side.unitless.take()) {
                        (Some(fixed), None) => fixed,
                        (None, Some(value)) => value,
                        _ => return None,
                    };
                    side.total = side.total.plus(Duration::of(unit, amount));
                    side.first_unit.get_or_insert(unit);
                    side.units += 1;
                    working = false;
                    if followed_by_kerja {
                        i += 1;
                    }
                } else if !is_filler(w) {
                    return None;
                }
            }
            _ => return None,
        }
        i += 1;
    }
    (!times).then_some(side)
}

/// A unit word: `(fixed amount for "sehari"-style words, unit)`.
fn unit_word(word: &str, working: bool) -> Option<(Option<f64>, Unit)> {
    let (fixed, stem) = match word.strip_prefix("se") {
        Some(stem) if unit_of(stem, working).is_some() && !word.starts_with("sec") => {
            (Some(1.0), stem)
        }
        _ => (None, word),
    };
    unit_of(stem, working).map(|unit| (fixed, unit))
}

fn unit_of(word: &str, working: bool) -> Option<Unit> {
    let unit = match word {
        "detik" | "dtk" | "det" | "second" | "seconds" | "sec" | "secs" => {
            Unit::Minutes(1.0 / 60.0)
        }
        "menit" | "mnt" | "mt" | "m" | "min" | "mins" | "minute" | "minutes" => Unit::Minutes(1.0),
        "jam" | "jm" | "j" | "hour" | "hours" | "hrs" | "h" => Unit::Minutes(60.0),
        "hk" => Unit::WorkingDays(1.0),
        "hari" | "hr" | "hri" | "day" | "days" | "d" | "workday" | "workdays"
            if working || word.starts_with("work") =>
        {
            Unit::WorkingDays(1.0)
        }
        "hari" | "hr" | "hri" | "day" | "days" | "d" => Unit::Days(1.0),
        "minggu" | "mgg" | "mg" | "pekan" | "week" | "weeks" | "wk" | "wks" if working => {
            Unit::WorkingDays(5.0)
        }
        "minggu" | "mgg" | "mg" | "pekan" | "week" | "weeks" | "wk" | "wks" => Unit::Days(7.0),
        "bulan" | "bln" | "bl" | "month" | "months" | "mo" => Unit::Days(30.0),
        "tahun" | "thn" | "th" | "year" | "years" | "yr" | "yrs" => Unit::Days(365.0),
        _ => return None,
    };
    Some(unit)
}

fn number_word(word: &str) -> Option<f64> {
    Some(match word {
        "satu" | "one" => 1.0,
        "dua" | "two" => 2.0,
        "tiga" | "three" => 3.0,
        "empat" | "four" => 4.0,
        "lima" | "five" => 5.0,
        "enam" | "six" => 6.0,
        "tujuh" | "seven" => 7.0,
        "delapan" | "eight" => 8.0,
        "sembilan" | "nine" => 9.0,
        "sepuluh" | "ten" => 10.0,
        "setengah" | "half" => 0.5,
        "seperempat" | "quarter" => 0.25,
        _ => return None,
    })
}

/// Words that qualify a time without changing it ("maks. 3 hari").
fn is_filler(word: &str) -> bool {
    matches!(
        word,
        "maks"
            | "maksimal"
            | "maksimum"
            | "max"
            | "maximum"
            | "paling"
            | "lama"
            | "lambat"
            | "selama"
            | "kurang"
            | "lebih"
            | "kl"
            | "sekitar"
            | "kira"
            | "approx"
            | "about"
            | "around"
            | "up"
            | "within"
            | "dalam"
            | "waktu"
            | "efektif"
            | "a"
            | "an"
            | "and"
            | "dan"
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    fn minutes(text: &str) -> Option<(f64, f64)> {
        match parse_time(text) {
            ParsedTime::Span(span) => Some((span.min.to_minutes(), span.max.to_minutes())),
            _ => None,
        }
    }

    #[test]
    fn reads_real_world_forms() {
        let cases: &[(&str, f64, f64)] = &[
            ("10 menit", 10.0, 10.0),
            ("3 Menit", 3.0, 3.0),
            ("1 jam", 60.0, 60.0),
            ("2 hari", 2880.0, 2880.0),
            ("1 Hari Kerja", 480.0, 480.0),
            ("3 hari kerja", 1440.0, 1440.0),
            ("30menit", 30.0, 30.0),
            ("3hari", 4320.0, 4320.0),
            ("1 x 24 jam", 1440.0, 1440.0),
            ("1x24 jam", 1440.0, 1440.0),
            ("2 x 24 Jam", 2880.0, 2880.0),
            ("1-2 jam", 60.0, 120.0),
            ("5-10 menit", 5.0, 10.0),
            ("5 - 10 menit", 5.0, 10.0),
            ("30 menit - 3 Jam", 30.0, 180.0),
            ("15 minutes", 15.0, 15.0),
            ("2 hours", 120.0, 120.0),
            ("1 day", 1440.0, 1440.0),
            ("3 working days", 1440.0, 1440.0),
            ("2 business days", 960.0, 960.0),
            ("5 mnt", 5.0, 5.0),
            ("2 jm", 120.0, 120.0),
            ("4 hr", 5760.0, 5760.0),
            ("10 MENIT", 10.0, 10.0),
            ("1 minggu", 10080.0, 10080.0),
            ("2 pekan", 20160.0, 20160.0),
            ("1 bulan", 43200.0, 43200.0),
            ("1 jam 30 menit", 90.0, 90.0),
            ("1,5 jam", 90.0, 90.0),
            ("0.5 hari", 720.0, 720.0),
            ("1/2 jam", 30.0, 30.0),
            ("½ jam", 30.0, 30.0),
            ("Maks. 3 hari", 4320.0, 4320.0),
            ("paling lama 2 jam", 120.0, 120.0),
            ("± 15 menit", 15.0, 15.0),
            ("1 s/d 3 hari", 1440.0, 4320.0),
            ("1 sampai 2 jam", 60.0, 120.0),
            ("2 hingga 4 jam", 120.0, 240.0),
            ("sehari", 1440.0, 1440.0),
            ("setengah jam", 30.0, 30.0),
            ("dua hari", 2880.0, 2880.0),
            ("7 hari", 10080.0, 10080.0),
            ("30 hari", 43200.0, 43200.0),
            ("60 detik", 1.0, 1.0),
            ("2 hk", 960.0, 960.0),
            ("10 mins", 10.0, 10.0),
            ("1–2 hari", 1440.0, 2880.0),
            ("3 jam kerja", 180.0, 180.0),
            ("1 minggu kerja", 2400.0, 2400.0),
            ("20 Menit", 20.0, 20.0),
        ];
        for &(text, min, max) in cases {
            assert_eq!(minutes(text), Some((min, max)), "{text:?}");
        }
    }

    #[test]
    fn empty_forms_are_empty() {
        for text in ["", "-", " - ", "--", "–"] {
            assert_eq!(parse_time(text), ParsedTime::Empty, "{text:?}");
        }
    }

    #[test]
    fn prose_is_unparsed() {
        for text in [
            "Sesuai kebutuhan",
            "10",
            "08.00-15.30 WIB",
            "jam",
            "setiap hari",
            "1 jam 30",
            "x 5 menit",
            "5 menit x",
        ] {
            assert_eq!(parse_time(text), ParsedTime::Unparsed, "{text:?}");
        }
    }

    #[test]
    fn bases_stay_apart() {
        let ParsedTime::Span(a) = parse_time("2 hari kerja") else {
            panic!("not parsed")
        };
        let ParsedTime::Span(b) = parse_time("1 hari 4 jam 30 menit") else {
            panic!("not parsed")
        };
        let total = a.plus(b);
        assert_eq!(total.min.working_days, 2.0);
        assert_eq!(total.min.days, 1.0);
        assert_eq!(total.min.minutes, 270.0);
        assert_eq!(total.to_string(), "2 hari kerja + 1 hari 4 jam 30 menit");
    }

    #[test]
    fn ranges_print_both_ends() {
        let ParsedTime::Span(span) = parse_time("30 menit - 3 Jam") else {
            panic!("not parsed")
        };
        assert_eq!(span.to_string(), "30 menit - 3 jam");
        let ParsedTime::Span(span) = parse_time("1,5 jam") else {
            panic!("not parsed")
        };
        assert_eq!(span.to_string(), "1 jam 30 menit");
    }
}
