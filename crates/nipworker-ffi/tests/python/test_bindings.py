"""The generated Python bindings against a real relay (its URL in NIPWORKER_TEST_RELAY).

Run with pytest by tests/bindings.rs (see scripts/test.sh); the tests use only the standard
library (unittest-style cases, which pytest collects). Every wait is bounded.
"""

import asyncio
import gc
import os
import threading
import time
import unittest

import nipworker as nw

RELAY = os.environ["NIPWORKER_TEST_RELAY"]
# A throwaway key (BIP-340 test vector 1's secret); never used outside tests.
SECRET = "b7e151628aed2a6abf7158809cf4f3c762e7160f38b4da56a784d9045190cfef"
WAIT = 20.0


def options(**kw):
    base = dict(
        relays=None,
        cache=None,
        close_on_eose=False,
        preset=None,
        buffer=None,
        eose_timeout_ms=None,
        include_raw=False,
    )
    base.update(kw)
    return nw.SubscribeOptions(**base)


def filt(**kw):
    base = dict(
        ids=None, authors=None, kinds=None, tags={}, since=None, until=None, limit=None, search=None
    )
    base.update(kw)
    return nw.Filter(**base)


async def new_client(relays=None):
    relays = [RELAY] if relays is None else relays
    config = nw.ClientConfig(
        read_relays=relays,
        write_relays=relays,
        indexer_relays=[],
        store=nw.Store.MEMORY(),
        verify=True,
        max_connections=None,
        publish_timeout_ms=5000,
        eose_timeout_ms=5000,
    )
    return await nw.NostrClient.create(config)


async def next_event(sub, event_id):
    """Items until the event with `event_id` arrives (bounded by WAIT)."""
    async def scan():
        for _ in range(10_000):
            item = await sub.next()
            if item is None:
                return None
            if item.is_event() and item.item.event.id == event_id:
                return item.item
        return None

    return await asyncio.wait_for(scan(), WAIT)


async def until_eose(sub):
    async def scan():
        for _ in range(10_000):
            item = await sub.next()
            if item is None or (item.is_end_of_stored_events() and item.pending_relays == 0
                                and item.relay is not None):
                return item
        return None

    return await asyncio.wait_for(scan(), WAIT)


