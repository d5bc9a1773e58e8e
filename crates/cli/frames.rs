//! Tables to files: each [`transform::Table`] becomes a polars frame and is
//! written as Parquet (every column) and CSV (without Parquet-only columns),
//! a piece at a time ([`TableFiles`]: one Parquet row group and one CSV
//! append per piece). The CSV bytes of each piece are handed back, so the
//! Excel copies ([`crate::excel::Book`]) are built from exactly what the
//! CSV file holds.

use anyhow::Context;
use polars::io::parquet::write::BatchedWriter as ParquetBatched;
use polars::prelude::{
    CsvWriter, DataFrame, DataType, IntoColumn, NamedFrom, ParquetCompression, ParquetWriter,
    PlSmallStr, SerWriter, Series,
};
use std::fs::File;
use std::io::Write;
use std::path::Path;
use transform::{Table, Values};

/// Days from 0001-01-01 (chrono's day 1) to 1970-01-01.
const UNIX_EPOCH_DAYS_FROM_CE: i32 = 719_163;

/// The table as a polars frame, columns in order, SPEC types.
pub fn to_frame(table: &Table, include: impl Fn(&str) -> bool) -> anyhow::Result<DataFrame> {
    let mut columns = Vec::with_capacity(table.columns.len());
    for c in table.columns.iter().filter(|c| include(c.name)) {
        let name: PlSmallStr = c.name.into();
        let series = match &c.values {
            Values::Str(v) => Series::new(name, v),
            Values::I64(v) => Series::new(name, v),
            Values::I32(v) => Series::new(name, v),
            Values::F64(v) => Series::new(name, v),
            Values::Date(v) => {
                let days: Vec<Option<i32>> = v
                    .iter()
                    .map(|d| {
                        d.map(|d| chrono::Datelike::num_days_from_ce(&d) - UNIX_EPOCH_DAYS_FROM_CE)
                    })
                    .collect();
                Series::new(name, days)
                    .cast(&DataType::Date)
                    .with_context(|| format!("{}.{} as Date", table.name, c.name))?
            }
        };
        columns.push(series.into_column());
    }
    DataFrame::new(table.height(), columns)
        .with_context(|| format!("building frame {}", table.name))
}

/// `<dir>/<name>.parquet` and `<dir>/<name>.csv` open for appending pieces
/// of one table. A file made of one piece is byte for byte what polars'
/// `ParquetWriter::finish` and `CsvWriter::finish` write for the same rows.
pub struct TableFiles {
    name: &'static str,
    parquet_only: &'static [&'static str],
    parquet: ParquetBatched<File>,
    csv: File,
    csv_header: Vec<u8>,
}

/// `frame` as CSV bytes (polars' CSV writer), with or without its header.
fn csv_bytes(frame: &mut DataFrame, header: bool, table: &str) -> anyhow::Result<Vec<u8>> {
    let mut bytes = Vec::new();
    CsvWriter::new(&mut bytes)
        .include_header(header)
        .finish(frame)
        .with_context(|| format!("writing {table}.csv"))?;
    Ok(bytes)
}

impl TableFiles {
    /// Creates both files for tables shaped like `empty` (a table without rows).
    pub fn create(dir: &Path, empty: &Table) -> anyhow::Result<Self> {
        let parquet_path = dir.join(format!("{}.parquet", empty.name));
        let all = to_frame(empty, |_| true)?;
        let file = File::create(&parquet_path)
            .with_context(|| format!("creating {}", parquet_path.display()))?;
        let parquet = ParquetWriter::new(file)
            .with_compression(ParquetCompression::Zstd(None))
            .batched(all.schema())
            .with_context(|| format!("writing {}", parquet_path.display()))?;
        let csv_path = dir.join(format!("{}.csv", empty.name));
        let mut csv_frame = to_frame(empty, |name| !empty.parquet_only.contains(&name))?;
        let csv_header = csv_bytes(&mut csv_frame, true, empty.name)?;
        let mut csv =
            File::create(&csv_path).with_context(|| format!("creating {}", csv_path.display()))?;
        csv.write_all(&csv_header)
            .with_context(|| format!("writing {}", csv_path.display()))?;
        Ok(TableFiles {
            name: empty.name,
            parquet_only: empty.parquet_only,
            parquet,
            csv,
            csv_header,
        })
    }

    /// The CSV file's header line, as written.
    pub fn csv_header(&self) -> &[u8] {
        &self.csv_header
    }

    /// Appends the rows of `table`: one Parquet row group, CSV lines. Gives
    /// back the CSV lines appended.
    pub fn append(&mut self, table: &Table) -> anyhow::Result<Vec<u8>> {
        if table.height() == 0 {
            return Ok(Vec::new());
        }
        let all = to_frame(table, |_| true)?;
        self.parquet
            .write_batch(&all)
            .with_context(|| format!("writing {}.parquet", self.name))?;
        // The CSV columns are the same series, shared, not built again.
        let mut csv_frame = all
            .select(
                table
                    .columns
                    .iter()
                    .map(|c| c.name)
                    .filter(|name| !self.parquet_only.contains(name)),
            )
            .with_context(|| format!("selecting the CSV columns of {}", self.name))?;
        let lines = csv_bytes(&mut csv_frame, false, self.name)?;
        self.csv
            .write_all(&lines)
            .with_context(|| format!("writing {}.csv", self.name))?;
        Ok(lines)
    }

    /// Writes the Parquet footer.
    pub fn finish(mut self) -> anyhow::Result<()> {
        self.parquet
            .finish()
            .with_context(|| format!("writing {}.parquet", self.name))?;
        self.csv
            .flush()
            .with_context(|| format!("writing {}.csv", self.name))?;
        Ok(())
    }
}
