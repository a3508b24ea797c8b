//! A structural check of a compound file (the container of `.xls` and of
//! password-protected `.xlsx`) before calamine reads it. calamine 0.38
//! follows a looping sector chain until memory runs out, and makes every
//! XLS sheet one dense block from its first to its last cell, so a single
//! cell at row 60,000, column 60,000 asks for gigabytes. Refused here:
//! chains that loop or leave the file, and sheets whose block (or whose
//! declared DIMENSIONS, for which calamine reserves room up front) would
//! pass [`MAX_CELLS`].

/// Ids at and above this mark the end of a chain or a free sector.
const MAX_REGULAR_SECTOR: u32 = 0xFFFF_FFFA;
/// Streams this long or longer live in regular sectors, shorter ones in
/// the mini stream.
const MINI_STREAM_CUTOFF: u64 = 4096;
/// Size of a mini sector.
const MINI_SECTOR: usize = 64;
/// Most cells of the dense block of one sheet (about 80 MB in calamine),
/// far above any SOP table.
pub(crate) const MAX_CELLS: u64 = 2 << 20;

/// Checks the container; `Err` says what is broken.
pub(crate) fn check(bytes: &[u8]) -> Result<(), String> {
    let Some(container) = Container::open(bytes)? else {
        // calamine refuses a wrong sector shift itself.
        return Ok(());
    };
    container.walk(container.u32_at(48), "directory chain")?;
    if container.u32_at(64) > 0 {
        container.walk(container.u32_at(60), "mini FAT chain")?;
    }
    let entries = container.entries()?;
    for entry in &entries {
        if entry.kind != 0 && (entry.is_root || entry.len >= MINI_STREAM_CUTOFF) {
            container.walk(entry.start, "stream chain")?;
        }
    }
    // The stream calamine reads: the first entry named Workbook, in any
    // case and of any kind, else the first named Book.
    let named = |name: &str| entries.iter().find(|e| e.name.eq_ignore_ascii_case(name));
    let workbook = named("Workbook").or_else(|| named("Book"));
    if let Some(entry) = workbook {
        let stream = container.stream(entry, &entries)?;
        check_cell_extent(&stream)?;
    }
    Ok(())
}

/// One directory entry.
struct Entry {
    name: String,
    kind: u8,
    start: u32,
    len: u64,
    is_root: bool,
}

struct Container<'a> {
    bytes: &'a [u8],
    size: usize,
    sectors: usize,
    fat: Vec<u32>,
}

fn ids(data: &[u8]) -> Vec<u32> {
    data.chunks_exact(4)
        .map(|b| u32::from_le_bytes([b[0], b[1], b[2], b[3]]))
        .collect()
}

impl<'a> Container<'a> {
    fn open(bytes: &'a [u8]) -> Result<Option<Self>, String> {
        let size: usize = match bytes.get(30..32) {
            Some([9, 0]) => 512,
            Some([12, 0]) => 4096,
            _ => return Ok(None),
        };
        let mut container = Self {
            bytes,
            size,
            sectors: bytes.len().saturating_sub(size).div_ceil(size),
            fat: Vec::new(),
        };
        // The sectors holding the FAT: 109 in the header, more in the DIFAT chain.
        let mut fat_sectors = ids(bytes.get(76..512).unwrap_or_default());
        let mut difat = container.u32_at(68);
        let mut seen = 0;
        while difat < MAX_REGULAR_SECTOR {
            seen += 1;
            if seen > container.sectors {
                return Err("the DIFAT chain loops".into());
            }
            let mut entries = ids(container.sector(difat)?);
            difat = entries.pop().unwrap_or(u32::MAX);
            fat_sectors.extend(entries);
        }
        let mut fat = Vec::new();
        for &id in fat_sectors.iter().filter(|&&id| id < MAX_REGULAR_SECTOR) {
            fat.extend(ids(container.sector(id)?));
        }
        container.fat = fat;
        Ok(Some(container))
    }

