//! Dates of the identity sheet as drafters write them: `2025-06-02`,
//! `02-06-2025`, `02/06/2025`, `2 Juni 2025`, `June 2, 2025`.

use std::fmt;

/// A calendar date.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub struct Date {
    /// Year.
    pub year: i32,
    /// Month, 1 to 12.
    pub month: u32,
    /// Day, 1 to 31.
    pub day: u32,
}

impl Date {
    /// Reads a date; None when the text is not one (`-`, empty, a year
    /// alone).
    pub fn parse(text: &str) -> Option<Date> {
        let text = text.trim().trim_end_matches('.');
        let parts: Vec<&str> = text
            .split(|c: char| c == '-' || c == '/' || c == '.' || c == ',' || c.is_whitespace())
            .filter(|p| !p.is_empty())
            .collect();
        let number = |p: &str| p.parse::<u32>().ok();
        let date = match parts.as_slice() {
            [y, m, d] if y.len() == 4 && number(y).is_some() => {
                (number(y)?, number(m)?, number(d)?)
            }
            [m, d, y] if y.len() == 4 && number(m).is_none() && number(d).is_some() => {
                (number(y)?, month(m)?, number(d)?)
            }
            [d, m, y] if y.len() == 4 => match number(m) {
                Some(m) => (number(y)?, m, number(d)?),
                None => (number(y)?, month(m)?, number(d)?),
            },
            _ => return None,
        };
        let (year, month, day) = date;
        ((1..=12).contains(&month) && (1..=31).contains(&day)).then_some(Date {
            year: year as i32,
            month,
            day,
        })
    }

    /// Today's date in UTC, from the system clock.
    pub fn today() -> Date {
        let secs = std::time::SystemTime::now()
            .duration_since(std::time::UNIX_EPOCH)
            .map_or(0, |d| d.as_secs());
        Date::from_days((secs / 86_400) as i64)
    }

    /// The date `days` after 1970-01-01 (Howard Hinnant's civil algorithm).
    fn from_days(days: i64) -> Date {
        let z = days + 719_468;
        let era = z.div_euclid(146_097);
        let doe = z - era * 146_097;
        let yoe = (doe - doe / 1460 + doe / 36_524 - doe / 146_096) / 365;
        let doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
        let mp = (5 * doy + 2) / 153;
        let day = (doy - (153 * mp + 2) / 5 + 1) as u32;
        let month = if mp < 10 { mp + 3 } else { mp - 9 } as u32;
        let year = (yoe + era * 400 + i64::from(month <= 2)) as i32;
        Date { year, month, day }
    }

    /// The same day `years` later.
    pub fn plus_years(self, years: i32) -> Date {
        Date {
            year: self.year + years,
            ..self
        }
    }
}

impl fmt::Display for Date {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{:04}-{:02}-{:02}", self.year, self.month, self.day)
    }
}

/// A month's number from its Indonesian or English name or abbreviation.
fn month(name: &str) -> Option<u32> {
    const NAMES: [&[&str]; 12] = [
        &["januari", "january", "jan"],
        &["februari", "pebruari", "february", "feb", "peb"],
        &["maret", "march", "mar"],
        &["april", "apr"],
        &["mei", "may"],
        &["juni", "june", "jun"],
        &["juli", "july", "jul"],
        &["agustus", "august", "agu", "agt", "aug"],
        &["september", "sep", "sept"],
        &["oktober", "october", "okt", "oct"],
        &["november", "nopember", "nov", "nop"],
        &["desember", "december", "des", "dec"],
    ];
    let name = name.to_lowercase();
    NAMES
        .iter()
        .position(|names| names.contains(&name.as_str()))
        .map(|i| i as u32 + 1)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn d(year: i32, month: u32, day: u32) -> Option<Date> {
        Some(Date { year, month, day })
    }

    #[test]
    fn dates_read_as_drafters_write_them() {
        assert_eq!(Date::parse("2025-06-02"), d(2025, 6, 2));
        assert_eq!(Date::parse("02-06-2025"), d(2025, 6, 2));
        assert_eq!(Date::parse("02/06/2025"), d(2025, 6, 2));
        assert_eq!(Date::parse("02 Juni 2025"), d(2025, 6, 2));
        assert_eq!(Date::parse("25 Juli 2022"), d(2022, 7, 25));
        assert_eq!(Date::parse("1 Agustus 2019."), d(2019, 8, 1));
        assert_eq!(Date::parse("June 2, 2025"), d(2025, 6, 2));
        for not in ["-", "", "2025", "Juni 2025", "32 Juni 2025", "tanggal"] {
            assert_eq!(Date::parse(not), None, "{not}");
        }
    }

    #[test]
    fn days_since_the_epoch_give_the_civil_date() {
        assert_eq!(
            Date::from_days(0),
            Date {
                year: 1970,
                month: 1,
                day: 1
            }
        );
        assert_eq!(
            Date::from_days(20_454),
            Date {
                year: 2026,
                month: 1,
                day: 1
            }
        );
        assert_eq!(
            Date::from_days(11_016),
            Date {
                year: 2000,
                month: 2,
                day: 29
            }
        );
    }
}
