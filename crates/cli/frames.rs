//! Tables to files: each [`transform::Table`] becomes a polars frame and is
//! written as Parquet (every column) and CSV (without Parquet-only columns).

use anyhow::Context;
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

/// Writes `<dir>/<name>.parquet` and `<dir>/<name>.csv`.
pub fn write_table(dir: &Path, table: &Table) -> anyhow::Result<()> {
    let parquet = dir.join(format!("{}.parquet", table.name));
    {
        // Built, written and dropped before the CSV frame: one copy at a time.
        let mut all = to_frame(table, |_| true)?;
        let file =
            File::create(&parquet).with_context(|| format!("creating {}", parquet.display()))?;
        ParquetWriter::new(file)
            .with_compression(ParquetCompression::Zstd(None))
            .finish(&mut all)
            .with_context(|| format!("writing {}", parquet.display()))?;
    }
    let mut csv_frame = to_frame(table, |name| !table.parquet_only.contains(&name))?;
    let csv = dir.join(format!("{}.csv", table.name));
    let mut file = File::create(&csv).with_context(|| format!("creating {}", csv.display()))?;
    CsvWriter::new(&mut file)
        .include_header(true)
        .finish(&mut csv_frame)
        .with_context(|| format!("writing {}", csv.display()))?;
    Ok(())
}
