"""The UNO side of the PDF converter: a small program run by a Python that has `uno`.

It is not imported by the library: `converter.py` starts it as
``<uno-python> uno_worker.py PIPE_NAME CONNECT_TIMEOUT`` next to a LibreOffice listening on
the named pipe. It speaks JSON lines: one request per line on stdin, one answer per line on
stdout (nothing else is written there; diagnostics go to stderr).

    -> {"ready": true}                                       once connected
    <- {"id": 1, "input": "/x.docx", "output": "/x.pdf", "pdf_version": 0,
        "title": "...", "subject": "...", "keywords": ["03:047:158:219:1"]}
    -> {"id": 1, "ok": true}  or  {"id": 1, "ok": false, "error": "...", "retry": false}
    <- {"quit": true}                                        ends LibreOffice and the worker

"retry": true means the connection to LibreOffice broke (the converter restarts it).
The worker uses only the standard library and `uno`, and keeps to Python 3.8 syntax, since
LibreOffice's own Python may be older than the library's.
"""

import json
import sys
import time

# LibreOffice's MacroExecutionMode.NEVER_EXECUTE and UpdateDocMode.NO_UPDATE: a document
# runs no macros and fetches no linked content while it is converted.
NEVER_EXECUTE = 0
NO_UPDATE = 0
DOCX_IMPORT = "MS Word 2007 XML"


class LoadFailed(Exception):
    """LibreOffice returned no document."""


def send(message):
    sys.stdout.write(json.dumps(message, ensure_ascii=True) + "\n")
    sys.stdout.flush()


def connect(uno, pipe_name, timeout):
    local = uno.getComponentContext()
    resolver = local.ServiceManager.createInstanceWithContext("com.sun.star.bridge.UnoUrlResolver", local)
    url = "uno:pipe,name=%s;urp;StarOffice.ComponentContext" % pipe_name
    deadline = time.monotonic() + timeout
    while True:
        try:
            return resolver.resolve(url)
        except Exception:  # NoConnectException until soffice listens
            if time.monotonic() > deadline:
                raise
            time.sleep(0.05)


def property_value(name, value):
    from com.sun.star.beans import PropertyValue

    prop = PropertyValue()
    prop.Name = name
    prop.Value = value
    return prop


def convert(uno, desktop, request):
    load = (
        property_value("Hidden", True),
        property_value("ReadOnly", True),
        property_value("MacroExecutionMode", NEVER_EXECUTE),
        property_value("UpdateDocMode", NO_UPDATE),
        # Read the file as DOCX only: anything else fails to load instead of being
        # imported as plain text.
        property_value("FilterName", DOCX_IMPORT),
    )
    document = desktop.loadComponentFromURL(uno.systemPathToFileUrl(request["input"]), "_blank", 0, load)
    if document is None:
        raise LoadFailed("the file is not readable as DOCX")
    try:
        properties = document.getDocumentProperties()
        if request.get("title") is not None:
            properties.Title = request["title"]
        if request.get("subject") is not None:
            properties.Subject = request["subject"]
        if request.get("keywords") is not None:
            # A sequence, so that "03:047:158:219:1" stays one keyword (the DOCX import
            # splits cp:keywords at ":" and ",").
            properties.Keywords = tuple(request["keywords"])
        filter_data = uno.Any(
            "[]com.sun.star.beans.PropertyValue",
            (property_value("SelectPdfVersion", int(request.get("pdf_version", 0))),),
        )
        store = (property_value("FilterName", "writer_pdf_Export"), property_value("FilterData", filter_data))
        uno.invoke(document, "storeToURL", (uno.systemPathToFileUrl(request["output"]), store))
    finally:
        document.close(True)


def broken_connection(error):
    name = type(error).__name__
    text = str(error)
    return name in ("DisposedException", "RuntimeException") or "bridge" in text.lower()


def main(argv):
    pipe_name = argv[1]
    timeout = float(argv[2]) if len(argv) > 2 else 60.0
    import uno

    context = connect(uno, pipe_name, timeout)
    desktop = context.ServiceManager.createInstanceWithContext("com.sun.star.frame.Desktop", context)
    send({"ready": True})
    for line in sys.stdin:
        if not line.strip():
            continue
        request = json.loads(line)
        if request.get("quit"):
            try:
                desktop.terminate()
            except Exception:  # LibreOffice goes away while answering; that is the point
                pass
            return 0
        try:
            convert(uno, desktop, request)
        except Exception as error:
            retry = broken_connection(error)
            text = str(error) if isinstance(error, LoadFailed) else "%s: %s" % (type(error).__name__, error)
            send({"id": request.get("id"), "ok": False, "error": text, "retry": retry})
            if retry:
                return 3
            continue
        send({"id": request.get("id"), "ok": True})
    # The converter's end of the pipe closed without "quit" (its process ended): take
    # LibreOffice down too rather than leave it running.
    try:
        desktop.terminate()
    except Exception:
        pass
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
