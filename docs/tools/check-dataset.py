#!/usr/bin/env python3
"""Check the bundled OrgLedger dataset (orgledger-bulletin/1, see docs/bulletin-format.md).

Python 3.7+, standard library only. The dataset files are read with a tiny parser for the
YAML subset the dataset uses (block mappings and sequences, double-quoted or plain
scalars, null, comments on their own lines). If PyYAML happens to be installed, every
file is also read with yaml.safe_load and the two readings must agree.

Checks:
  1. every file against the format (required/unknown keys, enums, dates, ids, provisions,
     text statuses, function-id derivation, references between files in load order);
  2. ST/SGB/2002/14: the lettered functions per section (2.1(a)-(m) ... 10.2(a)-(d)),
     74 in all, each on the unit its section belongs to;
  3. every Chinese function text of ST/SGB/2002/14 occurs, with its label "(x) " before
     it, exactly once in the seed text once line breaks, page headers, page numbers and
     footnote markers are removed, and ends where the next paragraph begins.

Usage: check-dataset.py [--dataset DIR] [--seed FILE]
Exit status: 0 all checks pass, 1 a check failed, 2 a file could not be read.
"""
import argparse
import datetime
import json
import os
import re
import sys

HERE = os.path.dirname(os.path.abspath(__file__))
DEFAULT_DATASET = os.path.normpath(os.path.join(HERE, "..", "..", "src", "main", "resources", "dataset"))
DEFAULT_SEED = os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "sources", "ST-SGB-2002-14.zh.txt")

FORMAT = "orgledger-bulletin/1"
INSTRUMENT_KINDS = {"BULLETIN", "RESOLUTION", "OTHER"}
UNIT_KINDS = {"ENTITY", "OFFICE", "POST", "DIVISION", "BRANCH", "SECTION", "FUND", "OTHER"}
STATUSES = {"VERBATIM", "SUMMARY", "UNOFFICIAL_TRANSLATION"}
UNIT_ID = re.compile(r"^[a-z0-9]+(-[a-z0-9]+)*(/[a-z0-9]+(-[a-z0-9]+)*)*$")
FUNCTION_ID = re.compile(r"^[a-z0-9]+(-[a-z0-9]+)*$")
PROVISION = re.compile(r"^(\d+(\.\d+)*(\([a-z]+\))?|unspecified)$")
DATE = re.compile(r"^\d{4}-\d{2}-\d{2}$")
LANG = re.compile(r"^[a-z]{2}$")

# ST/SGB/2002/14: section -> (paragraph holding the lettered list, unit id, number of functions)
SGB_2002_14 = {
    2: ("2.1", "un-habitat/secretariat", 13),
    3: ("3.2", "un-habitat/executive-director", 8),
    4: ("4.2", "un-habitat/office-of-the-executive-director", 9),
    5: ("5.2", "un-habitat/deputy-executive-director", 5),
    6: ("6.2", "un-habitat/programme-support-division", 6),
    7: ("7.2", "un-habitat/shelter-and-sustainable-human-settlements-development-division", 12),
    8: ("8.2", "un-habitat/monitoring-and-research-division", 9),
    9: ("9.2", "un-habitat/regional-and-technical-cooperation-division", 8),
    10: ("10.2", "un-habitat/habitat-and-human-settlements-foundation", 4),
}
EXPECTED_TOTAL = 74


# --------------------------------------------------------------------------- tiny YAML

class ParseError(Exception):
    pass


def _scalar(raw, where):
    raw = raw.strip()
    if raw.startswith('"'):
        if not raw.endswith('"') or len(raw) < 2:
            raise ParseError("%s: unterminated double-quoted string" % where)
        try:
            return json.loads(raw)
        except ValueError as e:
            raise ParseError("%s: bad double-quoted string: %s" % (where, e))
    if raw.startswith(("'", "{", "[", "&", "*", "!", "|", ">")):
        raise ParseError("%s: unsupported YAML construct %r" % (where, raw[:20]))
    if raw in ("null", "~"):
        return None
    return raw


