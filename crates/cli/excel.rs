//! Excel copies of the CSV tables, written from the CSV files themselves
//! (one row at a time, so memory does not grow with the corpus):
//! `excel/<table>.csv` is the CSV with a UTF-8 byte-order mark (so that
//! Excel on Windows reads the Chinese right when the file is double-clicked;
//! the plain CSV stays BOM-free for data tools), and `tables.xlsx` has one
//! sheet per table: header row bold and frozen, column widths from the
//! longest value, integers and confidences as numbers, dates as dates.
//!
//! A sheet holds at most [`SHEET_ROWS`] data rows (Excel's limit, less the
//! header); a longer table continues on sheets named `<table> (2)`, …, each
//! saying so in a note beside its header. Cells longer than
//! Excel's 32,767 characters are cut and end in `…`. Integers beyond ±2^53
//! (which a double cannot hold exactly) are written as text. The workbook's
//! creation date is fixed, so the same tables give the same bytes.

use anyhow::Context;
use rust_xlsxwriter::{DocProperties, ExcelDateTime, Format, Workbook, Worksheet};
use std::io::Write;
use std::path::Path;
use transform::{Table, Values};

/// Data rows per sheet: Excel's 1,048,576 rows less the header.
pub const SHEET_ROWS: usize = 1_048_575;
/// Excel's longest cell text.
const CELL_CHARS: usize = 32_767;
/// Widest column, in characters.
const MAX_WIDTH: usize = 60;
/// Largest integer a double holds exactly.
const EXACT_F64: i64 = 1 << 53;

/// The type of a CSV column, from the data dictionary.
#[derive(Clone, Copy, PartialEq)]
enum Kind {
    Text,
    Integer,
    Decimal,
    Date,
}

fn kinds(table: &Table) -> Vec<(&'static str, Kind)> {
    table
        .columns
        .iter()
        .filter(|c| !table.parquet_only.contains(&c.name))
        .map(|c| {
            let kind = match c.values {
                Values::Str(_) => Kind::Text,
                Values::I64(_) | Values::I32(_) => Kind::Integer,
                Values::F64(_) => Kind::Decimal,
                Values::Date(_) => Kind::Date,
            };
            (c.name, kind)
        })
        .collect()
}

/// Writes `excel/<table>.csv` and `tables.xlsx` into `dir` from the
/// `<table>.csv` files already there, for every table of the data dictionary.
pub fn write(dir: &Path) -> anyhow::Result<()> {
    write_with_limit(dir, SHEET_ROWS)
}

/// [`write`] with at most `sheet_rows` data rows a sheet.
fn write_with_limit(dir: &Path, sheet_rows: usize) -> anyhow::Result<()> {
    let excel = dir.join("excel");
    std::fs::create_dir_all(&excel).with_context(|| format!("creating {}", excel.display()))?;
    let mut book = Workbook::new();
    book.set_tempdir(dir)
        .with_context(|| format!("using {} for temporary files", dir.display()))?;
    let created = ExcelDateTime::from_ymd(2000, 1, 1).context("a fixed creation date")?;
    book.set_properties(
        &DocProperties::new()
            .set_title("bangfu tables")
            .set_creation_datetime(&created),
    );
    for table in transform::table::schemas() {
        let csv = dir.join(format!("{}.csv", table.name));
        with_bom(&csv, &excel.join(format!("{}.csv", table.name)))?;
        add_sheets(&mut book, &table, &csv, sheet_rows)
            .with_context(|| format!("adding {} to tables.xlsx", csv.display()))?;
    }
    let xlsx = dir.join("tables.xlsx");
    book.save(&xlsx)
        .with_context(|| format!("writing {}", xlsx.display()))?;
    Ok(())
}

/// Copies `from` to `to` behind a UTF-8 byte-order mark.
fn with_bom(from: &Path, to: &Path) -> anyhow::Result<()> {
    let mut src =
        std::fs::File::open(from).with_context(|| format!("opening {}", from.display()))?;
    let mut dst = std::io::BufWriter::new(
        std::fs::File::create(to).with_context(|| format!("creating {}", to.display()))?,
    );
    dst.write_all("\u{feff}".as_bytes())
        .and_then(|_| std::io::copy(&mut src, &mut dst).map(|_| ()))
        .and_then(|_| dst.flush())
        .with_context(|| format!("writing {}", to.display()))
}

