"""The C libraries that Python wheels carry into a Linux build, and the licence of each.

A manylinux wheel that links C libraries brings copies of them in a folder beside the
package, <package>.libs/, with a hash in each file name (auditwheel renames libpq.so.5.18
to libpq-e9b5c9ac.so.5.18). These copies are not the build machine's, so the distribution's
copyright files (system_licences.py) do not cover them: this table does. Each library names
its component, the upstream version the recorded wheel carries, its licence and the licence
texts, which live in resources/licenses/ (tareaid/resources/licenses/ in the build; Help ›
Licences shows them) and are listed in THIRD-PARTY-NOTICES.txt.

A library that appears in a wheel's .libs folder and is not in this table has no known
licence, and system_licences.py then fails the build.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

# auditwheel's renaming: <name>-<8 hex digits>.so[.<major>[.<minor>...]]
_HASHED = re.compile(r"^(?P<stem>.+?)-[0-9a-f]{8}\.so(?:\.(?P<major>\d+))?(?:\.\d+)*$")


@dataclass(frozen=True)
class Component:
    """Where a library comes from and under which licence the build carries it."""

    name: str
    version: str  # the upstream version in the recorded wheel; "" when it does not say
    licence: str
    texts: tuple[str, ...]  # file names in tareaid/resources/licenses/
    section: str = ""  # the heading, in the first text, of this library's own licence


@dataclass(frozen=True)
class Wheel:
    """A wheel whose .libs folder carries C libraries, and what each of them is."""

    distribution: str
    libs_folder: str
    version: str  # the wheel version whose libraries were recorded; "" for any version
    libraries: dict[str, Component]  # by "libfoo.so.<major>", or by "libfoo" for any major


def _psycopg_binary() -> Wheel:
    """psycopg-binary 3.3.9 (manylinux2014): libpq and what it links, built by psycopg.

    Versions read from the wheel's own libraries (PQlibVersion 180006, "OpenSSL 3.5.9",
    KRB5_BRAND krb5-1.22.2, LDAP_OPT_API_INFO 20616, sasl_version 2.1.26, keyutils-1.5.8)
    and from its auditwheel SBOM (the CentOS 7 packages cyrus-sasl-lib 2.1.26-24.el7_9,
    keyutils-libs 1.5.8-3.el7 and libcom_err 1.42.9-19.el7).
    """
    postgres = Component(
        "PostgreSQL client library (libpq)", "18.6", "PostgreSQL", ("PostgreSQL-libpq.txt",)
    )
    openssl = Component("OpenSSL", "3.5.9", "Apache-2.0", ("OpenSSL.txt", "Apache-2.0.txt"))
    kerberos = Component("MIT Kerberos", "1.22.2", "MIT (Kerberos)", ("MIT-Kerberos.txt",))
    openldap = Component("OpenLDAP", "2.6.16", "OLDAP-2.8", ("OpenLDAP.txt",))
    sasl = Component("Cyrus SASL", "2.1.26", "BSD-4-Clause (CMU)", ("Cyrus-SASL.txt",))
    xcrypt = Component(
        "libxcrypt",
        "",
        "LGPL-2.1-or-later (parts BSD, public domain)",
        ("libxcrypt.txt", "LGPL-2.1.txt"),
    )
    keyutils = Component(
        "keyutils (libkeyutils)", "1.5.8", "LGPL-2.0-or-later", ("keyutils.txt", "LGPL-2.1.txt")
    )
    com_err = Component("com_err of e2fsprogs", "1.42.9", "MIT (SIPB)", ("com_err-MIT-SIPB.txt",))
    return Wheel(
        distribution="psycopg-binary",
        libs_folder="psycopg_binary.libs",
        version="3.3.9",
        libraries={
            "libpq.so.5": postgres,
            "libssl.so.3": openssl,
            "libcrypto.so.3": openssl,
            "libgssapi_krb5.so.2": kerberos,
            "libkrb5.so.3": kerberos,
            "libk5crypto.so.3": kerberos,
            "libkrb5support.so.0": kerberos,
            # Kerberos' own com_err (libcom_err.so.3) and e2fsprogs' (libcom_err.so.2, which
            # Cyrus SASL links) are two different libraries.
            "libcom_err.so.3": kerberos,
            "libcom_err.so.2": com_err,
            "libldap.so.2": openldap,
            "liblber.so.2": openldap,
            "libsasl2.so.3": sasl,
            "libcrypt.so.1": xcrypt,
            "libkeyutils.so.1": keyutils,
        },
    )


def _pillow() -> Wheel:
    """Pillow's image libraries: its own licence file carries each one's licence."""
    sections = {
        "libXau": "XAU",
        "libXdmcp": "XDMCP",
        "libxcb": "XCB",
        "libavif": "LIBAVIF",
        "libaom": "AOM",
        "libdav1d": "DAV1D",
        "libbrotlicommon": "BROTLI",
        "libbrotlidec": "BROTLI",
        "libbz2": "BZIP2",
        "libfreetype": "FREETYPE2",
        "libharfbuzz": "HARFBUZZ",
        "libjpeg": "LIBJPEG",
        "liblcms2": "LCMS2",
        "liblzma": "LIBLZMA",
        "libopenjp2": "OPENJPEG",
        "libpng16": "LIBPNG",
        "libraqm": "RAQM",
        "libsharpyuv": "LIBWEBP",
        "libtiff": "LIBTIFF",
        "libwebp": "LIBWEBP",
        "libwebpdemux": "LIBWEBP",
        "libwebpmux": "LIBWEBP",
        "libyuv": "LIBYUV",
        "libz": "ZLIB",
        "libzstd": "ZSTD",
    }
    return Wheel(
        distribution="Pillow",
        libs_folder="pillow.libs",
        version="",
        libraries={
            stem: Component(
                f"{stem} (in the Pillow wheel)",
                "",
                "see Pillow's licence file",
                ("Pillow-MIT-CMU.txt",),
                section,
            )
            for stem, section in sections.items()
        },
    )


WHEELS: tuple[Wheel, ...] = (_psycopg_binary(), _pillow())

# Wheels whose libraries are their own package's, not a .libs folder: Qt and PySide6.
QT = Component(
    "Qt and Qt for Python (PySide6, shiboken6)",
    "",
    "LGPL-3.0-only",
    ("LGPL-3.0.txt", "GPL-3.0.txt"),
)
PACKAGE_FOLDERS = {"PySide6": QT, "shiboken6": QT}


def unhashed(name: str) -> tuple[str, str] | None:
    """("libfoo.so.<major>", "libfoo") for an auditwheel-renamed file name, else None."""
    match = _HASHED.match(name)
    if match is None:
        return None
    stem, major = match["stem"], match["major"]
    return (f"{stem}.so.{major}" if major else f"{stem}.so", stem)


def wheel_for_folder(folder_name: str) -> Wheel | None:
    return next((wheel for wheel in WHEELS if wheel.libs_folder == folder_name), None)


def component(wheel: Wheel, file_name: str) -> Component | None:
    """The component of a library file in the wheel's .libs folder, or None if unknown."""
    names = unhashed(file_name) or (file_name, file_name.split(".so", 1)[0])
    for key in names:
        if key in wheel.libraries:
            return wheel.libraries[key]
    return None