def tiny_yaml(text, name):
    lines = []
    for no, line in enumerate(text.split("\n"), 1):
        if not line.strip() or line.lstrip().startswith("#"):
            continue
        if "\t" in line[: len(line) - len(line.lstrip())]:
            raise ParseError("%s:%d: tab in indentation" % (name, no))
        lines.append([len(line) - len(line.lstrip(" ")), line.strip(), no])
    pos = [0]

    def block(indent):
        if pos[0] >= len(lines):
            raise ParseError("%s: unexpected end" % name)
        if lines[pos[0]][1].startswith("- ") or lines[pos[0]][1] == "-":
            return seq(indent)
        return mapping(indent)

    def seq(indent):
        out = []
        while pos[0] < len(lines) and lines[pos[0]][0] == indent and lines[pos[0]][1].startswith("- "):
            ind, content, no = lines[pos[0]]
            rest = content[2:].strip()
            if re.match(r'^[^"\s][^:]*:(\s|$)', rest):
                # "- key: value": the item is a mapping that starts on this line
                lines[pos[0]] = [indent + 2, rest, no]
                out.append(mapping(indent + 2))
            else:
                pos[0] += 1
                out.append(_scalar(rest, "%s:%d" % (name, no)))
        return out

    def mapping(indent):
        out = {}
        while pos[0] < len(lines) and lines[pos[0]][0] == indent:
            ind, content, no = lines[pos[0]]
            m = re.match(r"^([A-Za-z_][A-Za-z0-9_]*):(?:\s+(.*))?$", content)
            if not m:
                raise ParseError("%s:%d: expected 'key: value', got %r" % (name, no, content[:40]))
            key, val = m.group(1), m.group(2)
            if key in out:
                raise ParseError("%s:%d: duplicate key %s" % (name, no, key))
            pos[0] += 1
            if val is None or val == "":
                if pos[0] < len(lines) and (lines[pos[0]][0] > indent or
                                           (lines[pos[0]][0] == indent and lines[pos[0]][1].startswith("- "))):
                    out[key] = block(lines[pos[0]][0])
                else:
                    out[key] = None
            else:
                out[key] = _scalar(val, "%s:%d" % (name, no))
        if pos[0] < len(lines) and lines[pos[0]][0] > indent:
            raise ParseError("%s:%d: bad indentation" % (name, lines[pos[0]][2]))
        return out

    doc = block(0)
    if pos[0] != len(lines):
        raise ParseError("%s:%d: trailing content" % (name, lines[pos[0]][2]))
    return doc


# --------------------------------------------------------------------------- checks

class Report:
    def __init__(self):
        self.errors = []

    def err(self, where, msg):
        self.errors.append("%s: %s" % (where, msg))


def provision_slug(p):
    return re.sub(r"[^a-z0-9]+", "-", p.lower()).strip("-")


def instrument_slug(symbol):
    m = re.match(r"^ST/SGB/(\d+)/(\d+)$", symbol)
    if m:
        return "sgb-%s-%s" % m.groups()
    m = re.match(r"^A/RES/(\d+)/(\d+)$", symbol)
    if m:
        return "res-%s-%s" % m.groups()
    return re.sub(r"[^a-z0-9]+", "-", symbol.lower()).strip("-")


def check_keys(rep, where, obj, required, optional):
    if not isinstance(obj, dict):
        rep.err(where, "expected a mapping")
        return False
    for k in required:
        if k not in obj or obj[k] is None:
            rep.err(where, "missing required key '%s'" % k)
    for k in obj:
        if k not in required and k not in optional:
            rep.err(where, "unknown key '%s'" % k)
    return True


def check_date(rep, where, v):
    if not isinstance(v, str) or not DATE.match(v):
        rep.err(where, "not a YYYY-MM-DD string: %r" % (v,))
        return None
    try:
        return datetime.date.fromisoformat(v)
    except ValueError:
        rep.err(where, "not a calendar date: %r" % v)
        return None


def check_provision(rep, where, v):
    if not isinstance(v, str) or not PROVISION.match(v):
        rep.err(where, "bad provision %r" % (v,))


def check_notes(rep, where, v):
    if v is None:
        return
    if not isinstance(v, list) or not all(isinstance(x, str) and x.strip() for x in v):
        rep.err(where, "notes must be a list of non-empty strings")


# A document a reader can look up: an address, or a UN document symbol.
CHECKABLE = re.compile(r"https?://|\b(?:ST/SGB|A/RES|HSP/GC)/[0-9A-Z]|General Assembly resolution \d+/\d+")


