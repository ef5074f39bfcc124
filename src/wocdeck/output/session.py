"""One LibreOffice kept running for a watch session, converting through the UNO API.

Starting LibreOffice costs about two seconds; a session starts it once, with its own profile,
listening on a private pipe, and converts each new deck through the UNO API. If it dies or
hangs, the next conversion starts a fresh one. Closing the session leaves no process behind:
LibreOffice runs in its own process group, which is killed if it does not quit when asked.
"""

from __future__ import annotations

import contextlib
import os
import shutil
import signal
import subprocess
import sys
import tempfile
import threading
import time
from pathlib import Path
from typing import Any

from wocdeck.output.export import (
    RESTART_CODE,
    TAGGED_PDF,
    ExportError,
    office_binary,
    soffice,
)
from wocdeck.output.files import write_atomic
from wocdeck.output.pdf_language import deck_language, with_language

CONNECT_TIMEOUT = 60.0
CONVERT_TIMEOUT = 60.0
# Where Debian's python3-uno puts the UNO bridge, outside any virtual environment.
UNO_PATHS = ("/usr/lib/python3/dist-packages", "/usr/lib/libreoffice/program")
UNO_HINT = "install the UNO bridge (Debian/Ubuntu: apt-get install -y python3-uno)"


def import_uno() -> Any:
    """The `uno` module: from this Python, or else from the system's python3-uno."""
    try:
        import uno

        return uno
    except ImportError:
        pass
    saved = list(sys.path)
    sys.path.extend(p for p in UNO_PATHS if os.path.isdir(p))
    try:
        import uno

        return uno
    except ImportError:
        raise ExportError(
            f"LibreOffice's Python bridge (uno) is not available: {UNO_HINT}"
        ) from None
    finally:
        sys.path[:] = saved


