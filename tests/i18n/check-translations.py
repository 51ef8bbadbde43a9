#!/usr/bin/python3
# SPDX-License-Identifier: GPL-3.0-or-later
"""The translation is complete: every translatable source is listed in
po/POTFILES.in (sorted), and po/<lang>.po translates every message of a .pot
regenerated from the sources now, with nothing untranslated or fuzzy; the
desktop file and metainfo, where they go through gettext, come out translated.

usage: check-translations.py SRCDIR BUILDDIR [LANG...]
"""
import os
import re
import subprocess
import sys

# The keywords and flags of meson's i18n.gettext(preset: 'glib').
XGETTEXT_GLIB = [
    "--from-code=UTF-8", "--add-comments",
    "--keyword=_", "--keyword=N_", "--keyword=C_:1c,2", "--keyword=NC_:1c,2",
    "--keyword=g_dcgettext:2", "--keyword=g_dngettext:2,3",
    "--keyword=g_dpgettext2:2c,3",
    "--flag=N_:1:pass-c-format", "--flag=C_:2:pass-c-format",
    "--flag=NC_:2:pass-c-format", "--flag=g_dngettext:2:pass-c-format",
    "--flag=g_strdup_printf:1:c-format", "--flag=g_string_printf:2:c-format",
    "--flag=g_string_append_printf:2:c-format",
    "--flag=g_error_new:3:c-format", "--flag=g_set_error:4:c-format",
    "--flag=g_markup_printf_escaped:1:c-format", "--flag=g_log:3:c-format",
    "--flag=g_print:1:c-format", "--flag=g_printerr:1:c-format",
    "--flag=g_printf:1:c-format", "--flag=g_fprintf:2:c-format",
    "--flag=g_sprintf:2:c-format", "--flag=g_snprintf:3:c-format",
]

C_MARK = re.compile(r'(?<![A-Za-z0-9_])(?:_|N_|C_|NC_|ngettext|g_dngettext|g_dpgettext2)\s*\(\s*"')
UI_MARK = re.compile(r'translatable="yes"')

# A G_*_FORMAT macro inside _() cuts the message: xgettext extracts only the
# part before it, so the full string is never found at run time.  (xgettext
# understands <inttypes.h>'s PRId64 and friends; GLib's macros it does not.)
CUT_MESSAGE = re.compile(
    r'(?<![A-Za-z0-9_])(?:_|N_|C_|NC_|ngettext|g_dngettext)\s*\('
    r'(?:\s*GETTEXT_PACKAGE\s*,)?(?:\s*"(?:[^"\\\n]|\\.)*")+\s*(G_G\w*_FORMAT)')

problems = []


def fail(message):
    problems.append(message)


def run(args, **kwargs):
    return subprocess.run(args, check=True, capture_output=True, text=True, **kwargs)


def translatable_sources(srcdir):
    """Every source file that marks a string for translation."""
    found = []
    for top, pattern, suffixes in (("app", C_MARK, (".c",)),
                                   ("ui", UI_MARK, (".ui",)),
                                   ("data", None, (".desktop.in", ".metainfo.xml.in",
                                                   ".gschema.xml"))):
        for folder, _dirs, files in os.walk(os.path.join(srcdir, top)):
            for name in files:
                if not name.endswith(suffixes):
                    continue
                path = os.path.join(folder, name)
                rel = os.path.relpath(path, srcdir)
                if pattern is None:
                    with open(path, encoding="utf-8") as f:
                        text = f.read()
                    # gschemas are translatable only with a gettext-domain
                    if name.endswith(".gschema.xml") and "gettext-domain" not in text:
                        continue
                    found.append(rel)
                    continue
                with open(path, encoding="utf-8") as f:
                    if pattern.search(f.read()):
                        found.append(rel)
    return sorted(found)


def check_potfiles(srcdir):
    path = os.path.join(srcdir, "po", "POTFILES.in")
    with open(path, encoding="utf-8") as f:
        listed = [line.strip() for line in f
                  if line.strip() and not line.lstrip().startswith("#")]
    if listed != sorted(listed):
        fail("po/POTFILES.in: not sorted (first out of order: %s)" %
             next(b for a, b in zip(listed, listed[1:]) if b < a))
    if len(set(listed)) != len(listed):
        fail("po/POTFILES.in: lists a file twice")
    for rel in listed:
        if not os.path.exists(os.path.join(srcdir, rel)):
            fail("po/POTFILES.in: %s does not exist" % rel)
    missing = [rel for rel in translatable_sources(srcdir) if rel not in listed]
    for rel in missing:
        fail("po/POTFILES.in: %s has translatable strings but is not listed" % rel)
    return listed


def check_cut_messages(srcdir, listed):
    for rel in listed:
        if not rel.endswith(".c"):
            continue
        with open(os.path.join(srcdir, rel), encoding="utf-8") as f:
            text = f.read()
        for match in CUT_MESSAGE.finditer(text):
            line = text.count("\n", 0, match.start(1)) + 1
            fail("%s:%d: %s inside a translatable message: xgettext cuts the message there, "
                 "so it is never translated; use PRId64 from <inttypes.h> or format the "
                 "number into a string first" % (rel, line, match.group(1)))