def check_ltext(rep, where, v):
    """Returns {lang: (text, status)}."""
    out = {}
    if not isinstance(v, dict) or not v:
        rep.err(where, "expected a non-empty map language -> text")
        return out
    for lang, entry in v.items():
        w = "%s.%s" % (where, lang)
        if not LANG.match(lang):
            rep.err(w, "bad language code")
        if isinstance(entry, str):
            if not entry.strip() or entry != entry.strip():
                rep.err(w, "empty text or leading/trailing whitespace")
            out[lang] = (entry, "VERBATIM")
        elif isinstance(entry, dict):
            check_keys(rep, w, entry, ["text", "status"], ["source"])
            t, s = entry.get("text"), entry.get("status")
            if not isinstance(t, str) or not t.strip() or t != t.strip():
                rep.err(w, "empty text or leading/trailing whitespace")
            if s not in STATUSES:
                rep.err(w, "bad status %r" % (s,))
            src = entry.get("source")
            if s == "VERBATIM" and src is not None and not CHECKABLE.search(str(src)):
                rep.err(w, "VERBATIM with a source that names no document a reader can check "
                           "(an address or a UN document symbol): %r" % (src,))
            if s in ("SUMMARY", "UNOFFICIAL_TRANSLATION") and not (isinstance(src, str) and src.strip()):
                rep.err(w, "%s without a source saying whose it is" % s)
            out[lang] = (t, s)
        else:
            rep.err(w, "entry must be a string or {text, status, source}")
    return out


def check_function(rep, where, f, symbol, eff_default, top_level):
    req = ["id", "provision", "text"] + (["unitId"] if top_level else [])
    check_keys(rep, where, f, req, ["translation", "effectiveFrom", "notes"])
    fid, prov = f.get("id"), f.get("provision")
    check_provision(rep, where + ".provision", prov)
    if not isinstance(fid, str) or not FUNCTION_ID.match(fid):
        rep.err(where + ".id", "bad function id %r" % (fid,))
    elif isinstance(prov, str) and fid != instrument_slug(symbol) + "-" + provision_slug(prov):
        rep.err(where + ".id", "%s is not derived from %s %s (expected %s)"
                % (fid, symbol, prov, instrument_slug(symbol) + "-" + provision_slug(prov)))
    texts = check_ltext(rep, where + ".text", f.get("text"))
    tr = f.get("translation")
    if tr is not None:
        if not isinstance(tr, dict) or not all(isinstance(x, str) for x in tr.values()):
            rep.err(where + ".translation", "must map language -> string")
        else:
            for lang in tr:
                if lang in texts:
                    rep.err(where + ".translation", "language %s also in text" % lang)
    if "effectiveFrom" in f:
        d = check_date(rep, where + ".effectiveFrom", f["effectiveFrom"])
        if d and eff_default and d < eff_default:
            rep.err(where + ".effectiveFrom", "earlier than the default %s" % eff_default)
    check_notes(rep, where + ".notes", f.get("notes"))
    return texts


# sections 8.2-8.7: changes to existing units -> (required keys besides unitId and provision, optional keys)
CHANGE_SECTIONS = {
    "moves": ([], ["parentId"]),  # required, but may be null (to the top): checked below
    "heads": (["title"], ["level"]),
    "vacancies": ([], []),
    "withdrawals": (["functionId"], []),
    "reaffirmations": ([], ["functionId"]),
    "abolitions": ([], ["closure", "successorIds"]),
}
CLOSURES = ("ABOLISHED", "MERGED_INTO", "SPLIT_INTO", "REPLACED_BY")


