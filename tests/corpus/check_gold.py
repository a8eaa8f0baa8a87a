#!/usr/bin/env python3
"""Checks tests/corpus/gold.jsonl against the articles and the reference scorer.

- every gold line names an article that exists, and every article has a line;
- every evidence quote appears verbatim in its article;
- dates (single days and {start, end} intervals) are valid ISO dates, start <= end,
  and not after the publication date;
- types, type alternatives, weapons, qualifiers, `what`, precisions and countries
  come from the allowed sets; coordinates lie in their country's rough bounding box;
- the reference scorer (../../../shared/eval/score.py, or $VIGIE_SCORER), run on
  the gold turned into system events and figures, gives P = R = F1 = 1 and
  figures P = R = 1.

Usage: python3 tests/corpus/check_gold.py   (exit status 1 on any failure)
"""
import datetime as dt
import json
import os
import re
import subprocess
import sys
import tempfile

HERE = os.path.dirname(os.path.abspath(__file__))
ARTICLES = os.path.join(HERE, "articles")
GOLD = os.path.join(HERE, "gold.jsonl")
SCORER = os.environ.get("VIGIE_SCORER") or os.path.normpath(
    os.path.join(HERE, "..", "..", "..", "shared", "eval", "score.py"))

TYPES = {"air_drone_strike", "shelling_artillery_missile_attack", "remote_explosive_landmine_ied",
         "suicide_bomb", "grenade", "armed_clash", "attack", "abduction_forced_disappearance",
         "government_regains_territory", "non_state_actor_overtakes_territory", "sexual_violence",
         "disrupted_weapons_use", "chemical_weapon", "peaceful_protest",
         "protest_with_intervention", "excessive_force_against_protesters",
         "violent_demonstration", "mob_violence", "agreement", "arrests",
         "change_to_group_activity", "headquarters_or_base_established",
         "looting_property_destruction", "non_violent_transfer_of_territory", "other"}
WEAPONS = {"drone", "cruise_missile", "ballistic_missile", "missile", "rocket", "artillery",
           "aircraft", "ied", "small_arms", "chemical", "grenade", "blade", None}
QUALIFIERS = {"exact", "approx", "at_least", "more_than", "up_to"}
WHAT = {"killed", "injured", "missing", "displaced", "detained"}
# Rough bounding boxes (lat_min, lat_max, lon_min, lon_max) of each allowed country,
# seas included where events at sea are filed under the country (YE).
COUNTRY_BOXES = {
    "IQ": (29, 38, 38, 49), "SY": (32, 37.5, 35.5, 42.5), "LB": (33, 34.8, 35, 36.7),
    "IL": (29, 33.5, 34, 36), "PS": (31, 32.6, 34, 35.6), "YE": (10, 21, 37, 54),
    "JO": (29, 33.5, 34.9, 39.4), "IR": (25, 40, 44, 63.5), "TR": (35.8, 42.2, 25.6, 45),
    "ML": (10, 25.1, -12.3, 4.3), "BF": (9.4, 15.1, -5.6, 2.5), "NE": (11.6, 23.6, 0.1, 16),
    "SD": (8.6, 22.3, 21.8, 38.7), "CD": (-13.5, 5.4, 12.2, 31.4), "SO": (-1.7, 12, 40.9, 51.5),
    "NG": (4.2, 13.9, 2.6, 14.7), "UA": (44.3, 52.4, 22.1, 40.3), "RU": (41, 82, 19, 180),
    "MM": (9.5, 28.6, 92.1, 101.2), "HT": (18, 20.1, -74.5, -71.6), "CO": (-4.3, 13.5, -79.1, -66.8),
    "MX": (14.5, 32.8, -118.5, -86.7), "KE": (-4.8, 5.1, 33.9, 42), "PK": (23.6, 37.1, 60.8, 77.9),
    "MZ": (-26.9, -10.4, 30.2, 41),
}
COUNTRIES = set(COUNTRY_BOXES)
SUBTYPE_NAMES = {
    "air_drone_strike": "Air/drone strike",
    "shelling_artillery_missile_attack": "Shelling/artillery/missile attack",
    "remote_explosive_landmine_ied": "Remote explosive/landmine/IED",
    "suicide_bomb": "Suicide bomb", "grenade": "Grenade", "armed_clash": "Armed clash",
    "attack": "Attack", "abduction_forced_disappearance": "Abduction/forced disappearance",
    "disrupted_weapons_use": "Disrupted weapons use", "other": "Other",
    "government_regains_territory": "Government regains territory",
    "non_state_actor_overtakes_territory": "Non-state actor overtakes territory",
    "sexual_violence": "Sexual violence", "chemical_weapon": "Chemical weapon",
    "peaceful_protest": "Peaceful protest", "protest_with_intervention": "Protest with intervention",
    "excessive_force_against_protesters": "Excessive force against protesters",
    "violent_demonstration": "Violent demonstration", "mob_violence": "Mob violence",
    "agreement": "Agreement", "arrests": "Arrests",
    "change_to_group_activity": "Change to group/activity",
    "headquarters_or_base_established": "Headquarters or base established",
    "looting_property_destruction": "Looting/property destruction",
    "non_violent_transfer_of_territory": "Non-violent transfer of territory",
}


