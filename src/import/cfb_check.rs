//! A structural check of a compound file (the container of `.xls` and of
//! password-protected `.xlsx`) before calamine reads it: every sector
//! chain must stay inside the file and never loop. calamine 0.38 follows
//! a looping chain until memory runs out.

/// Ids at and above this mark the end of a chain or a free sector.
const MAX_REGULAR_SECTOR: u32 = 0xFFFF_FFFA;
/// Streams this long or longer live in regular sectors, shorter ones in
/// the mini stream.
const MINI_STREAM_CUTOFF: u64 = 4096;

/// Checks the container; `Err` says what is broken.
pub(crate) fn check(bytes: &[u8]) -> Result<(), String> {
    let u16_at = |at: usize| {
        bytes
            .get(at..at + 2)
            .map(|b| u16::from_le_bytes([b[0], b[1]]))
    };
    let u32_at = |at: usize| {
        bytes
            .get(at..at + 4)
            .map(|b| u32::from_le_bytes([b[0], b[1], b[2], b[3]]))
    };
    let size: usize = match u16_at(30) {
        Some(9) => 512,
        Some(12) => 4096,
        // calamine refuses a wrong sector shift itself.
        _ => return Ok(()),
    };
    let sectors = bytes.len().saturating_sub(size).div_ceil(size);
    let sector = |id: u32| -> Result<&[u8], String> {
        let start = size + id as usize * size;
        if id as usize >= sectors {
            return Err(format!("sector {id} lies beyond the end of the file"));
        }
        Ok(&bytes[start..(start + size).min(bytes.len())])
    };
    let ids = |data: &[u8]| -> Vec<u32> {
        data.chunks_exact(4)
            .map(|b| u32::from_le_bytes([b[0], b[1], b[2], b[3]]))
            .collect()
    };
    // The sectors holding the FAT: 109 in the header, more in the DIFAT chain.
    let mut fat_sectors: Vec<u32> = ids(bytes.get(76..512).unwrap_or_default());
    let mut difat = u32_at(68).unwrap_or(u32::MAX);
    let mut seen = 0;
    while difat < MAX_REGULAR_SECTOR {
        seen += 1;
        if seen > sectors {
            return Err("the DIFAT chain loops".into());
        }
        let mut entries = ids(sector(difat)?);
        difat = entries.pop().unwrap_or(u32::MAX);
        fat_sectors.extend(entries);
    }
    let mut fat = Vec::new();
    for &id in fat_sectors.iter().filter(|&&id| id < MAX_REGULAR_SECTOR) {
        fat.extend(ids(sector(id)?));
    }
    let walk = |start: u32, what: &str| -> Result<(), String> {
        let mut visited = vec![false; sectors];
        let mut id = start;
        while id < MAX_REGULAR_SECTOR {
            let i = id as usize;
            if i >= sectors || i >= fat.len() {
                return Err(format!("the {what} runs past the end of the file"));
            }
            if std::mem::replace(&mut visited[i], true) {
                return Err(format!("the {what} loops"));
            }
            id = fat[i];
        }
        Ok(())
    };
    let directory_start = u32_at(48).unwrap_or(u32::MAX);
    walk(directory_start, "directory chain")?;
    if u32_at(64).unwrap_or(0) > 0 {
        walk(u32_at(60).unwrap_or(u32::MAX), "mini FAT chain")?;
    }
    // Every stream in regular sectors, the root's mini stream included.
    let mut id = directory_start;
    let mut first = true;
    while id < MAX_REGULAR_SECTOR && (id as usize) < fat.len() {
        for entry in sector(id)?.chunks_exact(128) {
            let start = u32::from_le_bytes([entry[116], entry[117], entry[118], entry[119]]);
            let mut len = [0u8; 8];
            len.copy_from_slice(&entry[120..128]);
            let len = u64::from_le_bytes(len);
            if (first || len >= MINI_STREAM_CUTOFF) && entry[66] != 0 {
                walk(start, "stream chain")?;
            }
            first = false;
        }
        id = fat[id as usize];
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
}