def check_file(rep, fname, doc, ledger):
    """ledger: {'instruments': {symbol: eff}, 'units': {id: (eff, symbol)}} of earlier files."""
    w = fname
    check_keys(rep, w, doc, ["format", "instrument"], ["supersedes", "units", "functions", "renamings"]
               + list(CHANGE_SECTIONS))
    if doc.get("format") != FORMAT:
        rep.err(w, "format must be %s" % FORMAT)
    ins = doc.get("instrument") or {}
    check_keys(rep, w + ".instrument", ins, ["symbol", "kind", "title", "issuedOn", "effectiveFrom"],
               ["source", "notes"])
    symbol = ins.get("symbol", "?")
    if ins.get("kind") not in INSTRUMENT_KINDS:
        rep.err(w + ".instrument.kind", "bad kind %r" % (ins.get("kind"),))
    check_ltext(rep, w + ".instrument.title", ins.get("title"))
    check_date(rep, w + ".instrument.issuedOn", ins.get("issuedOn"))
    eff = check_date(rep, w + ".instrument.effectiveFrom", ins.get("effectiveFrom"))
    check_notes(rep, w + ".instrument.notes", ins.get("notes"))
    if symbol in ledger["instruments"]:
        rep.err(w, "instrument %s already loaded" % symbol)

    for i, s in enumerate(doc.get("supersedes") or []):
        ws = "%s.supersedes[%d]" % (w, i)
        check_keys(rep, ws, s, ["symbol", "provision"], ["effectiveFrom", "notes"])
        check_provision(rep, ws + ".provision", s.get("provision"))
        if s.get("symbol") not in ledger["instruments"]:
            rep.err(ws, "superseded instrument %r not loaded before" % (s.get("symbol"),))
        if "effectiveFrom" in s:
            d = check_date(rep, ws + ".effectiveFrom", s["effectiveFrom"])
            if d and eff and d < eff:
                rep.err(ws + ".effectiveFrom", "earlier than the instrument's")
        check_notes(rep, ws + ".notes", s.get("notes"))

    functions = []  # (unitId, function, texts)
    here = {}
    for i, u in enumerate(doc.get("units") or []):
        wu = "%s.units[%d]" % (w, i)
        check_keys(rep, wu, u, ["id", "kind", "name", "provision"],
                   ["parentId", "effectiveFrom", "alternateNames", "head", "functions", "notes"])
        uid = u.get("id")
        if not isinstance(uid, str) or not UNIT_ID.match(uid):
            rep.err(wu + ".id", "bad unit id %r" % (uid,))
        if uid in here or uid in ledger["units"]:
            rep.err(wu + ".id", "unit %s already established" % uid)
        if u.get("kind") not in UNIT_KINDS:
            rep.err(wu + ".kind", "bad kind %r" % (u.get("kind"),))
        check_ltext(rep, wu + ".name", u.get("name"))
        check_provision(rep, wu + ".provision", u.get("provision"))
        ueff = eff
        if "effectiveFrom" in u:
            ueff = check_date(rep, wu + ".effectiveFrom", u["effectiveFrom"])
            if ueff and eff and ueff < eff:
                rep.err(wu + ".effectiveFrom", "earlier than the instrument's")
        pid = u.get("parentId")
        if pid is not None:
            if pid in here:
                pass
            elif pid in ledger["units"]:
                if ueff and ledger["units"][pid][0] > ueff:
                    rep.err(wu + ".parentId", "parent %s not yet in force on %s" % (pid, ueff))
            else:
                rep.err(wu + ".parentId", "parent %r is neither earlier in this file nor loaded" % pid)
        for j, a in enumerate(u.get("alternateNames") or []):
            wa = "%s.alternateNames[%d]" % (wu, j)
            check_keys(rep, wa, a, ["name", "provision"], ["notes"])
            check_ltext(rep, wa + ".name", a.get("name"))
            check_provision(rep, wa + ".provision", a.get("provision"))
            check_notes(rep, wa + ".notes", a.get("notes"))
        if "head" in u:
            h = u["head"]
            check_keys(rep, wu + ".head", h, ["title", "provision"], ["level"])
            check_ltext(rep, wu + ".head.title", (h or {}).get("title"))
            check_provision(rep, wu + ".head.provision", (h or {}).get("provision"))
            if "level" in (h or {}) and (not isinstance(h["level"], str) or not h["level"].strip()):
                rep.err(wu + ".head.level", "level must be a non-empty string or absent")
        check_notes(rep, wu + ".notes", u.get("notes"))
        fids = set()
        for j, f in enumerate(u.get("functions") or []):
            wf = "%s.functions[%d]" % (wu, j)
            texts = check_function(rep, wf, f, symbol, ueff, False)
            if f.get("id") in fids:
                rep.err(wf + ".id", "duplicate function id in unit")
            fids.add(f.get("id"))
            functions.append((uid, f, texts))
        here[uid] = ueff

    for i, f in enumerate(doc.get("functions") or []):
        wf = "%s.functions[%d]" % (w, i)
        texts = check_function(rep, wf, f, symbol, eff, True)
        uid = f.get("unitId")
        if uid in here:
            rep.err(wf + ".unitId", "unit established in this file: use units[].functions")
        elif uid not in ledger["units"]:
            rep.err(wf + ".unitId", "unknown unit %r" % (uid,))
        functions.append((uid, f, texts))

    for i, r in enumerate(doc.get("renamings") or []):
        wr = "%s.renamings[%d]" % (w, i)
        check_keys(rep, wr, r, ["unitId", "name", "provision"], ["effectiveFrom", "notes"])
        if r.get("unitId") not in ledger["units"]:
            rep.err(wr + ".unitId", "unknown unit %r" % (r.get("unitId"),))
        check_ltext(rep, wr + ".name", r.get("name"))
        check_provision(rep, wr + ".provision", r.get("provision"))
        if "effectiveFrom" in r:
            d = check_date(rep, wr + ".effectiveFrom", r["effectiveFrom"])
            if d and eff and d < eff:
                rep.err(wr + ".effectiveFrom", "earlier than the instrument's")
        check_notes(rep, wr + ".notes", r.get("notes"))

    for section, (required, optional) in CHANGE_SECTIONS.items():
        for i, c in enumerate(doc.get(section) or []):
            wc = "%s.%s[%d]" % (w, section, i)
            check_keys(rep, wc, c, ["unitId", "provision"] + required, ["effectiveFrom", "notes"] + optional)
            uid = (c or {}).get("unitId")
            if uid not in ledger["units"] and uid not in here:
                rep.err(wc + ".unitId", "unknown unit %r" % (uid,))
            check_provision(rep, wc + ".provision", (c or {}).get("provision"))
            if "effectiveFrom" in (c or {}):
                d = check_date(rep, wc + ".effectiveFrom", c["effectiveFrom"])
                if d and eff and d < eff:
                    rep.err(wc + ".effectiveFrom", "earlier than the instrument's")
            if section == "moves" and "parentId" not in (c or {}):
                rep.err(wc + ".parentId", "missing required key 'parentId' (null: to the top)")
            if section == "heads":
                check_ltext(rep, wc + ".title", (c or {}).get("title"))
            if section == "abolitions" and (c or {}).get("closure", "ABOLISHED") not in CLOSURES:
                rep.err(wc + ".closure", "bad closure %r" % (c.get("closure"),))
            check_notes(rep, wc + ".notes", (c or {}).get("notes"))

    seen = {}
    for uid, f, _ in functions:
        key = (uid, f.get("id"))
        if key in seen:
            rep.err(w, "function %s duplicated on %s" % key)
        seen[key] = True

    ledger["instruments"][symbol] = eff
    for uid, ueff in here.items():
        ledger["units"][uid] = (ueff, symbol)
    return symbol, functions