def day(s):
    return dt.date.fromisoformat(s)


FR_DAYS = ["lundi", "mardi", "mercredi", "jeudi", "vendredi", "samedi", "dimanche"]
EN_DAYS = ["monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday"]
FR_MONTHS = ["janvier", "février", "mars", "avril", "mai", "juin", "juillet", "août",
             "septembre", "octobre", "novembre", "décembre"]
EN_MONTHS = ["january", "february", "march", "april", "may", "june", "july", "august",
             "september", "october", "november", "december"]
EN_ABBR = {"jan.": 1, "feb.": 2, "aug.": 8, "sept.": 9, "oct.": 10, "nov.": 11, "dec.": 12}
WEEKDAY_DATE = re.compile(
    r"(?i)\b(" + "|".join(FR_DAYS + EN_DAYS) + r")\b,?\s+(?:(\d{1,2})(?:er)?\s+(\w+\.?)|(\w+\.?)\s+(\d{1,2})\b)(?:,?\s+(\d{4}))?")


def check_weekdays(name, text, pub, errors):
    """Every 'weekday + day + month' in the text must name the right weekday
    (year from the text, else the publication year)."""
    for m in WEEKDAY_DATE.finditer(text):
        wd = m.group(1).lower()
        wd_idx = (FR_DAYS + EN_DAYS).index(wd) % 7
        day_s, month_s = (m.group(2), m.group(3)) if m.group(2) else (m.group(5), m.group(4))
        month_s = month_s.lower()
        if month_s in FR_MONTHS:
            month = FR_MONTHS.index(month_s) + 1
        elif month_s.rstrip(".") in EN_MONTHS:
            month = EN_MONTHS.index(month_s.rstrip(".")) + 1
        elif month_s in EN_ABBR:
            month = EN_ABBR[month_s]
        else:
            continue
        year = int(m.group(6)) if m.group(6) else pub.year
        try:
            date = dt.date(year, month, int(day_s))
        except ValueError:
            errors.append(f"{name}: impossible date {m.group(0)!r}")
            continue
        if date.weekday() != wd_idx:
            errors.append(f"{name}: {m.group(0)!r} is a {EN_DAYS[date.weekday()]}")
        if date > pub:
            errors.append(f"{name}: {m.group(0)!r} is after publication")