    fn u32_at(&self, at: usize) -> u32 {
        self.bytes
            .get(at..at + 4)
            .map_or(u32::MAX, |b| u32::from_le_bytes([b[0], b[1], b[2], b[3]]))
    }

    fn sector(&self, id: u32) -> Result<&'a [u8], String> {
        if id as usize >= self.sectors {
            return Err(format!("sector {id} lies beyond the end of the file"));
        }
        let start = self.size + id as usize * self.size;
        Ok(&self.bytes[start..(start + self.size).min(self.bytes.len())])
    }

    /// The sectors of a chain in order, refusing loops and strays.
    fn chain(
        &self,
        start: u32,
        next: &[u32],
        limit: usize,
        what: &str,
    ) -> Result<Vec<u32>, String> {
        let mut visited = vec![false; limit];
        let mut chain = Vec::new();
        let mut id = start;
        while id < MAX_REGULAR_SECTOR {
            let i = id as usize;
            if i >= limit || i >= next.len() {
                return Err(format!("the {what} runs past the end of the file"));
            }
            if std::mem::replace(&mut visited[i], true) {
                return Err(format!("the {what} loops"));
            }
            chain.push(id);
            id = next[i];
        }
        Ok(chain)
    }

    fn walk(&self, start: u32, what: &str) -> Result<(), String> {
        self.chain(start, &self.fat, self.sectors, what).map(|_| ())
    }

    fn read(&self, start: u32, what: &str) -> Result<Vec<u8>, String> {
        let mut data = Vec::new();
        for id in self.chain(start, &self.fat, self.sectors, what)? {
            data.extend_from_slice(self.sector(id)?);
        }
        Ok(data)
    }

    fn entries(&self) -> Result<Vec<Entry>, String> {
        let directory = self.read(self.u32_at(48), "directory chain")?;
        Ok(directory
            .chunks_exact(128)
            .enumerate()
            .map(|(i, e)| {
                // As calamine reads an entry: the name up to its first NUL
                // (whatever its length field says), and with 512-byte
                // sectors only the low half of the size.
                let units: Vec<u16> = e[..64]
                    .chunks_exact(2)
                    .map(|b| u16::from_le_bytes([b[0], b[1]]))
                    .take_while(|&u| u != 0)
                    .collect();
                let mut len = [0u8; 8];
                let half = if self.size == 512 { 4 } else { 8 };
                len[..half].copy_from_slice(&e[120..120 + half]);
                Entry {
                    name: String::from_utf16_lossy(&units),
                    kind: e[66],
                    start: u32::from_le_bytes([e[116], e[117], e[118], e[119]]),
                    len: u64::from_le_bytes(len),
                    is_root: i == 0,
                }
            })
            .collect())
    }

    /// The bytes of a stream, from regular sectors or the mini stream.
    fn stream(&self, entry: &Entry, entries: &[Entry]) -> Result<Vec<u8>, String> {
        let len = usize::try_from(entry.len).unwrap_or(usize::MAX);
        let mut data = if entry.len >= MINI_STREAM_CUTOFF {
            self.read(entry.start, "stream chain")?
        } else {
            let root = entries.first().ok_or("the directory is empty")?;
            let mini_stream = self.read(root.start, "mini stream chain")?;
            let mini_fat = ids(&self.read(self.u32_at(60), "mini FAT chain")?);
            let count = mini_stream.len() / MINI_SECTOR;
            let mut data = Vec::new();
            for id in self.chain(entry.start, &mini_fat, count, "mini stream chain")? {
                let at = id as usize * MINI_SECTOR;
                data.extend_from_slice(&mini_stream[at..at + MINI_SECTOR]);
            }
            data
        };
        data.truncate(len);
        Ok(data)
    }
}

