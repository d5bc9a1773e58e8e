#!/usr/bin/env python3
"""Builds the gazetteer data files under crates/extract/data/ from the npm
package `china-division` (built from the National Bureau of Statistics'
2023 division codes).

Usage:
    python3 scripts/gazetteer/build.py [PACKAGE_DIR]

Without PACKAGE_DIR the script runs `npm pack china-division@VERSION` in a
temporary folder and unpacks it there (nothing is left in the repo).

Outputs (deterministic for a given package version):
    divisions.tsv      code, level, name, parent code — provinces, prefectures,
                       counties (6-digit codes) and townships (9-digit codes)
    villages.idx.tsv   county code, byte offset, byte length into villages.bin
    villages.bin       concatenated zlib streams, one per county; each holds
                       lines `TTT<TAB>VVV<TAB>name` (the last three digits of
                       the township code, of the village code, and the
                       village name with 村委会/居委会 folded to 村/社区)
"""
import csv
import json
import os
import subprocess
import sys
import tarfile
import tempfile
import zlib

VERSION = "2.7.0"
HERE = os.path.dirname(os.path.abspath(__file__))
OUT = os.path.normpath(os.path.join(HERE, "..", "..", "crates", "extract", "data"))

# Placeholder "prefectures" under municipalities and the headings of counties
# directly under a province: not places of their own.
PLACEHOLDER_CITIES = {"市辖区", "县", "省直辖县级行政区划", "自治区直辖县级行政区划"}


def fetch_package(tmp):
    subprocess.run(["npm", "pack", f"china-division@{VERSION}", "--silent"],
                   cwd=tmp, check=True, stdout=subprocess.DEVNULL)
    with tarfile.open(os.path.join(tmp, f"china-division-{VERSION}.tgz")) as tar:
        tar.extractall(tmp)
    return os.path.join(tmp, "package")


def rows(path):
    with open(path, encoding="utf-8", newline="") as f:
        yield from csv.DictReader(f)


def village_name(raw):
    """村委会/村民委员会 → 村, 居委会/居民委员会 → 社区 (names as people write them)."""
    n = raw.strip()
    for suffix, unit in (("社区居民委员会", "社区"), ("社区居委会", "社区"),
                         ("村民委员会", "村"), ("村委会", "村"),
                         ("居民委员会", "社区"), ("居委会", "社区")):
        if n.endswith(suffix):
            base = n[: -len(suffix)]
            if not base:
                return n
            return base if base.endswith(unit) else base + unit
    return n


# The numerals of the 14 divisions of 新疆生产建设兵团, in order.
XPCC_DIVISIONS = ["一", "二", "三", "四", "五", "六", "七", "八", "九", "十",
                  "十一", "十二", "十三", "十四"]


# The cities of 新疆生产建设兵团 (NBS code → the division, by number, each is
# the seat of: 石河子市 is 第八师's).
XPCC_CITIES = {"659001": 8, "659002": 1, "659003": 3, "659004": 6, "659005": 10,
               "659006": 2, "659007": 5, "659008": 4, "659009": 14, "659010": 7,
               "659011": 13, "659012": 9}


def main():
    with tempfile.TemporaryDirectory() as tmp:
        pkg = sys.argv[1] if len(sys.argv) > 1 else fetch_package(tmp)
        dist = os.path.join(pkg, "dist")
        out = []  # (code, level, name, parent)
        provinces = {}
        for r in rows(os.path.join(dist, "provinces.csv")):
            code = r["code"] + "0000"
            provinces[r["code"]] = code
            out.append((code, "province", r["name"], ""))
        city_code = {}  # 4-digit city code -> 6-digit parent code for counties
        city_name = {}
        for r in rows(os.path.join(dist, "cities.csv")):
            prov = provinces[r["provinceCode"]]
            if r["name"] in PLACEHOLDER_CITIES:
                city_code[r["code"]] = prov
                continue
            code = r["code"] + "00"
            city_code[r["code"]] = code
            city_name[r["code"]] = r["name"]
            out.append((code, "prefecture", r["name"], prov))
        area_parent = {}  # county code -> parent code for townships
        for r in rows(os.path.join(dist, "areas.csv")):
            parent = city_code[r["cityCode"]]
            if city_name.get(r["cityCode"]) == r["name"]:
                # A prefecture-level city without counties (东莞市): its
                # townships hang directly under the prefecture.
                area_parent[r["code"]] = parent
                continue
            area_parent[r["code"]] = r["code"]
            out.append((r["code"], "county", r["name"], parent))
        for r in rows(os.path.join(dist, "streets.csv")):
            out.append((r["code"], "township", r["name"], area_parent[r["areaCode"]]))
        # Hong Kong, Macao and Taiwan: names only (the NBS tables stop at the
        # province). Sub-units get synthetic ids starting with "x", which are
        # never reported as adcodes.
        with open(os.path.join(dist, "HK-MO-TW.json"), encoding="utf-8") as f:
            hmt = json.load(f)
        hmt_codes = {"台湾省": "71", "香港特别行政区": "81", "澳门特别行政区": "82"}
        for prov, cities in hmt.items():
            pcode = hmt_codes[prov]
            out.append((pcode + "0000", "province", prov, ""))
            for i, (city, areas) in enumerate(cities.items(), 1):
                ccode = "x%s%02d" % (pcode, i)
                out.append((ccode, "prefecture", city, pcode + "0000"))
                for j, area in enumerate(areas, 1):
                    out.append(("%s%02d" % (ccode, j), "county", area, ccode))
        # The divisions (师) of the Xinjiang Production and Construction Corps
        # (新疆生产建设兵团): prefecture-level units the NBS tables lack, under
        # 新疆 where they stand, with synthetic ids (x6601 第一师 … x6614
        # 第十四师). Their other spellings (农一师, 兵团第一师) are in
        # history.tsv.
        for i, numeral in enumerate(XPCC_DIVISIONS, 1):
            out.append(("x66%02d" % i, "prefecture", "第%s师" % numeral, "650000"))
        # A division and its city are one (师市合一): the city hangs under it.
        out = [(code, level, name, "x66%02d" % XPCC_CITIES[code] if code in XPCC_CITIES else parent)
               for (code, level, name, parent) in out]
        out.sort()
        with open(os.path.join(OUT, "divisions.tsv"), "w", encoding="utf-8", newline="\n") as f:
            f.write("# code\tlevel\tname\tparent (china-division %s, NBS 2023)\n" % VERSION)
            for row in out:
                f.write("\t".join(row) + "\n")

        by_county = {}
        for r in rows(os.path.join(dist, "villages.csv")):
            code = r["code"]
            by_county.setdefault(r["areaCode"], []).append(
                (code[6:9], code[9:12], village_name(r["name"])))
        offset = 0
        with open(os.path.join(OUT, "villages.bin"), "wb") as binf, \
                open(os.path.join(OUT, "villages.idx.tsv"), "w", encoding="utf-8", newline="\n") as idx:
            idx.write("# county code\toffset\tlength (zlib streams in villages.bin)\n")
            for county in sorted(by_county):
                text = "".join("%s\t%s\t%s\n" % v for v in sorted(by_county[county]))
                blob = zlib.compress(text.encode("utf-8"), 9)
                binf.write(blob)
                idx.write("%s\t%d\t%d\n" % (county, offset, len(blob)))
                offset += len(blob)
        print(f"{len(out)} divisions, {sum(len(v) for v in by_county.values())} villages "
              f"in {len(by_county)} counties, villages.bin {offset} bytes")


if __name__ == "__main__":
    main()