def make_pot(srcdir, builddir, listed):
    workdir = os.path.join(builddir, "tests", "i18n")
    os.makedirs(workdir, exist_ok=True)
    files_from = os.path.join(workdir, "POTFILES")
    with open(files_from, "w", encoding="utf-8") as f:
        f.write("\n".join(listed) + "\n")
    pot = os.path.join(workdir, "tamu.pot")
    run(["xgettext", "--package-name=tamu", "-D", srcdir,
         "--files-from=" + files_from, "-o", pot] + XGETTEXT_GLIB)
    return workdir, pot


def entries(po_path, *attrib_args):
    """msgids that msgattrib selects (untranslated, fuzzy) in @po_path."""
    out = run(["msgattrib", "--no-wrap", "--no-obsolete"] + list(attrib_args) + [po_path]).stdout
    ids = re.findall(r'^msgid "(.*)"$', out, re.M)
    return [i for i in ids if i]


def check_language(srcdir, workdir, pot, lang):
    po = os.path.join(srcdir, "po", lang + ".po")
    if not os.path.exists(po):
        fail("po/%s.po: missing" % lang)
        return
    try:
        run(["msgfmt", "--check", "-o", os.devnull, po])
    except subprocess.CalledProcessError as e:
        fail("po/%s.po: msgfmt --check fails:\n%s" % (lang, e.stderr))
    merged = os.path.join(workdir, lang + ".merged.po")
    run(["msgmerge", "--quiet", "--no-wrap", "-o", merged, po, pot])
    for msgid in entries(merged, "--untranslated"):
        fail('po/%s.po: untranslated: "%s"' % (lang, msgid))
    for msgid in entries(merged, "--only-fuzzy"):
        fail('po/%s.po: fuzzy (or new and close to an old one): "%s"' % (lang, msgid))
    stats = run(["msgfmt", "--statistics", "-o", os.devnull, merged]).stderr.strip()
    print("# %s: %s" % (lang, stats))
    if not re.match(r"^\d+ translated messages?\.$", stats):
        fail("po/%s.po: %s" % (lang, stats))


def check_merged_data(srcdir, builddir, listed, langs):
    """A desktop file or metainfo that goes through gettext comes out translated."""
    for rel in listed:
        if not rel.endswith((".desktop.in", ".metainfo.xml.in")):
            continue
        built = os.path.join(builddir, os.path.dirname(rel),
                             os.path.basename(rel)[:-len(".in")])
        if not os.path.exists(built):
            fail("%s: not built (expected %s)" % (rel, built))
            continue
        with open(built, encoding="utf-8") as f:
            text = f.read()
        for lang in langs:
            mark = ("[%s]=" % lang) if rel.endswith(".desktop.in") else ('xml:lang="%s"' % lang)
            if mark not in text:
                fail("%s: the built file has no %s translation" % (rel, lang))


def check_inline_data(srcdir, langs):
    """A desktop file or metainfo kept without gettext carries its
    translations inline (Comment[id]=…, xml:lang="id")."""
    data = os.path.join(srcdir, "data")
    for name in sorted(os.listdir(data)):
        path = os.path.join(data, name)
        if name.endswith(".desktop"):
            marks = ["Comment[%s]=" % lang for lang in langs]
        elif name.endswith((".metainfo.xml", ".appdata.xml")):
            marks = ['xml:lang="%s"' % lang for lang in langs]
        else:
            continue
        with open(path, encoding="utf-8") as f:
            text = f.read()
        for mark in marks:
            if mark not in text:
                fail("data/%s: no %s translation (%s)" % (name, mark.split("=")[0], mark))


def main():
    srcdir, builddir = sys.argv[1], sys.argv[2]
    langs = sys.argv[3:]
    if not langs:
        with open(os.path.join(srcdir, "po", "LINGUAS"), encoding="utf-8") as f:
            langs = [w for line in f if not line.startswith("#") for w in line.split()]
    listed = check_potfiles(srcdir)
    check_cut_messages(srcdir, listed)
    workdir, pot = make_pot(srcdir, builddir, listed)
    with open(pot, encoding="utf-8") as f:
        count = len(re.findall(r'^msgid "', f.read(), re.M)) - 1
    print("# %d messages in the regenerated template" % count)
    if count < 1:
        fail("the regenerated template has no messages")
    for lang in langs:
        check_language(srcdir, workdir, pot, lang)
    check_merged_data(srcdir, builddir, listed, langs)
    check_inline_data(srcdir, langs)
    for problem in problems:
        print(problem, file=sys.stderr)
    if problems:
        print("%d translation problem(s); run `meson compile -C BUILD tamu-update-po`, "
              "translate the entries above in po/id.po and remove their fuzzy flags" % len(problems),
              file=sys.stderr)
        return 1
    print("translations complete for %s" % ", ".join(langs))
    return 0


if __name__ == "__main__":
    sys.exit(main())
