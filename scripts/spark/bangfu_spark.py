"""Run bangfu under Apache Spark: a JSON Lines corpus in, one Parquet
dataset per table out, with the columns and types of docs/SPEC.md.

Spark splits the corpus into partitions and pipes each one through
`bangfu extract` (RDD.pipe), which writes one JSON object per row with a
`table` field. The rows are parsed, split by table, typed with SPEC's
schema, sorted as `bangfu run` sorts them (doc_id, then char_start) and
written as Parquet: OUTPUT/<table>/part-*.parquet.

    pip install pyspark            # Java 17 must be on the PATH
    cargo build --release
    python3 scripts/spark/bangfu_spark.py corpus.jsonl spark-out \\
        --bangfu target/release/bangfu --partitions 8

Give every line an `id`: a partition does not know its lines' numbers in
the whole file, so a line without one gets a doc_id made from its number
within the partition. Local mode (`--master local[*]`) needs nothing but
pyspark; on a cluster, put the bangfu binary at the same path on every
worker (or ship it with `--files` and use `./bangfu`).
"""

import argparse
import datetime
import json
import os
import shlex

from pyspark.sql import SparkSession
from pyspark.sql import types as T

STR, I64, I32, F64, DATE = "str", "i64", "i32", "f64", "date"
EVIDENCE = [("text", STR), ("sentence", STR), ("char_start", I64), ("char_end", I64)]

# docs/SPEC.md, column for column.
SCHEMAS = {
    "documents": [
        ("doc_id", STR), ("source_path", STR), ("title", STR), ("published", DATE),
        ("authors", STR), ("script", STR), ("encoding", STR), ("n_chars", I64),
        ("sha256", STR), ("donor", STR), ("recipient", STR), ("text", STR),
    ],
    "funds": [
        ("fund_id", STR), ("doc_id", STR), ("amount", I64), ("amount_low", I64),
        ("amount_high", I64), ("qualifier", STR), ("currency", STR), ("kind", STR),
        ("scope", STR), ("donor", STR), ("recipients", STR), ("purpose", STR),
        ("period_start", DATE), ("period_end", DATE), ("project_id", STR),
        *EVIDENCE, ("confidence", F64),
    ],
    "exchanges": [
        ("exchange_id", STR), ("doc_id", STR), ("value", I64), ("value_low", I64),
        ("value_high", I64), ("qualifier", STR), ("unit", STR), ("subject", STR),
        ("kind", STR), ("direction", STR), ("year", I32), ("period_start", DATE),
        ("period_end", DATE), *EVIDENCE, ("confidence", F64),
    ],
    "projects": [
        ("project_id", STR), ("doc_id", STR), ("name", STR), ("category", STR),
        ("scope", STR), ("count", I64), ("place", STR), ("province", STR),
        ("prefecture", STR), ("county", STR), ("township", STR), ("village", STR),
        ("adcode", STR), ("donor", STR), ("status", STR), *EVIDENCE, ("confidence", F64),
    ],
    "rejects": [("source_path", STR), ("reason", STR), ("detail", STR)],
}

# The order of `bangfu run`'s tables.
ORDER = {
    "documents": ["doc_id"],
    "funds": ["doc_id", "char_start", "fund_id"],
    "exchanges": ["doc_id", "char_start", "exchange_id"],
    "projects": ["doc_id", "char_start", "project_id"],
    "rejects": ["source_path", "reason", "detail"],
}

SPARK_TYPES = {
    STR: T.StringType(),
    I64: T.LongType(),
    I32: T.IntegerType(),
    F64: T.DoubleType(),
    DATE: T.DateType(),
}


def spark_schema(table):
    return T.StructType(
        [T.StructField(name, SPARK_TYPES[kind], True) for name, kind in SCHEMAS[table]]
    )


def typed(value, kind):
    """A JSON value of `bangfu extract` as the Python value Spark expects."""
    if value is None:
        return None
    if kind == DATE:
        return datetime.date.fromisoformat(value)
    if kind == F64:
        return float(value)
    return value


def to_row(table):
    columns = SCHEMAS[table]

    def convert(row):
        return tuple(typed(row.get(name), kind) for name, kind in columns)

    return convert


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("corpus", help="JSON Lines file (or folder, or glob) of articles")
    parser.add_argument("output", help="folder for <table>/ Parquet datasets")
    parser.add_argument("--bangfu", default="bangfu", help="path of the bangfu binary")
    parser.add_argument(
        "--source",
        default=None,
        help="source_path of the documents (default: the corpus file name)",
    )
    parser.add_argument("--partitions", type=int, default=4, help="minimum input partitions")
    parser.add_argument("--master", default="local[*]", help="Spark master URL")
    args = parser.parse_args()

    source = args.source or os.path.basename(args.corpus.rstrip("/"))
    spark = (
        SparkSession.builder.master(args.master)
        .appName("bangfu")
        .config("spark.ui.enabled", "false")
        .getOrCreate()
    )
    spark.sparkContext.setLogLevel("WARN")
    lines = spark.sparkContext.textFile(args.corpus, minPartitions=args.partitions)
    command = [os.path.abspath(args.bangfu) if os.sep in args.bangfu else args.bangfu,
               "extract", "--source", source]
    # checkCode: a failing bangfu fails the task (a bad line is a row, not a failure).
    rows = lines.pipe(shlex.join(command), checkCode=True).map(json.loads).cache()
    counts = {}
    for table in SCHEMAS:
        typed_rows = rows.filter(lambda r, t=table: r["table"] == t).map(to_row(table))
        frame = spark.createDataFrame(typed_rows, spark_schema(table)).orderBy(*ORDER[table])
        frame.write.mode("overwrite").parquet(os.path.join(args.output, table))
        counts[table] = frame.count()
    print(json.dumps({"rows": counts}))
    spark.stop()


if __name__ == "__main__":
    main()
