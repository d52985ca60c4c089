"""A real third-party Nostr client (rust-nostr's `nostr-sdk` Python package, pinned in
requirements.txt beside this file) against the gateway's NIP-01 endpoint.

Usage: python nostr_sdk_client.py GATEWAY_WS_URL UPSTREAM_WS_URL

GATEWAY_WS_URL carries the API token as `?token=...` (the SDK cannot set headers).
UPSTREAM_WS_URL is the relay behind the gateway: a second client publishes straight to it, and
the script checks there that nothing forged got through.

Each check prints `ok <name>: ...`; the last line is `N passed, 0 failed`. A failed check prints
`FAIL <name>: ...` and the script exits 1. Every wait is bounded (STEP seconds, the whole run
TOTAL seconds); all traffic goes to the two URLs given.
"""

import asyncio
import importlib.metadata
import json
import sys
from datetime import timedelta

from nostr_sdk import (
    ClientBuilder,
    ClientMessage,
    ClientNotification,
    Event,
    EventBuilder,
    Filter,
    Keys,
    Kind,
    RelayMessageEnum,
    RelayUrl,
    ReqTarget,
)

STEP = 15.0
TOTAL = 90.0
TEXT_NOTE = Kind(1)


class CheckFailed(Exception):
    pass


def check(condition, name, detail):
    if not condition:
        raise CheckFailed(f"{name}: {detail}")


def tampered_signature(event_json):
    """The same event with one hex digit of its signature changed."""
    raw = json.loads(event_json)
    sig = raw["sig"]
    raw["sig"] = ("1" if sig[0] != "1" else "2") + sig[1:]
    return json.dumps(raw, separators=(",", ":"))


def tampered_content(event_json):
    """The same id and signature over other content."""
    raw = json.loads(event_json)
    raw["content"] = raw["content"] + " (edited)"
    return json.dumps(raw, separators=(",", ":"))


async def connected_client(url):
    client = ClientBuilder().build()
    await client.add_relay(RelayUrl.parse(url))
    await client.connect(timedelta(seconds=STEP))
    relay = await client.relay(RelayUrl.parse(url))
    check(relay is not None, "connect", f"relay {url} not in the pool")
    return client, relay


async def fetch(client, filters):
    events = await client.fetch_events(ReqTarget.auto(filters), timedelta(seconds=STEP))
    return [e for e in events]


async def next_matching(notifications, want, what):
    """The first notification for which `want` returns a value; bounded by STEP."""

    async def scan():
        while True:  # bounded by the wait_for below
            notification = await notifications.next()
            if notification is None:
                raise CheckFailed(f"{what}: notification stream ended")
            found = want(notification)
            if found is not None:
                return found

    return await asyncio.wait_for(scan(), STEP)


def ok_for(event_id):
    """Matches the gateway's OK for `event_id`: (accepted, message)."""

    def want(notification):
        if not isinstance(notification, ClientNotification.MESSAGE):
            return None
        message = notification.message.as_enum()
        if isinstance(message, RelayMessageEnum.OK) and message.event_id == event_id:
            return (message.status, message.message)
        return None

    return want


def eose_for(subscription_id):
    def want(notification):
        if not isinstance(notification, ClientNotification.MESSAGE):
            return None
        message = notification.message.as_enum()
        if (
            isinstance(message, RelayMessageEnum.END_OF_STORED_EVENTS)
            and message.subscription_id == subscription_id
        ):
            return True
        return None

    return want


def event_in(subscription_id, ids):
    """Matches an event with one of `ids` delivered on `subscription_id`: its id."""

    def want(notification):
        if not isinstance(notification, ClientNotification.MESSAGE):
            return None
        message = notification.message.as_enum()
        if (
            isinstance(message, RelayMessageEnum.EVENT_MSG)
            and message.subscription_id == subscription_id
            and message.event.id() in ids
        ):
            return message.event
        return None

    return want