class Bindings(unittest.IsolatedAsyncioTestCase):
    async def test_publish_subscribe_query(self):
        client = await new_client()
        me = await client.set_signer(nw.SignerSpec.private_key(SECRET))
        self.assertEqual(me, nw.public_key_of(SECRET))
        self.assertEqual(await client.public_key(), me)

        live = await client.subscribe(
            [filt(kinds=[1], authors=[me])],
            options(cache=nw.CacheMode.NO_CACHE, include_raw=True),
        )
        await until_eose(live)

        content = "hello #nipworker https://example.com/cat.png"
        result = await client.publish_unsigned(
            nw.UnsignedEvent(kind=1, content=content, tags=[["t", "nipworker"]], created_at=None),
            None,
        )
        self.assertEqual(len(result.event_id), 64)
        self.assertEqual([r.status for r in result.relays], [nw.PublishStatus.ACCEPTED])

        item = await next_event(live, result.event_id)
        self.assertIsNotNone(item, "the published note never arrived")
        self.assertEqual(item.event.content, content)
        self.assertEqual(item.event.pubkey, me)
        self.assertFalse(item.from_cache)
        self.assertTrue(item.raw and len(item.raw) > 100, "raw FlatBuffers bytes missing")
        self.assertTrue(item.parsed.is_note())
        blocks = item.parsed.note.blocks
        self.assertIn(nw.ContentBlock.HASHTAG(text="#nipworker", name="nipworker"), blocks)
        self.assertIn(
            nw.ContentBlock.URL(text="https://example.com/cat.png", media=nw.MediaType.IMAGE),
            blocks,
        )
        await live.close()
        self.assertIsNone(await live.next())

        # A one-shot query: the cache (the client stored its own event) and the relay.
        found = await client.query([filt(ids=[result.event_id])], options())
        self.assertEqual([i.event.id for i in found], [result.event_id])

        # A signed event round-trips through JSON and publishes as is.
        again = nw.event_from_json(nw.event_to_json(item.event))
        self.assertEqual(again, item.event)
        republished = await client.publish(again, [RELAY])
        self.assertEqual(republished.event_id, again.id)
        await client.close()
        with self.assertRaises(nw.NipworkerError.Closed):
            await client.public_key()

    async def test_listener_receives_pushed_items(self):
        client = await new_client()
        me = await client.set_signer(nw.SignerSpec.private_key(SECRET))
        got = []
        arrived = threading.Event()

        class Listener(nw.SubscriptionListener):
            def on_item(self, item):
                got.append(item)
                if item.is_event() and item.item.event.content == "pushed":
                    arrived.set()

            def on_end(self, error):
                got.append(("end", error))

        sub = await client.subscribe_with_listener(
            [filt(kinds=[1], authors=[me])], options(cache=nw.CacheMode.NO_CACHE), Listener()
        )
        await client.publish_unsigned(
            nw.UnsignedEvent(kind=1, content="pushed", tags=[], created_at=None), None
        )
        self.assertTrue(await asyncio.to_thread(arrived.wait, WAIT), f"nothing pushed: {got}")
        await sub.close()
        await client.close()

    async def test_bad_arguments_raise_typed_errors(self):
        with self.assertRaises(nw.NipworkerError.InvalidSigner):
            nw.SignerSpec.private_key("not a key")
        with self.assertRaises(nw.NipworkerError.InvalidSigner):
            nw.SignerSpec.bunker("bunker://nothex?relay=wss://r.example", 1000)
        with self.assertRaises(nw.NipworkerError.InvalidArgument):
            nw.SignerSpec.bunker("bunker://" + "ab" * 32 + "?relay=wss://r.example", 0)
        with self.assertRaises(nw.NipworkerError.InvalidFilter):
            nw.filter_from_json('{"kinds": "one"')
        with self.assertRaises(nw.NipworkerError.InvalidBech32):
            nw.nip19_decode("npub1qqqqqqqq")
        with self.assertRaises(nw.NipworkerError.InvalidHex) as bad_hex:
            nw.nip19_encode(nw.Nip19Entity.NPUB(pubkey="xyz"))
        self.assertEqual(bad_hex.exception.field, "pubkey")
        with self.assertRaises(nw.NipworkerError.InvalidRelayUrl):
            await new_client(relays=["http://not-a-relay"])
        with self.assertRaises(nw.NipworkerError.InvalidEvent):
            nw.event_from_json('{"id": 1}')

        client = await new_client()
        with self.assertRaises(nw.NipworkerError.InvalidHex):
            await client.subscribe([filt(ids=["zz"])], options())
        with self.assertRaises(nw.NipworkerError.InvalidFilter):
            await client.subscribe([filt(tags={"long": ["x"]})], options())
        with self.assertRaises(nw.NipworkerError.InvalidArgument):
            await client.subscribe([filt(kinds=[1])], options(buffer=0))
        with self.assertRaises(nw.NipworkerError.NoSigner):
            await client.publish_unsigned(
                nw.UnsignedEvent(kind=1, content="x", tags=[], created_at=None), None
            )
        with self.assertRaises(nw.NipworkerError.InvalidRelayUrl):
            await client.subscribe([filt(kinds=[1])], options(relays=["ftp://x"]))
        await client.close()

    async def test_nip19_helpers(self):
        pk = nw.public_key_of(SECRET)
        npub = nw.nip19_encode(nw.Nip19Entity.NPUB(pubkey=pk))
        self.assertTrue(npub.startswith("npub1"))
        self.assertEqual(nw.nip19_decode("nostr:" + npub), nw.Nip19Entity.NPUB(pubkey=pk))
        nevent = nw.Nip19Entity.NEVENT(event_id="ab" * 32, relays=[RELAY], author=pk, kind=1)
        self.assertEqual(nw.nip19_decode(nw.nip19_encode(nevent)), nevent)
        f = nw.filter_from_json('{"kinds":[1,7],"#t":["nostr"],"limit":5}')
        self.assertEqual(f.kinds, [1, 7])
        self.assertEqual(f.tags, {"t": ["nostr"]})
        self.assertEqual(nw.filter_from_json(nw.filter_to_json(f)), f)

    async def test_close_with_a_pending_next(self):
        client = await new_client()
        sub = await client.subscribe([filt(kinds=[30999])], options(cache=nw.CacheMode.NO_CACHE))
        await until_eose(sub)
        pending = asyncio.ensure_future(sub.next())
        await asyncio.sleep(0.2)
        self.assertFalse(pending.done())
        await client.close()
        # Closing the client ends its subscriptions: the pending next() returns None.
        self.assertIsNone(await asyncio.wait_for(pending, WAIT))

    async def test_slow_consumer_lags_with_bounded_memory(self):
        client = await new_client()
        me = await client.set_signer(nw.SignerSpec.private_key(SECRET))
        slow = await client.subscribe(
            [filt(kinds=[1], authors=[me])], options(cache=nw.CacheMode.NO_CACHE, buffer=4)
        )
        await until_eose(slow)
        for i in range(30):
            await client.publish_unsigned(
                nw.UnsignedEvent(kind=1, content=f"slow {i}", tags=[], created_at=None), None
            )
        await asyncio.sleep(0.3)
        events = skipped = 0
        for _ in range(100):
            item = await asyncio.wait_for(slow.next(), WAIT)
            if item.is_event():
                events += 1
            elif item.is_lagged():
                skipped += item.skipped
            if events + skipped >= 30:
                break
        # The subscription kept at most its buffer for the slow reader; the rest was counted.
        self.assertGreater(skipped, 0)
        self.assertEqual(events + skipped, 30)
        await client.close()

    async def test_dropping_a_client_ends_pending_reads(self):
        client = await new_client()
        sub = await client.subscribe([filt(kinds=[30998])], options(cache=nw.CacheMode.NO_CACHE))
        await until_eose(sub)
        pending = asyncio.ensure_future(sub.next())
        await asyncio.sleep(0.2)
        self.assertFalse(pending.done())
        del client  # freed without close(): the Rust client's Drop ends its subscriptions
        gc.collect()
        self.assertIsNone(await asyncio.wait_for(pending, WAIT))

    async def test_next_throughput(self):
        """Prints events/s through next() for cached events (never asserts a timing)."""
        n = int(os.environ.get("NIPWORKER_BENCH_EVENTS", "2000"))
        client = await new_client()
        await client.set_signer(nw.SignerSpec.private_key(SECRET))
        for i in range(n):
            await client.publish_unsigned(
                nw.UnsignedEvent(kind=1, content=f"py bench {i}", tags=[], created_at=None), None
            )
        me = await client.public_key()
        start = time.perf_counter()
        sub = await client.subscribe(
            [filt(kinds=[1], authors=[me])],
            options(cache=nw.CacheMode.CACHE_ONLY, close_on_eose=True, buffer=2 * n),
        )
        events = 0
        for _ in range(4 * n):
            item = await asyncio.wait_for(sub.next(), WAIT)
            if item is None:
                break
            if item.is_event():
                events += 1
        secs = time.perf_counter() - start
        self.assertGreaterEqual(events, n)
        print(f"python next(): {events} events in {secs:.3f} s = {events / secs:.0f} events/s")
        await client.close()


if __name__ == "__main__":
    unittest.main(verbosity=2)
