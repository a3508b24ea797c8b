//! The bundled TrueType fonts wrapped as WOFF 1.0 (each table
//! zlib-compressed, nothing else changed), so the page carries the same
//! font at half the size.

/// `font` (a TrueType file) as WOFF 1.0, or `None` when its table
/// directory does not read.
pub(super) fn woff(font: &[u8]) -> Option<Vec<u8>> {
    let u16_at = |at: usize| Some(u16::from_be_bytes(font.get(at..at + 2)?.try_into().ok()?));
    let u32_at = |at: usize| Some(u32::from_be_bytes(font.get(at..at + 4)?.try_into().ok()?));
    let flavor = u32_at(0)?;
    let count = usize::from(u16_at(4)?);
    let mut tables = Vec::with_capacity(count);
    for i in 0..count {
        let record = 12 + 16 * i;
        let tag = font.get(record..record + 4)?;
        let checksum = u32_at(record + 4)?;
        let offset = u32_at(record + 8)? as usize;
        let length = u32_at(record + 12)? as usize;
        let data = font.get(offset..offset.checked_add(length)?)?;
        let compressed = miniz_oxide::deflate::compress_to_vec_zlib(data, 9);
        let stored = if compressed.len() < data.len() {
            compressed
        } else {
            data.to_vec()
        };
        tables.push((tag, checksum, data.len(), stored));
    }
    let padded = |n: usize| n.div_ceil(4) * 4;
    let sfnt_size = 12 + 16 * count + tables.iter().map(|t| padded(t.2)).sum::<usize>();
    let mut offset = 44 + 20 * count;
    let mut directory = Vec::with_capacity(20 * count);
    let mut data = Vec::new();
    for (tag, checksum, length, stored) in &tables {
        directory.extend_from_slice(tag);
        for value in [offset, stored.len(), *length] {
            directory.extend_from_slice(&u32::try_from(value).ok()?.to_be_bytes());
        }
        directory.extend_from_slice(&checksum.to_be_bytes());
        data.extend_from_slice(stored);
        data.resize(padded(data.len()), 0);
        offset += padded(stored.len());
    }
    let total = 44 + directory.len() + data.len();
    let mut out = Vec::with_capacity(total);
    out.extend_from_slice(b"wOFF");
    out.extend_from_slice(&flavor.to_be_bytes());
    out.extend_from_slice(&u32::try_from(total).ok()?.to_be_bytes());
    out.extend_from_slice(&u16::try_from(count).ok()?.to_be_bytes());
    out.extend_from_slice(&0u16.to_be_bytes());
    out.extend_from_slice(&u32::try_from(sfnt_size).ok()?.to_be_bytes());
    out.extend_from_slice(&1u16.to_be_bytes());
    out.extend_from_slice(&0u16.to_be_bytes());
    // No metadata, no private block.
    out.extend_from_slice(&[0; 20]);
    out.extend_from_slice(&directory);
    out.extend_from_slice(&data);
    Some(out)
}

#[cfg(test)]
mod tests {
    use super::woff;

    /// Each table unpacks to the font's own bytes.
    #[test]
    fn every_table_unpacks_to_the_font_it_came_from() {
        for font in [crate::text::fonts::REGULAR, crate::text::fonts::BOLD] {
            let packed = woff(font).unwrap();
            let u32_at =
                |b: &[u8], at: usize| u32::from_be_bytes(b[at..at + 4].try_into().unwrap());
            assert_eq!(&packed[..4], b"wOFF");
            assert_eq!(u32_at(&packed, 8) as usize, packed.len());
            assert!(packed.len() < font.len() * 6 / 10);
            let count = u16::from_be_bytes([packed[12], packed[13]]) as usize;
            assert_eq!(count, u16::from_be_bytes([font[4], font[5]]) as usize);
            for i in 0..count {
                let entry = 44 + 20 * i;
                let (offset, stored, length) = (
                    u32_at(&packed, entry + 4) as usize,
                    u32_at(&packed, entry + 8) as usize,
                    u32_at(&packed, entry + 12) as usize,
                );
                let bytes = &packed[offset..offset + stored];
                let table = if stored < length {
                    miniz_oxide::inflate::decompress_to_vec_zlib(bytes).unwrap()
                } else {
                    bytes.to_vec()
                };
                let record = 12 + 16 * i;
                assert_eq!(&packed[entry..entry + 4], &font[record..record + 4]);
                let at = u32_at(font, record + 8) as usize;
                assert_eq!(table, &font[at..at + length]);
            }
        }
    }
}