def normalize_seed(text):
    """Join the PDF-extracted lines: strip each line, drop empty lines, page headers
    ("ST/SGB/2002/14") and lines holding only a number (page numbers, footnote markers)."""
    keep = []
    for line in text.split("\n"):
        s = line.strip()
        if not s or s == "ST/SGB/2002/14" or re.fullmatch(r"\d+", s):
            continue
        keep.append(s)
    return "".join(keep)


BOUNDARY = re.compile(r"^(\([a-z]\) |第 ?\d+ ?节|_{5,}|\d+\.\d+ |$)")


def check_sgb_2002_14(rep, functions, seed_path):
    counts = {s: 0 for s in SGB_2002_14}
    letters = {s: [] for s in SGB_2002_14}
    for uid, f, texts in functions:
        prov = f.get("provision", "")
        m = re.match(r"^(\d+)\.(\d+)\(([a-z])\)$", prov)
        if not m:
            rep.err("ST/SGB/2002/14 " + str(f.get("id")), "provision %r is not a lettered paragraph" % prov)
            continue
        sec = int(m.group(1))
        if sec not in SGB_2002_14:
            rep.err("ST/SGB/2002/14 " + prov, "section %d has no lettered functions" % sec)
            continue
        para, unit, _ = SGB_2002_14[sec]
        if "%s.%s" % m.group(1, 2) != para:
            rep.err("ST/SGB/2002/14 " + prov, "expected paragraph %s" % para)
        if uid != unit:
            rep.err("ST/SGB/2002/14 " + prov, "on unit %s, expected %s" % (uid, unit))
        counts[sec] += 1
        letters[sec].append(m.group(3))
        if "zh" not in texts:
            rep.err("ST/SGB/2002/14 " + prov, "no Chinese text")
        elif texts["zh"][1] != "VERBATIM":
            rep.err("ST/SGB/2002/14 " + prov, "Chinese text is not VERBATIM")
        if "en" not in texts:
            rep.err("ST/SGB/2002/14 " + prov, "no English text (an unofficial translation of the Chinese)")
        elif texts["en"][1] != "UNOFFICIAL_TRANSLATION":
            rep.err("ST/SGB/2002/14 " + prov, "English text is %s, expected UNOFFICIAL_TRANSLATION" % texts["en"][1])
    for sec, (para, unit, n) in SGB_2002_14.items():
        want = [chr(ord("a") + i) for i in range(n)]
        if letters[sec] != want:
            rep.err("ST/SGB/2002/14 sec. %d" % sec, "letters %s, expected %s" % ("".join(letters[sec]), "".join(want)))
    total = sum(counts.values())
    if total != EXPECTED_TOTAL:
        rep.err("ST/SGB/2002/14", "%d lettered functions, expected %d" % (total, EXPECTED_TOTAL))

    seed_result = None
    if seed_path:
        with open(seed_path, encoding="utf-8") as fh:
            seed = normalize_seed(fh.read())
        squeezed = re.sub(r"\s+", "", seed)
        ok = 0
        for uid, f, texts in functions:
            if "zh" not in texts:
                continue
            prov, t = f.get("provision", ""), texts["zh"][0]
            label = "(%s) " % prov[-2]
            where = "ST/SGB/2002/14 %s" % prov
            n = seed.count(label + t)
            if n != 1:
                hint = " (found ignoring whitespace)" if re.sub(r"\s+", "", t) in squeezed else ""
                rep.err(where, "text with label %r occurs %d times in the normalized seed%s" % (label, n, hint))
                continue
            after = seed[seed.index(label + t) + len(label + t):]
            if not BOUNDARY.match(after):
                rep.err(where, "text stops before the paragraph ends; seed continues with %r" % after[:15])
                continue
            if re.search(r"_{5,}|ST/SGB/2002/14", t):
                rep.err(where, "text holds a page header or footnote separator")
                continue
            ok += 1
        seed_result = ok
    return counts, total, seed_result