async def run(gateway_url, upstream_url):
    passed = []

    def ok(name, detail):
        passed.append(name)
        print(f"ok {name}: {detail}", flush=True)

    version = importlib.metadata.version("nostr-sdk")
    print(f"nostr-sdk {version} (Python), gateway {gateway_url.split('?')[0]}", flush=True)
    alice = Keys.generate()
    bob = Keys.generate()
    gateway, gateway_relay = await connected_client(gateway_url)
    upstream, _ = await connected_client(upstream_url)
    other, _ = await connected_client(gateway_url)

    # 1. Publish a signed event through the gateway: OK true.
    note = EventBuilder(TEXT_NOTE, "hello through the gateway").finalize(alice)
    sent = await gateway.send_event(note)
    check(sent.failed == {}, "publish", f"refused: {sent.failed}")
    check(len(sent.success) == 1, "publish", f"no OK true: {sent}")
    ok("publish", f"OK true for {note.id().to_hex()}")

    # 2. Query it back with filters (by id, and by author and kind).
    by_id = await fetch(gateway, [Filter().id(note.id())])
    check([e.id() for e in by_id] == [note.id()], "query", f"by id: {by_id}")
    by_author = await fetch(gateway, [Filter().author(alice.public_key()).kind(TEXT_NOTE)])
    check([e.id() for e in by_author] == [note.id()], "query", f"by author: {by_author}")
    check(by_id[0].verify(), "query", "the returned event does not verify")
    check(by_id[0].content() == "hello through the gateway", "query", "content changed")
    ok("query", "the event came back by id and by author+kind, verified")

    # 3. A live subscription receives events published meanwhile by another client through the
    #    gateway and straight to the upstream relay.
    notifications = gateway.notifications()
    sub = await gateway.subscribe(ReqTarget.auto([Filter().author(bob.public_key()).kind(TEXT_NOTE)]))
    check(len(sub.success) == 1, "live", f"REQ not sent: {sub}")
    await next_matching(notifications, eose_for(sub.id), "live: EOSE")
    via_gateway = EventBuilder(TEXT_NOTE, "live, from another gateway client").finalize(bob)
    via_upstream = EventBuilder(TEXT_NOTE, "live, straight to the upstream relay").finalize(bob)
    sent = await other.send_event(via_gateway)
    check(sent.failed == {} and len(sent.success) == 1, "live", f"other client refused: {sent}")
    sent = await upstream.send_event(via_upstream)
    check(sent.failed == {} and len(sent.success) == 1, "live", f"upstream refused: {sent}")
    pending = {via_gateway.id(), via_upstream.id()}
    while pending:  # at most two rounds
        event = await next_matching(notifications, event_in(sub.id, pending), "live: event")
        check(event.verify(), "live", "a live event does not verify")
        pending.discard(event.id())
    await gateway.unsubscribe(sub.id)
    ok("live", "both events arrived on the open subscription after its EOSE")

    # 4. Forged events are refused with OK false "invalid:" and never returned.
    forged = []
    for name, forge in [("signature", tampered_signature), ("content", tampered_content)]:
        genuine = EventBuilder(TEXT_NOTE, f"forged {name}").finalize(alice)
        forged_json = forge(genuine.as_json())
        forged_event = Event.from_json(forged_json)
        check(not forged_event.verify(), "forged", f"the tampered {name} event still verifies")
        # A raw NIP-01 message: the SDK's send_event verifies first and refuses to send it.
        await gateway_relay.send_msg(ClientMessage.from_json(f'["EVENT",{forged_json}]'))
        accepted, message = await next_matching(
            notifications, ok_for(forged_event.id()), f"forged {name}: OK"
        )
        check(accepted is False, "forged", f"tampered {name} accepted: {message!r}")
        check(message.startswith("invalid:"), "forged", f"tampered {name}: {message!r}")
        forged.append((name, forged_event.id(), message))
    for name, forged_id, _ in forged:
        for client, where in [(gateway, "gateway"), (upstream, "upstream relay")]:
            found = await fetch(client, [Filter().id(forged_id)])
            check(found == [], "forged", f"tampered {name} event returned by the {where}")
    found = await fetch(gateway, [Filter().author(alice.public_key())])
    check([e.id() for e in found] == [note.id()], "forged", f"author query: {found}")
    ok(
        "forged",
        "; ".join(f"tampered {name}: OK false {message!r}" for name, _, message in forged)
        + "; neither returned by the gateway nor found upstream",
    )

    for client in (gateway, upstream, other):
        await client.shutdown()
    return passed


def main():
    if len(sys.argv) != 3:
        print(__doc__, file=sys.stderr)
        return 2
    try:
        passed = asyncio.run(asyncio.wait_for(run(sys.argv[1], sys.argv[2]), TOTAL))
    except CheckFailed as failure:
        print(f"FAIL {failure}", flush=True)
        return 1
    except (asyncio.TimeoutError, TimeoutError):
        print("FAIL timeout: a step did not finish in time", flush=True)
        return 1
    print(f"{len(passed)} passed, 0 failed", flush=True)
    return 0


if __name__ == "__main__":
    sys.exit(main())