struct Formats {
    header: Format,
    date: Format,
    decimal: Format,
}

fn add_sheets(
    book: &mut Workbook,
    table: &Table,
    csv: &Path,
    sheet_rows: usize,
) -> anyhow::Result<()> {
    let formats = Formats {
        header: Format::new().set_bold(),
        date: Format::new().set_num_format("yyyy-mm-dd"),
        decimal: Format::new().set_num_format("0.00"),
    };
    let columns = kinds(table);
    let mut reader = csv::ReaderBuilder::new()
        .has_headers(true)
        .from_path(csv)
        .with_context(|| format!("opening {}", csv.display()))?;
    let header: Vec<String> = reader
        .headers()
        .with_context(|| format!("reading the header of {}", csv.display()))?
        .iter()
        .map(String::from)
        .collect();
    let types: Vec<Kind> = header
        .iter()
        .map(|h| {
            columns
                .iter()
                .find(|(n, _)| n == h)
                .map_or(Kind::Text, |c| c.1)
        })
        .collect();
    let mut widths: Vec<usize> = header.iter().map(|h| h.chars().count() + 2).collect();
    let mut sheet_no = 1;
    let mut sheet = new_sheet(book, table.name, sheet_no, &header, &formats, sheet_rows)?;
    let mut row: u32 = 0;
    let mut record = csv::StringRecord::new();
    while reader
        .read_record(&mut record)
        .with_context(|| format!("reading {}", csv.display()))?
    {
        if row as usize == sheet_rows {
            set_widths(sheet, &widths)?;
            sheet_no += 1;
            sheet = new_sheet(book, table.name, sheet_no, &header, &formats, sheet_rows)?;
            row = 0;
        }
        row += 1;
        for (col, value) in record.iter().enumerate() {
            if value.is_empty() {
                continue;
            }
            let c = u16::try_from(col).context("more columns than Excel holds")?;
            let kind = types.get(col).copied().unwrap_or(Kind::Text);
            write_cell(sheet, row, c, value, kind, &formats)?;
            if let Some(w) = widths.get_mut(col) {
                let n = match kind {
                    Kind::Date => 12,
                    Kind::Decimal => 6,
                    _ => value.chars().count() + 2,
                };
                // CJK characters are about twice as wide as Latin ones.
                let wide = value.chars().filter(|c| !c.is_ascii()).count();
                *w = (*w).max((n + wide).min(MAX_WIDTH));
            }
        }
    }
    set_widths(sheet, &widths)?;
    if sheet_no > 1 {
        tracing::info!(
            "{}: {} sheets of at most {sheet_rows} rows",
            table.name,
            sheet_no
        );
    }
    Ok(())
}

fn new_sheet<'b>(
    book: &'b mut Workbook,
    table: &str,
    number: usize,
    header: &[String],
    formats: &Formats,
    sheet_rows: usize,
) -> anyhow::Result<&'b mut Worksheet> {
    let sheet = book.add_worksheet_with_constant_memory();
    let name = if number == 1 {
        table.to_string()
    } else {
        format!("{table} ({number})")
    };
    sheet.set_name(&name)?;
    for (col, h) in header.iter().enumerate() {
        let c = u16::try_from(col).context("more columns than Excel holds")?;
        sheet.write_string_with_format(0, c, h, &formats.header)?;
    }
    if number > 1 {
        let c = u16::try_from(header.len()).context("more columns than Excel holds")?;
        sheet.write_string(
            0,
            c,
            format!("continued from sheet {table}: at most {sheet_rows} rows a sheet"),
        )?;
    }
    sheet.set_freeze_panes(1, 0)?;
    Ok(sheet)
}

fn set_widths(sheet: &mut Worksheet, widths: &[usize]) -> anyhow::Result<()> {
    for (col, w) in widths.iter().enumerate() {
        let c = u16::try_from(col).context("more columns than Excel holds")?;
        sheet.set_column_width(c, *w as f64)?;
    }
    Ok(())
}

