//! Excel copies of the CSV tables, made from the CSV bytes themselves (one
//! row at a time, so memory does not grow with the corpus): as a run writes
//! each piece of a table ([`Book`], fed by the sink thread while the workers
//! go on), or afterwards from the CSV files ([`write`], for `bangfu report`).
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
use std::fs::File;
use std::io::{BufWriter, Write};
use std::path::{Path, PathBuf};
use std::sync::mpsc::{sync_channel, SyncSender};
use std::thread::JoinHandle;
use transform::{Table, Values};

/// Data rows per sheet: Excel's 1,048,576 rows less the header.
pub const SHEET_ROWS: usize = 1_048_575;
/// Excel's longest cell text.
const CELL_CHARS: usize = 32_767;
/// Widest column, in characters.
const MAX_WIDTH: usize = 60;
/// Deflate level of the `.xlsx` zip container. At the default (6)
/// compressing the sheets was three quarters of the serial tail of a run
/// (`finish`, 0.55 s of 2.6 s on 2,000 articles, one core); level 1 halves
/// that tail for a file half as large again (4.9 → 7.3 MB there; level 2:
/// 5.7 MB, 0.31 s). The CSV and Parquet tables are the primary outputs.
const ZIP_LEVEL: u8 = 1;
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
    let mut book = Book::with_limit(dir, sheet_rows)?;
    for table in transform::table::schemas() {
        let csv = dir.join(format!("{}.csv", table.name));
        with_bom(&csv, &book.excel_dir().join(format!("{}.csv", table.name)))?;
        let mut reader = csv::ReaderBuilder::new()
            .has_headers(true)
            .from_path(&csv)
            .with_context(|| format!("opening {}", csv.display()))?;
        let header: Vec<String> = reader
            .headers()
            .with_context(|| format!("reading the header of {}", csv.display()))?
            .iter()
            .map(String::from)
            .collect();
        let mut sheets = book.sheets(&table, header)?;
        let mut record = csv::StringRecord::new();
        while reader
            .read_record(&mut record)
            .with_context(|| format!("reading {}", csv.display()))?
        {
            sheets
                .add_record(&mut book.workbook, &book.formats, &record)
                .with_context(|| format!("adding {} to tables.xlsx", csv.display()))?;
        }
        book.tables.push(sheets);
    }
    book.save()
}