def check_doc(d, text, errors):
    name = d["doc"]

    def err(msg):
        errors.append(f"{name}: {msg}")

    for k in ("doc", "lang", "published", "events", "figures"):
        if k not in d:
            err(f"missing key {k}")
    if d.get("lang") not in ("fr", "en"):
        err(f"bad lang {d.get('lang')}")
    if not name.endswith(f"_{d.get('lang')}.txt"):
        err("file name does not end with _<lang>.txt")
    try:
        pub = day(d["published"])
    except (KeyError, ValueError):
        err("bad published date")
        return
    check_weekdays(name, text, pub, errors)
    n = len(text)
    if not 800 <= n <= 3000:
        err(f"article has {n} characters (want 800-3000)")
    ids = set()
    for e in d["events"]:
        eid = e.get("id")
        if eid in ids:
            err(f"duplicate event id {eid}")
        ids.add(eid)
        where = f"{eid}"
        for k in ("id", "required", "date", "type", "actor1", "actor2", "location", "weapon",
                  "claimed", "fatalities", "evidence"):
            if k not in e:
                err(f"{where}: missing key {k}")
        if e.get("evidence", "") not in text or not e.get("evidence"):
            err(f"{where}: evidence not found verbatim: {e.get('evidence')!r}")
        date = e.get("date")
        try:
            if isinstance(date, dict):
                a, b = day(date["start"]), day(date["end"])
                if a > b:
                    err(f"{where}: interval start after end")
                if b > pub:
                    err(f"{where}: date after publication")
            elif date is not None:
                if day(date) > pub:
                    err(f"{where}: date after publication")
        except (KeyError, ValueError, TypeError):
            err(f"{where}: bad date {date!r}")
        if e.get("type") not in TYPES:
            err(f"{where}: bad type {e.get('type')}")
        alts = e.get("type_alternatives")
        if e.get("type") == "other" and not alts:
            err(f"{where}: type other without type_alternatives")
        for a in alts or []:
            if a not in TYPES:
                err(f"{where}: bad alternative {a}")
        if e.get("weapon") not in WEAPONS:
            err(f"{where}: bad weapon {e.get('weapon')}")
        if not isinstance(e.get("required"), bool) or not isinstance(e.get("claimed"), bool):
            err(f"{where}: required/claimed must be booleans")
        f = e.get("fatalities")
        if f is not None and (not isinstance(f, int) or f < 0):
            err(f"{where}: bad fatalities {f!r}")
        if not e.get("actor1"):
            err(f"{where}: actor1 missing")
        loc = e.get("location") or {}
        if loc.get("country") not in COUNTRIES:
            err(f"{where}: bad country {loc.get('country')}")
        if loc.get("precision") not in (1, 2, 3):
            err(f"{where}: bad precision {loc.get('precision')}")
        lat, lon = loc.get("lat"), loc.get("lon")
        box = COUNTRY_BOXES.get(loc.get("country"))
        if lat is not None and box and not (box[0] <= lat <= box[1] and box[2] <= lon <= box[3]):
            err(f"{where}: coordinates {lat},{lon} outside {loc.get('country')}")
        if e.get("same_as") and "#" not in e["same_as"]:
            err(f"{where}: same_as must be doc#id")
    for i, fg in enumerate(d["figures"]):
        where = f"figure {i}"
        if fg.get("what") not in WHAT:
            err(f"{where}: bad what {fg.get('what')}")
        if fg.get("qualifier") not in QUALIFIERS:
            err(f"{where}: bad qualifier {fg.get('qualifier')}")
        if not isinstance(fg.get("count"), int) or fg["count"] <= 0:
            err(f"{where}: bad count {fg.get('count')}")
        try:
            if day(fg["as_of"]) > pub:
                err(f"{where}: as_of after publication")
        except (KeyError, ValueError, TypeError):
            err(f"{where}: bad as_of")


def gold_as_system(gold):
    events, figures = [], []
    for d in gold:
        for e in d["events"]:
            date = e["date"]
            if isinstance(date, dict):
                start, end = date["start"], date["end"]
            else:
                start = end = date
            loc = e["location"]
            events.append({
                "doc": d["doc"], "event_date": start, "date_start": start, "date_end": end,
                "sub_event_type": SUBTYPE_NAMES.get(e["type"], e["type"]),
                "actor1": e["actor1"], "actor2": e["actor2"], "weapon": e["weapon"],
                "claimed": e["claimed"], "fatalities": e["fatalities"],
                "location": {"name": loc["name"], "country": loc["country"],
                             "lat": loc["lat"], "lon": loc["lon"]},
            })
        for f in d["figures"]:
            figures.append({"doc": d["doc"], "what": f["what"], "count": f["count"]})
    return events, figures