/// The records of a BIFF stream from `at`: (type, body).
fn records(stream: &[u8], mut at: usize) -> impl Iterator<Item = (u16, &[u8])> {
    std::iter::from_fn(move || {
        if at + 4 > stream.len() {
            return None;
        }
        let kind = u16::from_le_bytes([stream[at], stream[at + 1]]);
        let len = usize::from(u16::from_le_bytes([stream[at + 2], stream[at + 3]]));
        let body = &stream[at + 4..(at + 4 + len).min(stream.len())];
        at += 4 + len;
        Some((kind, body))
    })
}

/// Refuses a BIFF workbook stream whose sheets' cells span a block of
/// more than [`MAX_CELLS`]. Each sheet is read, as calamine reads it, from
/// the offset its BOUNDSHEET record gives up to its EOF record.
fn check_cell_extent(stream: &[u8]) -> Result<(), String> {
    let mut sheets = Vec::new();
    for (kind, body) in records(stream, 0) {
        match kind {
            0x0085 if body.len() >= 4 => {
                sheets.push(u32::from_le_bytes([body[0], body[1], body[2], body[3]]) as usize);
            }
            0x000A => break,
            _ => {}
        }
    }
    for start in sheets {
        check_sheet_extent(stream, start)?;
    }
    Ok(())
}

/// The extent check of the sheet whose substream starts at `start`.
fn check_sheet_extent(stream: &[u8], start: usize) -> Result<(), String> {
    let (mut rows, mut cols) = (0u64, 0u64);
    let mut depth = 0usize;
    let mut seen_bof = false;
    for (kind, body) in records(stream, start) {
        match kind {
            0x0809 if seen_bof => depth += 1,
            0x0809 => seen_bof = true,
            0x000A if depth == 0 => break,
            0x000A => depth -= 1,
            _ => {}
        }
        if depth > 0 {
            continue;
        }
        if kind == 0x0200 {
            check_dimensions(body)?;
        }
        // Cell records: FORMULA, MULRK, MULBLANK, LABELSST, BLANK, NUMBER,
        // LABEL, BOOLERR, RSTRING, RK (row, first column first).
        if matches!(
            kind,
            0x0006 | 0x00BD | 0x00BE | 0x00FD | 0x0201 | 0x0203 | 0x0204 | 0x0205 | 0x00D6 | 0x027E
        ) && body.len() >= 4
        {
            let row = u64::from(u16::from_le_bytes([body[0], body[1]]));
            let mut col = u64::from(u16::from_le_bytes([body[2], body[3]]));
            if matches!(kind, 0x00BD | 0x00BE) && body.len() >= 6 {
                let last = body.len() - 2;
                col = col.max(u64::from(u16::from_le_bytes([body[last], body[last + 1]])));
            }
            rows = rows.max(row + 1);
            cols = cols.max(col + 1);
            if rows * cols > MAX_CELLS {
                return Err(format!(
                    "a sheet spans {rows} rows by {cols} columns, more than {MAX_CELLS} cells"
                ));
            }
        }
    }
    Ok(())
}