def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--dataset", default=DEFAULT_DATASET)
    ap.add_argument("--seed", default=DEFAULT_SEED, help="Chinese seed text of ST/SGB/2002/14 ('' to skip)")
    args = ap.parse_args()

    try:
        import yaml  # optional cross-check
    except ImportError:
        yaml = None

    docs = []
    for fn in sorted(os.listdir(args.dataset)):
        if not fn.endswith((".yaml", ".yml")):
            continue
        path = os.path.join(args.dataset, fn)
        with open(path, encoding="utf-8") as fh:
            raw = fh.read()
        try:
            doc = tiny_yaml(raw, fn)
        except ParseError as e:
            print("ERROR reading %s: %s" % (fn, e))
            return 2
        if yaml is not None:
            other = yaml.safe_load(raw)
            if other != doc:
                print("ERROR %s: PyYAML and the tiny parser read the file differently" % fn)
                return 2
        docs.append((fn, doc))
    if not docs:
        print("ERROR: no dataset files in %s" % args.dataset)
        return 2

    def order(item):
        ins = item[1].get("instrument") or {}
        return (str(ins.get("effectiveFrom")), str(ins.get("symbol")))

    rep = Report()
    ledger = {"instruments": {}, "units": {}}
    sgb = None
    print("dataset: %s (YAML read with the tiny parser%s)" % (
        args.dataset, ", cross-checked with PyYAML" if yaml else "; PyYAML not installed"))
    for fn, doc in sorted(docs, key=order):
        symbol, functions = check_file(rep, fn, doc, ledger)
        print("  %-22s %-16s units %2d  functions %2d  renamings %d  supersedes %d" % (
            fn, symbol, len(doc.get("units") or []), len(functions),
            len(doc.get("renamings") or []), len(doc.get("supersedes") or [])))
        if symbol == "ST/SGB/2002/14":
            sgb = functions
    if sgb is None:
        rep.err("dataset", "ST/SGB/2002/14 missing")
    else:
        seed = args.seed if args.seed else None
        if seed and not os.path.exists(seed):
            print("ERROR: seed text %s not found (use --seed '' to skip the text check)" % seed)
            return 2
        counts, total, seed_ok = check_sgb_2002_14(rep, sgb, seed)
        print("ST/SGB/2002/14 lettered functions per section:")
        for sec, (para, _, n) in SGB_2002_14.items():
            print("  %-5s %2d (expected %2d)%s" % (para, counts[sec], n, "" if counts[sec] == n else "  <-- MISMATCH"))
        print("  total %d (expected %d)" % (total, EXPECTED_TOTAL))
        if seed_ok is None:
            print("seed text check: SKIPPED")
        else:
            print("seed text check: %d of %d Chinese texts found verbatim in %s" % (seed_ok, total, seed))
    if rep.errors:
        print("FAILED: %d problem(s)" % len(rep.errors))
        for e in rep.errors:
            print("  - " + e)
        return 1
    print("OK")
    return 0


if __name__ == "__main__":
    sys.exit(main())