/// Copies `from` to `to` behind a UTF-8 byte-order mark.
fn with_bom(from: &Path, to: &Path) -> anyhow::Result<()> {
    let mut src = File::open(from).with_context(|| format!("opening {}", from.display()))?;
    let mut dst =
        BufWriter::new(File::create(to).with_context(|| format!("creating {}", to.display()))?);
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

/// `tables.xlsx` and `excel/<table>.csv` in the making, fed a table's CSV
/// bytes as they are written ([`Book::begin`], [`Book::add_csv`]) and saved
/// by [`Book::save`]. Sheets go into the workbook in the data dictionary's
/// table order, whatever order the tables were fed in.
pub struct Book {
    dir: PathBuf,
    workbook: Workbook,
    formats: Formats,
    sheet_rows: usize,
    tables: Vec<Sheets>,
    copies: Vec<(&'static str, PathBuf, BufWriter<File>)>,
}

impl Book {
    /// A book writing into `dir` (`dir/excel/` for the copies; the
    /// worksheets' rows wait in temporary files in `dir`).
    pub fn create(dir: &Path) -> anyhow::Result<Self> {
        Book::with_limit(dir, SHEET_ROWS)
    }

    fn with_limit(dir: &Path, sheet_rows: usize) -> anyhow::Result<Self> {
        let excel = dir.join("excel");
        std::fs::create_dir_all(&excel).with_context(|| format!("creating {}", excel.display()))?;
        let mut workbook = Workbook::new();
        workbook.set_zip_compression_level(ZIP_LEVEL);
        workbook
            .set_tempdir(dir)
            .with_context(|| format!("using {} for temporary files", dir.display()))?;
        let created = ExcelDateTime::from_ymd(2000, 1, 1).context("a fixed creation date")?;
        workbook.set_properties(
            &DocProperties::new()
                .set_title("bangfu tables")
                .set_creation_datetime(&created),
        );
        Ok(Book {
            dir: dir.to_path_buf(),
            workbook,
            formats: Formats {
                header: Format::new().set_bold(),
                date: Format::new().set_num_format("yyyy-mm-dd"),
                decimal: Format::new().set_num_format("0.00"),
            },
            sheet_rows,
            tables: Vec::new(),
            copies: Vec::new(),
        })
    }

    fn excel_dir(&self) -> PathBuf {
        self.dir.join("excel")
    }

    fn sheets(&mut self, table: &Table, header: Vec<String>) -> anyhow::Result<Sheets> {
        Sheets::new(
            &mut self.workbook,
            &self.formats,
            table,
            header,
            self.sheet_rows,
        )
    }

    /// Starts `table` from its CSV header line (as written to its CSV file).
    pub fn begin(&mut self, table: &Table, csv_header: &[u8]) -> anyhow::Result<()> {
        let path = self.excel_dir().join(format!("{}.csv", table.name));
        let mut copy = BufWriter::new(
            File::create(&path).with_context(|| format!("creating {}", path.display()))?,
        );
        copy.write_all("\u{feff}".as_bytes())
            .and_then(|()| copy.write_all(csv_header))
            .with_context(|| format!("writing {}", path.display()))?;
        let mut reader = csv::ReaderBuilder::new()
            .has_headers(true)
            .from_reader(csv_header);
        let header: Vec<String> = reader
            .headers()
            .with_context(|| format!("reading the header of {}.csv", table.name))?
            .iter()
            .map(String::from)
            .collect();
        let sheets = self.sheets(table, header)?;
        self.tables.push(sheets);
        self.copies.push((table.name, path, copy));
        Ok(())
    }

    /// Adds CSV lines of a table already begun (whole records, as appended
    /// to its CSV file).
    pub fn add_csv(&mut self, table: &str, lines: &[u8]) -> anyhow::Result<()> {
        if lines.is_empty() {
            return Ok(());
        }
        let (_, path, copy) = self
            .copies
            .iter_mut()
            .find(|c| c.0 == table)
            .with_context(|| format!("internal error: {table} was not begun in tables.xlsx"))?;
        copy.write_all(lines)
            .with_context(|| format!("writing {}", path.display()))?;
        let sheets = self
            .tables
            .iter_mut()
            .find(|t| t.table == table)
            .with_context(|| format!("internal error: {table} was not begun in tables.xlsx"))?;
        let mut reader = csv::ReaderBuilder::new()
            .has_headers(false)
            .from_reader(lines);
        let mut record = csv::StringRecord::new();
        while reader
            .read_record(&mut record)
            .with_context(|| format!("reading the lines of {table}.csv"))?
        {
            sheets
                .add_record(&mut self.workbook, &self.formats, &record)
                .with_context(|| format!("adding {table} to tables.xlsx"))?;
        }
        Ok(())
    }

    /// Writes `tables.xlsx` and closes the copies.
    pub fn save(mut self) -> anyhow::Result<()> {
        for (_, path, mut copy) in self.copies.drain(..) {
            copy.flush()
                .with_context(|| format!("writing {}", path.display()))?;
        }
        let mut tables = std::mem::take(&mut self.tables);
        for schema in transform::table::schemas() {
            let Some(i) = tables.iter().position(|t| t.table == schema.name) else {
                anyhow::bail!(
                    "internal error: {} is missing from tables.xlsx",
                    schema.name
                );
            };
            tables.remove(i).finish(&mut self.workbook)?;
        }
        let xlsx = self.dir.join("tables.xlsx");
        self.workbook
            .save(&xlsx)
            .with_context(|| format!("writing {}", xlsx.display()))?;
        Ok(())
    }
}

/// How many pieces of CSV (a row group each at most) may wait for the
/// Excel thread: bounds the memory they hold.
const BOOK_QUEUE: usize = 4;

/// What the Excel thread is handed, in the order the sink writes it.
enum Piece {
    /// A table's CSV header line.
    Begin(&'static str, Vec<u8>),
    /// Whole CSV records of a table already begun.
    Lines(&'static str, Vec<u8>),
}

/// A [`Book`] built on a thread of its own. The sink hands it each table's
/// CSV bytes as it writes them and goes on: turning them into worksheet
/// cells and the `excel/` copies (a third of writing a run's tables, and
/// then the zip) overlaps with the rest of the run instead of adding to
/// it. Pieces are taken in the order they were given, so the files are the
/// ones [`Book`] writes directly.
pub struct BookWriter {
    queue: Option<SyncSender<Piece>>,
    thread: Option<JoinHandle<anyhow::Result<()>>>,
    /// Writes nothing at all (`bangfu run --no-excel`).
    off: bool,
}

impl BookWriter {
    /// A writer that writes nothing: no thread, no `excel/`, no `tables.xlsx`.
    pub fn off() -> Self {
        BookWriter {
            queue: None,
            thread: None,
            off: true,
        }
    }

    /// Starts the thread, with a [`Book`] writing into `dir`.
    pub fn create(dir: &Path) -> anyhow::Result<Self> {
        let mut book = Book::create(dir)?;
        let (queue, pieces) = sync_channel::<Piece>(BOOK_QUEUE);
        let thread = std::thread::Builder::new()
            .name("bangfu-excel".into())
            .spawn(move || -> anyhow::Result<()> {
                let schemas = transform::table::schemas();
                for piece in pieces {
                    match piece {
                        Piece::Begin(name, header) => {
                            let table = schemas.iter().find(|t| t.name == name).with_context(
                                || format!("internal error: {name} is not a table of the data dictionary"),
                            )?;
                            book.begin(table, &header)?;
                        }
                        Piece::Lines(name, lines) => book.add_csv(name, &lines)?,
                    }
                }
                book.save()
            })
            .context("starting the thread that writes tables.xlsx")?;
        Ok(BookWriter {
            queue: Some(queue),
            thread: Some(thread),
            off: false,
        })
    }

    /// Starts `table` from its CSV header line, as [`Book::begin`].
    pub fn begin(&mut self, table: &Table, csv_header: &[u8]) -> anyhow::Result<()> {
        self.send(Piece::Begin(table.name, csv_header.to_vec()))
    }

    /// Adds whole CSV records of a table already begun, as [`Book::add_csv`].
    pub fn add_csv(&mut self, table: &'static str, lines: Vec<u8>) -> anyhow::Result<()> {
        if lines.is_empty() {
            return Ok(());
        }
        self.send(Piece::Lines(table, lines))
    }

    /// Waits for the thread to take every piece and save `tables.xlsx`.
    pub fn save(mut self) -> anyhow::Result<()> {
        self.join()
    }

    fn send(&mut self, piece: Piece) -> anyhow::Result<()> {
        if self.off {
            return Ok(());
        }
        let sent = match &self.queue {
            Some(queue) => queue.send(piece).is_ok(),
            None => false,
        };
        if sent {
            return Ok(());
        }
        // The thread stopped: its own error says why.
        self.join()?;
        anyhow::bail!("internal error: the thread writing tables.xlsx stopped early")
    }

    fn join(&mut self) -> anyhow::Result<()> {
        drop(self.queue.take());
        match self.thread.take() {
            Some(thread) => thread
                .join()
                .map_err(|_| anyhow::anyhow!("the thread writing tables.xlsx panicked"))?,
            None => Ok(()),
        }
    }
}

impl Drop for BookWriter {
    /// A sink dropped on an error still waits for its thread (whose files
    /// are in the staging folder, thrown away with it).
    fn drop(&mut self) {
        let _ = self.join();
    }
}

/// One table's sheets: the first, and `<table> (2)`, … when it is longer
/// than a sheet.
struct Sheets {
    table: &'static str,
    header: Vec<String>,
    types: Vec<Kind>,
    widths: Vec<usize>,
    sheet_rows: usize,
    done: Vec<Worksheet>,
    sheet: Worksheet,
    row: u32,
}

impl Sheets {
    fn new(
        book: &mut Workbook,
        formats: &Formats,
        table: &Table,
        header: Vec<String>,
        sheet_rows: usize,
    ) -> anyhow::Result<Self> {
        let columns = kinds(table);
        let types: Vec<Kind> = header
            .iter()
            .map(|h| {
                columns
                    .iter()
                    .find(|(n, _)| n == h)
                    .map_or(Kind::Text, |c| c.1)
            })
            .collect();
        let widths: Vec<usize> = header.iter().map(|h| h.chars().count() + 2).collect();
        let sheet = new_sheet(book, table.name, 1, &header, &types, formats, sheet_rows)?;
        Ok(Sheets {
            table: table.name,
            header,
            types,
            widths,
            sheet_rows,
            done: Vec::new(),
            sheet,
            row: 0,
        })
    }

    fn add_record(
        &mut self,
        book: &mut Workbook,
        formats: &Formats,
        record: &csv::StringRecord,
    ) -> anyhow::Result<()> {
        if self.row as usize == self.sheet_rows {
            set_widths(&mut self.sheet, &self.widths)?;
            let number = self.done.len() + 2;
            let next = new_sheet(
                book,
                self.table,
                number,
                &self.header,
                &self.types,
                formats,
                self.sheet_rows,
            )?;
            self.done.push(std::mem::replace(&mut self.sheet, next));
            self.row = 0;
        }
        self.row += 1;
        for (col, value) in record.iter().enumerate() {
            if value.is_empty() {
                continue;
            }
            let c = u16::try_from(col).context("more columns than Excel holds")?;
            let kind = self.types.get(col).copied().unwrap_or(Kind::Text);
            write_cell(&mut self.sheet, self.row, c, value, kind)?;
            if let Some(w) = self.widths.get_mut(col) {
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
        Ok(())
    }

    /// Sets the last sheet's widths and puts every sheet into the workbook.
    fn finish(mut self, book: &mut Workbook) -> anyhow::Result<()> {
        set_widths(&mut self.sheet, &self.widths)?;
        let count = self.done.len() + 1;
        if count > 1 {
            tracing::info!(
                "{}: {} sheets of at most {} rows",
                self.table,
                count,
                self.sheet_rows
            );
        }
        for sheet in self.done {
            book.push_worksheet(sheet);
        }
        book.push_worksheet(self.sheet);
        Ok(())
    }
}

/// A worksheet of `table` (`<table> (n)` after the first) with its bold,
/// frozen header and the number format of its decimal and date columns.
/// The format is the column's, not each cell's: a cell written without
/// one takes its column's when the row is written out, which saves looking
/// the format up for every cell (a hash of the whole format each time).
fn new_sheet(
    book: &mut Workbook,
    table: &str,
    number: usize,
    header: &[String],
    types: &[Kind],
    formats: &Formats,
    sheet_rows: usize,
) -> anyhow::Result<Worksheet> {
    let mut sheet = book
        .new_worksheet_with_constant_memory()
        .context("creating a worksheet's temporary file")?;
    let name = if number == 1 {
        table.to_string()
    } else {
        format!("{table} ({number})")
    };
    sheet.set_name(&name)?;
    for (col, h) in header.iter().enumerate() {
        let c = u16::try_from(col).context("more columns than Excel holds")?;
        sheet.write_string_with_format(0, c, h, &formats.header)?;
        match types.get(col) {
            Some(Kind::Decimal) => {
                sheet.set_column_format(c, &formats.decimal)?;
            }
            Some(Kind::Date) => {
                sheet.set_column_format(c, &formats.date)?;
            }
            _ => {}
        }
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

/// Writes one CSV value as a cell of its column's type (decimals and dates
/// take their column's format).
fn write_cell(
    sheet: &mut Worksheet,
    row: u32,
    col: u16,
    value: &str,
    kind: Kind,
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
                sheet.write_number(row, col, x)?;
                return Ok(());
            }
        }
        Kind::Date => {
            if let Some(d) = excel_date(value) {
                sheet.write_number(row, col, d.to_excel())?;
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
    fn the_excel_thread_writes_what_the_book_writes() {
        let (direct, threaded) = (csv_folder(), csv_folder());
        write(direct.path()).unwrap();
        let mut writer = BookWriter::create(threaded.path()).unwrap();
        for table in transform::table::schemas() {
            let csv = std::fs::read(threaded.path().join(format!("{}.csv", table.name))).unwrap();
            let header_end = csv.iter().position(|&b| b == b'\n').unwrap() + 1;
            writer.begin(&table, &csv[..header_end]).unwrap();
            // Two pieces where there are rows, as a run hands them over.
            let rows = &csv[header_end..];
            let cut = rows.iter().position(|&b| b == b'\n').map_or(0, |i| i + 1);
            writer.add_csv(table.name, rows[..cut].to_vec()).unwrap();
            writer.add_csv(table.name, rows[cut..].to_vec()).unwrap();
        }
        writer.save().unwrap();
        for file in ["tables.xlsx", "excel/funds.csv", "excel/documents.csv"] {
            let read = |d: &tempfile::TempDir| std::fs::read(d.path().join(file)).unwrap();
            assert!(read(&direct) == read(&threaded), "{file} differs");
        }
    }

    #[test]
    fn an_error_on_the_excel_thread_comes_back_to_the_writer() {
        let dir = csv_folder();
        let mut writer = BookWriter::create(dir.path()).unwrap();
        // Rows of a table never begun: the thread stops with an error.
        let _ = writer.add_csv("funds", b"x,y\n".to_vec());
        let err = writer.save().unwrap_err();
        assert!(
            format!("{err:#}").contains("funds was not begun"),
            "{err:#}"
        );
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