/// A DIMENSIONS record, read as calamine reads it: the block it declares
/// must be within [`MAX_CELLS`] (calamine reserves it), and its last row
/// not before its first (calamine subtracts them).
fn check_dimensions(body: &[u8]) -> Result<(), String> {
    let u16_at = |i: usize| u64::from(u16::from_le_bytes([body[i], body[i + 1]]));
    let u32_at = |i: usize| {
        u64::from(u32::from_le_bytes([
            body[i],
            body[i + 1],
            body[i + 2],
            body[i + 3],
        ]))
    };
    let (first_row, rows_end, mut first_col, cols_end) = match body.len() {
        10 => (u16_at(0), u16_at(2), u16_at(4), u16_at(6)),
        14 | 16 => (u32_at(0), u32_at(4), u16_at(8), u16_at(10)),
        _ => return Ok(()), // calamine refuses it itself
    };
    if first_col > 0xFF || cols_end < first_col {
        first_col = 0;
    }
    if rows_end == 0 || cols_end == 0 {
        return Ok(());
    }
    if rows_end - 1 < first_row || cols_end - 1 < first_col {
        return Err("a sheet's DIMENSIONS record ends before it starts".to_owned());
    }
    let cells = (rows_end - first_row).saturating_mul(cols_end - first_col);
    if cells > MAX_CELLS {
        return Err(format!(
            "a sheet declares {} rows by {} columns, more than {MAX_CELLS} cells",
            rows_end - first_row,
            cols_end - first_col
        ));
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_looping_directory_chain_is_refused() {
        let mut file = vec![0u8; 512 * 3];
        file[..8].copy_from_slice(b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1");
        file[30] = 9;
        file[48..52].copy_from_slice(&1u32.to_le_bytes()); // directory at sector 1
        file[68..72].copy_from_slice(&u32::MAX.to_le_bytes()); // no DIFAT sectors
        file[76..80].copy_from_slice(&0u32.to_le_bytes()); // FAT in sector 0
        for slot in file[80..512].chunks_exact_mut(4) {
            slot.copy_from_slice(&u32::MAX.to_le_bytes());
        }
        // FAT: sector 0 is FAT, sector 1 points to itself.
        file[512..516].copy_from_slice(&0xFFFF_FFFDu32.to_le_bytes());
        file[516..520].copy_from_slice(&1u32.to_le_bytes());
        assert_eq!(check(&file), Err("the directory chain loops".into()));
        file[516..520].copy_from_slice(&0xFFFF_FFFEu32.to_le_bytes());
        assert_eq!(check(&file), Ok(()));
    }

    fn record(kind: u16, body: &[u8]) -> Vec<u8> {
        let mut r = kind.to_le_bytes().to_vec();
        r.extend_from_slice(&(body.len() as u16).to_le_bytes());
        r.extend_from_slice(body);
        r
    }

    fn cell(row: u16, col: u16) -> Vec<u8> {
        let mut body = row.to_le_bytes().to_vec();
        body.extend_from_slice(&col.to_le_bytes());
        body.extend_from_slice(&[0; 10]);
        record(0x0203, &body)
    }

    /// Workbook globals naming one sheet at `offset`, then `rest`.
    fn workbook(offset: u32, rest: &[u8]) -> Vec<u8> {
        let mut sheet = offset.to_le_bytes().to_vec();
        sheet.extend_from_slice(&[0, 0, 1, b'S']);
        let mut stream = record(0x0809, &[0; 16]);
        stream.extend(record(0x0085, &sheet));
        stream.extend(record(0x000A, &[]));
        stream.extend_from_slice(rest);
        stream
    }

    #[test]
    fn a_cell_far_out_is_refused_before_calamine_makes_its_block() {
        let globals = workbook(0, &[]).len() as u32;
        let mut sheet = record(0x0809, &[0; 16]);
        sheet.extend(cell(0, 0));
        sheet.extend(cell(200, 30));
        assert_eq!(check_cell_extent(&workbook(globals, &sheet)), Ok(()));
        sheet.extend(cell(60_000, 60_000));
        assert!(check_cell_extent(&workbook(globals, &sheet)).is_err());
        // After the sheet's EOF, cells are not the sheet's.
        let mut ended = record(0x0809, &[0; 16]);
        ended.extend(record(0x000A, &[]));
        ended.extend(cell(60_000, 60_000));
        assert_eq!(check_cell_extent(&workbook(globals, &ended)), Ok(()));
    }

    #[test]
    fn a_sheet_starting_inside_another_record_is_read_from_where_it_starts() {
        // A record whose body holds a far cell: read in line it is harmless
        // padding, read from the sheet's offset it is the cell calamine sees.
        let hidden = [record(0x0809, &[0; 16]), cell(60_000, 60_000)].concat();
        let globals = workbook(0, &[]).len() as u32;
        let padding = record(0x00EF, &hidden);
        let stream = workbook(globals + 4, &padding);
        assert!(check_cell_extent(&stream).is_err());
    }
}