class LibreOffice:
    """A LibreOffice process kept for the session; converts .pptx to PDF through UNO."""

    def __init__(self) -> None:
        self.uno = import_uno()
        self.work = Path(tempfile.mkdtemp(prefix="wocdeck-office-"))
        self.pipe = ""
        self.starts = 0
        self.process: subprocess.Popen[bytes] | None = None
        self.desktop: Any = None

    def start(self) -> None:
        """Start LibreOffice and connect to it (within CONNECT_TIMEOUT)."""
        self.stop()
        self.starts += 1  # a new pipe name each time: a killed LibreOffice may leave its own
        self.pipe = f"wocdeck-{os.getpid()}-{id(self):x}-{self.starts}"
        profile = (self.work / "profile").as_uri()
        command = [
            office_binary(soffice()),
            f"-env:UserInstallation={profile}",
            "--headless",
            "--invisible",
            "--nologo",
            "--norestore",
            "--nodefault",
            "--nolockcheck",
            f"--accept=pipe,name={self.pipe};urp;StarOffice.ComponentContext",
        ]
        self.process = self._launch(command)
        local = self.uno.getComponentContext()
        resolver = local.ServiceManager.createInstanceWithContext(
            "com.sun.star.bridge.UnoUrlResolver", local
        )
        url = f"uno:pipe,name={self.pipe};urp;StarOffice.ComponentContext"
        deadline = time.monotonic() + CONNECT_TIMEOUT
        while True:
            try:
                context = resolver.resolve(url)
                break
            except Exception:
                if self.process.poll() == RESTART_CODE:  # a new profile made: start again
                    self.process = self._launch(command)
                elif self.process.poll() is not None:
                    raise ExportError("LibreOffice stopped while starting") from None
                if time.monotonic() > deadline:
                    self.stop()
                    raise ExportError("LibreOffice did not start within a minute") from None
                time.sleep(0.05)
        self.desktop = context.ServiceManager.createInstanceWithContext(
            "com.sun.star.frame.Desktop", context
        )

    def _launch(self, command: list[str]) -> subprocess.Popen[bytes]:
        return subprocess.Popen(
            command,
            stdin=subprocess.DEVNULL,
            stdout=subprocess.DEVNULL,
            stderr=subprocess.DEVNULL,
            start_new_session=True,  # its own process group: killed as one, Ctrl-C not shared
            preexec_fn=_die_with_parent,
        )

    def to_pdf(self, deck: Path, pdf: Path) -> Path:
        """Convert deck to pdf (atomically); if LibreOffice died, hung or fails, a new one with
        a new profile is started and tries once more."""
        for attempt in (1, 2):
            try:
                if self.desktop is None or self.process is None or self.process.poll() is not None:
                    self.start()
                return self._convert(deck, pdf)
            except ExportError:
                self.stop()
                shutil.rmtree(self.work / "profile", ignore_errors=True)  # it may be damaged
                if attempt == 2:
                    raise
        raise AssertionError("unreachable")

    def _convert(self, deck: Path, pdf: Path) -> Path:
        produced = self.work / "out.pdf"
        produced.unlink(missing_ok=True)
        failure: list[BaseException] = []

        def convert() -> None:
            try:
                document = self.desktop.loadComponentFromURL(
                    deck.resolve().as_uri(), "_blank", 0, self._properties(Hidden=True)
                )
                try:
                    tagged = self.uno.Any(
                        "[]com.sun.star.beans.PropertyValue", self._properties(**TAGGED_PDF)
                    )
                    options = self._properties(FilterName="impress_pdf_Export", FilterData=tagged)
                    self.uno.invoke(document, "storeToURL", (produced.as_uri(), options))
                finally:
                    document.close(True)
            except BaseException as error:  # the UNO bridge raises its own exception types
                failure.append(error)

        worker = threading.Thread(target=convert, daemon=True)
        worker.start()
        worker.join(CONVERT_TIMEOUT)
        if worker.is_alive():
            raise ExportError(f"LibreOffice did not convert {deck} within {CONVERT_TIMEOUT:.0f} s")
        if failure or not produced.is_file():
            reason = f": {failure[0]}" if failure else ""
            raise ExportError(f"LibreOffice could not convert {deck} to PDF{reason}")
        write_atomic(pdf, with_language(produced.read_bytes(), deck_language(deck)))
        return pdf

    def _properties(self, **values: Any) -> tuple[Any, ...]:
        properties = []
        for name, value in values.items():
            item = self.uno.createUnoStruct("com.sun.star.beans.PropertyValue")
            item.Name, item.Value = name, value
            properties.append(item)
        return tuple(properties)

    @property
    def pid(self) -> int | None:
        """LibreOffice's process id while it runs."""
        return self.process.pid if self.process and self.process.poll() is None else None

    def stop(self) -> None:
        """Ask LibreOffice to quit, then kill its whole process group if it has not."""
        process, self.process, desktop, self.desktop = self.process, None, self.desktop, None
        if process is None:
            return
        if desktop is not None and process.poll() is None:
            asking = threading.Thread(target=_terminate, args=(desktop,), daemon=True)
            asking.start()
            asking.join(2.0)
        with contextlib.suppress(subprocess.TimeoutExpired):
            process.wait(3.0)
        with contextlib.suppress(ProcessLookupError, PermissionError):
            os.killpg(process.pid, signal.SIGKILL)  # soffice.bin too, not only its launcher
        with contextlib.suppress(subprocess.TimeoutExpired):
            process.wait(5.0)

    def close(self) -> None:
        """Stop LibreOffice and remove the session's profile."""
        self.stop()
        shutil.rmtree(self.work, ignore_errors=True)


def _die_with_parent() -> None:
    """In the child before exec (Linux): get SIGKILL when the watching process dies."""
    with contextlib.suppress(Exception):
        import ctypes

        ctypes.CDLL(None, use_errno=True).prctl(1, signal.SIGKILL)  # PR_SET_PDEATHSIG


def _terminate(desktop: Any) -> None:
    with contextlib.suppress(Exception):
        desktop.terminate()