def main():
    errors = []
    gold = []
    with open(GOLD, encoding="utf-8") as f:
        for i, line in enumerate(f, 1):
            if line.strip():
                try:
                    gold.append(json.loads(line))
                except json.JSONDecodeError as e:
                    errors.append(f"gold.jsonl:{i}: {e}")
    articles = sorted(p for p in os.listdir(ARTICLES) if p.endswith(".txt"))
    names = [d["doc"] for d in gold]
    for a in sorted(set(articles) - set(names)):
        errors.append(f"{a}: article without a gold line")
    for d in gold:
        path = os.path.join(ARTICLES, d["doc"])
        if not os.path.exists(path):
            errors.append(f"{d['doc']}: gold line without an article")
            continue
        with open(path, encoding="utf-8") as f:
            check_doc(d, f.read(), errors)
    by_id = {(d["doc"], e["id"]) for d in gold for e in d["events"]}
    for d in gold:
        for e in d["events"]:
            if e.get("same_as"):
                doc, _, eid = e["same_as"].partition("#")
                if (doc, eid) not in by_id:
                    errors.append(f"{d['doc']}: {e['id']}: same_as points nowhere: {e['same_as']}")

    n_req = sum(e["required"] for d in gold for e in d["events"])
    n_opt = sum(not e["required"] for d in gold for e in d["events"])
    n_fig = sum(len(d["figures"]) for d in gold)
    langs = {lang: sum(d["lang"] == lang for d in gold) for lang in ("fr", "en")}
    print(f"{len(gold)} docs ({langs['fr']} fr, {langs['en']} en), {n_req} required events, "
          f"{n_opt} optional, {n_fig} figures")

    if os.path.exists(SCORER):
        events, figures = gold_as_system(gold)
        with tempfile.TemporaryDirectory() as tmp:
            ep, fp = os.path.join(tmp, "e.jsonl"), os.path.join(tmp, "f.jsonl")
            with open(ep, "w", encoding="utf-8") as f:
                f.writelines(json.dumps(e, ensure_ascii=False) + "\n" for e in events)
            with open(fp, "w", encoding="utf-8") as f:
                f.writelines(json.dumps(x, ensure_ascii=False) + "\n" for x in figures)
            out = subprocess.run([sys.executable, SCORER, GOLD, ep, "--figures", fp, "--json"],
                                 capture_output=True, text=True, check=False)
        if out.returncode != 0:
            errors.append(f"scorer failed: {out.stderr.strip()}")
        else:
            r = json.loads(out.stdout)
            ev, fg = r["events"], r["figures"]
            print(f"scorer on gold-as-events: P {ev['precision']} R {ev['recall']} F1 {ev['f1']} "
                  f"(tp {ev['tp']}, fp {ev['fp']}, fn {ev['fn']}); figures P {fg['precision']} R {fg['recall']}")
            if ev["fp"] != 0 or ev["fn"] != 0 or ev["tp"] != n_req:
                errors.append(f"scorer: events not perfect: {ev}")
            # an optional event matched by its own copy counts neither way, so fp must be 0.
            for k, v in r["fields"].items():
                if v["accuracy"] not in (None, 1.0):
                    errors.append(f"scorer: field {k} accuracy {v['accuracy']}")
            if fg["precision"] not in (None, 1.0) or fg["recall"] not in (None, 1.0):
                errors.append(f"scorer: figures not perfect: {fg}")
    else:
        print(f"note: scorer not found at {SCORER}; skipped the round trip")

    for e in errors:
        print("FAIL", e)
    print("ok" if not errors else f"{len(errors)} problems")
    return 1 if errors else 0


if __name__ == "__main__":
    sys.exit(main())
