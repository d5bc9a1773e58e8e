//! Tables to files: each [`transform::Table`] becomes a polars frame and is
//! written as Parquet (every column) and CSV (without Parquet-only columns),
//! a piece at a time ([`TableFiles`]: one Parquet row group and one CSV
//! append per piece).

use anyhow::Context;
use polars::io::csv::write::BatchedWriter as CsvBatched;
use polars::io::parquet::write::BatchedWriter as ParquetBatched;
use polars::prelude::{
    CsvWriter, DataFrame, DataType, IntoColumn, NamedFrom, ParquetCompression, ParquetWriter,
    PlSmallStr, SerWriter, Series,
};
use std::fs::File;
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
    csv: CsvBatched<File>,
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
        let csv_frame = to_frame(empty, |name| !empty.parquet_only.contains(&name))?;
        let file =
            File::create(&csv_path).with_context(|| format!("creating {}", csv_path.display()))?;
        let csv = CsvWriter::new(file)
            .include_header(true)
            .batched(csv_frame.schema())
            .with_context(|| format!("writing {}", csv_path.display()))?;
        Ok(TableFiles {
            name: empty.name,
            parquet_only: empty.parquet_only,
            parquet,
            csv,
        })
    }

    /// Appends the rows of `table`: one Parquet row group, CSV lines.
    pub fn append(&mut self, table: &Table) -> anyhow::Result<()> {
        if table.height() == 0 {
            return Ok(());
        }
        {
            let all = to_frame(table, |_| true)?;
            self.parquet
                .write_batch(&all)
                .with_context(|| format!("writing {}.parquet", self.name))?;
        }
        let csv_frame = to_frame(table, |name| !self.parquet_only.contains(&name))?;
        self.csv
            .write_batch(&csv_frame)
            .with_context(|| format!("writing {}.csv", self.name))?;
        Ok(())
    }

    /// Writes the Parquet footer (and the CSV header of an empty table).
    pub fn finish(mut self) -> anyhow::Result<()> {
        self.parquet
            .finish()
            .with_context(|| format!("writing {}.parquet", self.name))?;
        self.csv
            .finish()
            .with_context(|| format!("writing {}.csv", self.name))?;
        Ok(())
    }
}
