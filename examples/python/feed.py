"""A live feed of text notes from one relay, through the generated Python bindings.

    scripts/gen-bindings.sh /tmp/nw-bindings
    PYTHONPATH=/tmp/nw-bindings/python python3 examples/python/feed.py wss://relay.example.com [N]

Prints the stored notes, then live ones, and stops after N notes (default 20) or Ctrl-C.
"""

import asyncio
import sys

import nipworker as nw


async def main(relay: str, count: int) -> None:
    client = await nw.NostrClient.create(
        nw.ClientConfig(
            read_relays=[relay],
            write_relays=[],
            indexer_relays=[],
            store=nw.Store.MEMORY(),
            verify=True,
            max_connections=None,
            publish_timeout_ms=None,
            eose_timeout_ms=None,
        )
    )
    feed = await client.subscribe(
        [nw.Filter(ids=None, authors=None, kinds=[1], tags={}, since=None, until=None,
                   limit=count, search=None)],
        nw.SubscribeOptions(relays=None, cache=None, close_on_eose=False, preset=None,
                            buffer=None, eose_timeout_ms=None, include_raw=False),
    )
    shown = 0
    try:
        while shown < count:
            item = await feed.next()
            if item is None:
                break
            if item.is_event():
                note = item.item.event
                author = nw.nip19_encode(nw.Nip19Entity.NPUB(pubkey=note.pubkey))
                print(f"{author[:16]}…: {note.content[:120]!r}")
                shown += 1
            elif item.is_end_of_stored_events() and item.pending_relays == 0:
                print("-- end of stored notes; live from here --")
    finally:
        await feed.close()
        await client.close()


if __name__ == "__main__":
    if len(sys.argv) < 2:
        sys.exit(__doc__)
    try:
        asyncio.run(main(sys.argv[1], int(sys.argv[2]) if len(sys.argv) > 2 else 20))
    except nw.NipworkerError as e:
        sys.exit(f"nipworker: {e}")
    except KeyboardInterrupt:
        pass
