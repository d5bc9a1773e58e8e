"""Checks that the Spark example's tables equal those of `bangfu run`, row
for row: for each table, the same columns, the same number of rows, and no
row in one that is not in the other (a multiset comparison: exceptAll both
ways). Exit status 0 when every table is equal, 1 otherwise.

    python3 scripts/spark/compare.py spark-out processed
"""

import argparse
import os
import sys

from pyspark.sql import SparkSession

TABLES = ["documents", "funds", "exchanges", "projects", "rejects"]


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("spark_output", help="output folder of bangfu_spark.py")
    parser.add_argument("processed", help="output folder of bangfu run")
    args = parser.parse_args()
    spark = (
        SparkSession.builder.master("local[2]")
        .appName("bangfu-compare")
        .config("spark.ui.enabled", "false")
        .getOrCreate()
    )
    spark.sparkContext.setLogLevel("WARN")
    failed = False
    for table in TABLES:
        ours = spark.read.parquet(os.path.join(args.spark_output, table))
        theirs = spark.read.parquet(os.path.join(args.processed, f"{table}.parquet"))
        if ours.columns != theirs.columns:
            print(f"{table}: columns differ: {ours.columns} vs {theirs.columns}")
            failed = True
            continue
        theirs = theirs.select(*ours.columns)
        n_ours, n_theirs = ours.count(), theirs.count()
        only_spark = ours.exceptAll(theirs).count()
        only_run = theirs.exceptAll(ours).count()
        same = n_ours == n_theirs and only_spark == 0 and only_run == 0
        failed |= not same
        print(
            f"{table}: spark {n_ours} rows, run {n_theirs} rows, "
            f"only in spark {only_spark}, only in run {only_run}: "
            + ("equal" if same else "DIFFERENT")
        )
    spark.stop()
    sys.exit(1 if failed else 0)


if __name__ == "__main__":
    main()
