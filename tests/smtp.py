"""A real SMTP server for the mail tests (aiosmtpd), on a free port, and what it received.

aiosmtpd imports ``public`` from the atpublic package, a top-level module of the same name as
this project's public app, which wins on the path. aiosmtpd is imported once with atpublic's
module standing in for that name; the app is put back right after."""

import email
import email.policy
import importlib
import importlib.metadata
import importlib.util
import socket
import sys


def _import_aiosmtpd_controller():
    init = importlib.metadata.distribution("atpublic").locate_file("public/__init__.py")
    spec = importlib.util.spec_from_file_location(
        "public", init, submodule_search_locations=[str(init.parent)]
    )
    atpublic = importlib.util.module_from_spec(spec)
    app = sys.modules.get("public")
    before = set(sys.modules)
    sys.modules["public"] = atpublic
    try:
        spec.loader.exec_module(atpublic)
        return importlib.import_module("aiosmtpd.controller").Controller
    finally:
        for name in set(sys.modules) - before:
            if name.startswith("public."):
                del sys.modules[name]
        if app is None:
            del sys.modules["public"]
        else:
            sys.modules["public"] = app


Controller = _import_aiosmtpd_controller()


class Inbox:
    """What arrived: the raw envelopes, and the messages parsed. ``refuse`` gives the next
    messages a temporary failure (451), as a busy server would."""

    def __init__(self):
        self.envelopes = []
        self.messages = []
        self.refuse = 0

    async def handle_DATA(self, server, session, envelope):
        if self.refuse:
            self.refuse -= 1
            return "451 Try again later"
        self.envelopes.append(envelope)
        self.messages.append(
            email.message_from_bytes(envelope.content, policy=email.policy.default)
        )
        return "250 Message accepted for delivery"

    def to(self, address):
        return [m for m in self.messages if m["To"] == address]


def free_port():
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]