fn write_cell(
    sheet: &mut Worksheet,
    row: u32,
    col: u16,
    value: &str,
    kind: Kind,
    formats: &Formats,
) -> anyhow::Result<()> {
    match kind {
        Kind::Integer => {
            if let Ok(n) = value.parse::<i64>() {
                if n.abs() <= EXACT_F64 {
                    sheet.write_number(row, col, n as f64)?;
                    return Ok(());
                }
            }
        }
        Kind::Decimal => {
            if let Ok(x) = value.parse::<f64>() {
                sheet.write_number_with_format(row, col, x, &formats.decimal)?;
                return Ok(());
            }
        }
        Kind::Date => {
            if let Some(d) = excel_date(value) {
                sheet.write_datetime_with_format(row, col, &d, &formats.date)?;
                return Ok(());
            }
        }
        Kind::Text => {}
    }
    if value.chars().count() > CELL_CHARS {
        let cut: String = value.chars().take(CELL_CHARS - 1).collect();
        sheet.write_string(row, col, format!("{cut}…"))?;
    } else {
        sheet.write_string(row, col, value)?;
    }
    Ok(())
}

/// `YYYY-MM-DD` as an Excel date.
fn excel_date(s: &str) -> Option<ExcelDateTime> {
    let d = chrono::NaiveDate::parse_from_str(s, "%Y-%m-%d").ok()?;
    let y = u16::try_from(chrono::Datelike::year(&d)).ok()?;
    let m = u8::try_from(chrono::Datelike::month(&d)).ok()?;
    let day = u8::try_from(chrono::Datelike::day(&d)).ok()?;
    ExcelDateTime::from_ymd(y, m, day).ok()
}

#[cfg(test)]
mod tests {
    use super::*;
    use calamine::{Data, Reader};

    /// Every table's CSV with its header; `funds` with five rows.
    fn csv_folder() -> tempfile::TempDir {
        let dir = tempfile::tempdir().unwrap();
        for table in transform::table::schemas() {
            let header: Vec<&str> = kinds(&table).iter().map(|c| c.0).collect();
            let mut text = header.join(",") + "\n";
            if table.name == "funds" {
                for i in 0..5 {
                    let row: Vec<String> = kinds(&table)
                        .iter()
                        .map(|(name, kind)| match (*name, kind) {
                            ("fund_id", _) => format!("a.txt#F{i}"),
                            (_, Kind::Integer) => (i * 1_000_000).to_string(),
                            (_, Kind::Decimal) => "0.9".into(),
                            (_, Kind::Date) => "2015-12-27".into(),
                            _ => "帮扶".into(),
                        })
                        .collect();
                    text += &(row.join(",") + "\n");
                }
            }
            std::fs::write(dir.path().join(format!("{}.csv", table.name)), text).unwrap();
        }
        dir
    }

    #[test]
    fn a_table_longer_than_a_sheet_continues_on_numbered_sheets() {
        let dir = csv_folder();
        write_with_limit(dir.path(), 2).unwrap();
        let mut book: calamine::Xlsx<_> =
            calamine::open_workbook(dir.path().join("tables.xlsx")).unwrap();
        let names = book.sheet_names();
        assert_eq!(
            names,
            [
                "documents",
                "funds",
                "funds (2)",
                "funds (3)",
                "exchanges",
                "projects",
                "rejects",
                "validation",
                "provenance"
            ]
        );
        let heights: Vec<usize> = ["funds", "funds (2)", "funds (3)"]
            .iter()
            .map(|s| book.worksheet_range(s).unwrap().height())
            .collect();
        assert_eq!(heights, [3, 3, 2], "a header and at most two rows each");
        let last = book.worksheet_range("funds (3)").unwrap();
        let first = last.rows().nth(1).unwrap();
        assert_eq!(first[0], Data::String("a.txt#F4".into()));
        assert!(last
            .rows()
            .next()
            .unwrap()
            .iter()
            .any(|c| c.to_string().starts_with("continued from sheet funds")));
    }

    #[test]
    fn the_workbook_is_the_same_bytes_every_time() {
        let (a, b) = (csv_folder(), csv_folder());
        write(a.path()).unwrap();
        write(b.path()).unwrap();
        let read = |d: &tempfile::TempDir| std::fs::read(d.path().join("tables.xlsx")).unwrap();
        assert!(read(&a) == read(&b));
    }
}
