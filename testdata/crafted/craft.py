#!/usr/bin/env python3
"""Writes parity.json: signed events of kinds the corpus has none of (NIP-58, NIP-25 kind 17,
NIP-68, NIP-71, NIP-88, NIP-53), shaped after the examples in those NIPs, plus notes with `imeta`
media and double-escaped line breaks. Deterministic: a fixed test key, zero auxiliary randomness
(BIP-340), so rerunning writes the same bytes. The key is a test key and signs nothing else.

    python3 testdata/crafted/craft.py > testdata/crafted/parity.json
"""
import hashlib
import json

# ---- BIP-340 (after the reference implementation in bitcoin/bips bip-0340/reference.py) ----
P = 0xFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFEFFFFFC2F
N = 0xFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFEBAAEDCE6AF48A03BBFD25E8CD0364141
G = (0x79BE667EF9DCBBAC55A06295CE870B07029BFCDB2DCE28D959F2815B16F81798,
     0x483ADA7726A3C4655DA4FBFC0E1108A8FD17B448A68554199C47D08FFB10D4B8)


def add(p1, p2):
    if p1 is None:
        return p2
    if p2 is None:
        return p1
    if p1[0] == p2[0] and p1[1] != p2[1]:
        return None
    if p1 == p2:
        lam = (3 * p1[0] * p1[0] * pow(2 * p1[1], P - 2, P)) % P
    else:
        lam = ((p2[1] - p1[1]) * pow(p2[0] - p1[0], P - 2, P)) % P
    x3 = (lam * lam - p1[0] - p2[0]) % P
    return (x3, (lam * (p1[0] - x3) - p1[1]) % P)


def mul(p, n):
    r = None
    for i in range(256):
        if (n >> i) & 1:
            r = add(r, p)
        p = add(p, p)
    return r


def tagged(tag, msg):
    t = hashlib.sha256(tag.encode()).digest()
    return hashlib.sha256(t + t + msg).digest()


def b32(x):
    return x.to_bytes(32, "big")


def sign(msg, seckey):
    d0 = int.from_bytes(seckey, "big")
    pt = mul(G, d0)
    d = d0 if pt[1] % 2 == 0 else N - d0
    t = (d ^ int.from_bytes(tagged("BIP0340/aux", bytes(32)), "big")).to_bytes(32, "big")
    k0 = int.from_bytes(tagged("BIP0340/nonce", t + b32(pt[0]) + msg), "big") % N
    r = mul(G, k0)
    k = k0 if r[1] % 2 == 0 else N - k0
    e = int.from_bytes(tagged("BIP0340/challenge", b32(r[0]) + b32(pt[0]) + msg), "big") % N
    return b32(r[0]) + b32((k + e * d) % N)


SECKEY = hashlib.sha256(b"nipworker crafted parity events").digest()
PUBKEY = b32(mul(G, int.from_bytes(SECKEY, "big"))[0]).hex()
OTHER = b32(mul(G, 7)[0]).hex()
THIRD = b32(mul(G, 11)[0]).hex()


def event(kind, content, tags, created_at):
    body = json.dumps([0, PUBKEY, created_at, kind, tags, content],
                      separators=(",", ":"), ensure_ascii=False)
    eid = hashlib.sha256(body.encode()).digest()
    return {"id": eid.hex(), "pubkey": PUBKEY, "created_at": created_at, "kind": kind,
            "tags": tags, "content": content, "sig": sign(eid, SECKEY).hex()}


T = 1733600000
poll = event(1068, "Pineapple on pizza?", [
    ["option", "qj518h583", "Yay"],
    ["option", "gga6cdnqj", "Nay"],
    ["option", "m3agjsdq1", "Only on Fridays"],
    ["relay", "wss://relay.damus.io"],
    ["relay", "wss://nos.lol/"],
    ["polltype", "multiplechoice"],
    ["endsAt", str(T + 86400)],
], T)
events = [
    event(8, "", [
        ["a", f"30009:{PUBKEY}:bravery"],
        ["p", OTHER, "wss://relay.example.com"],
        ["p", THIRD],
    ], T + 1),
    event(8, "", [
        ["a", f"31922:{PUBKEY}:meetup-2024", "wss://calendar.example.com"],
        ["p", OTHER],
    ], T + 2),
    event(17, "+", [
        ["k", "web"],
        ["i", "https://nostr.com/"],
    ], T + 3),
    event(20, "Sunset over the Pacific #travel #photography", [
        ["title", "Nosara at dusk"],
        ["imeta", "url https://nostr.build/i/my-image.jpg", "m image/jpeg",
         "blurhash eVF$^OI:${M{o#*0-nNFxakD-?xVM}WEWB%iNKxvR-oetmo#R-aen$", "dim 3024x4032",
         "alt A scenic photo overlooking the coast of Costa Rica",
         "x 5d2899290e0e69bcd809949ee516a4a1597205390878f780c098707a7f18e3df",
         "fallback https://nostrcheck.me/alt1.jpg", "fallback https://void.cat/alt1.jpg"],
        ["imeta", "url https://nostr.build/i/second.png", "m image/png", "dim 1200x800",
         "alt The beach"],
        ["content-warning", "none really"],
        ["location", "Nosara, Costa Rica"],
        ["g", "d1u0r"],
        ["t", "travel"],
        ["t", "Photography"],
        ["p", OTHER, "wss://relay.example.com"],
        ["m", "image/jpeg"],
        ["x", "5d2899290e0e69bcd809949ee516a4a1597205390878f780c098707a7f18e3df"],
    ], T + 4),
    event(21, "A walk through the old town.", [
        ["title", "Old town walk"],
        ["published_at", str(T)],
        ["alt", "Street scenes filmed at walking pace"],
        ["imeta", "dim 1920x1080", "url https://myvideo.com/1080/12345.mp4",
         "x 3093509d1e0bc604ff60cb9286f4cd7c781553bc8991937befaacfdc28ec5cdc", "m video/mp4",
         "image https://myvideo.com/1080/12345.jpg", "image https://myotherserver.com/1080/12345.jpg",
         "fallback https://myotherserver.com/1080/12345.mp4", "service nip96",
         "duration 596.5", "bitrate 3000000"],
        ["imeta", "dim 1280x720", "url https://myvideo.com/720/12345.mp4",
         "m video/mp4", "image https://myvideo.com/720/12345.jpg", "duration 596.5"],
        ["imeta", "url https://myvideo.com/12345/index.m3u8", "m application/x-mpegURL"],
        ["duration", "596.5"],
        ["text-track", "https://myvideo.com/12345.vtt", "captions", "en"],
        ["content-warning", ""],
        ["segment", "00:00:00.000", "00:01:30.000", "Market", "https://myvideo.com/s1.jpg"],
        ["segment", "00:01:30.000", "00:09:56.500", "Harbour"],
        ["t", "walking"],
        ["p", OTHER, "wss://relay.example.com"],
        ["r", "https://en.wikipedia.org/wiki/Old_town"],
    ], T + 5),
    event(22, "Cat vs cucumber", [
        ["title", "Cat"],
        ["imeta", "dim 1080x1920", "url https://v.nostr.build/cat.mp4", "m video/mp4",
         "image https://v.nostr.build/cat.jpg", "duration 12.04"],
    ], T + 6),
    poll,
    event(1018, "", [
        ["e", poll["id"], "wss://relay.damus.io"],
        ["response", "gga6cdnqj"],
        ["response", "m3agjsdq1"],
    ], T + 7),
    event(1311, "Great stream! nostr:npub1sg6plzptd64u62a878hep2kev88swjh3tw00gjsfl8f237lmu63q0uf63m ⚡", [
        ["a", f"30311:{OTHER}:stream-42", "wss://relay.example.com", "root"],
        ["e", "f0" * 32, "wss://relay.example.com", "reply"],
        ["p", OTHER],
    ], T + 8),
    event(1, "Two pictures https://example.com/a.jpg\\nhttps://example.com/b.png\\n#nostr", [
        ["imeta", "url https://example.com/a.jpg", "m image/jpeg", "dim 800x600",
         "blurhash LKO2?U%2Tw=w]~RBVZRi};RPxuwH", "alt A red door",
         "x 0a0b0c0d0e0f101112131415161718191a1b1c1d1e1f20212223242526272829"],
        ["t", "nostr"],
    ], T + 9),
    event(1111, "Look https://example.com/clip.webm", [
        ["I", "https://example.com/article"],
        ["K", "web"],
        ["i", "https://example.com/article"],
        ["k", "web"],
        ["imeta", "url https://example.com/clip.webm", "m video/webm", "dim 640x360",
         "alt A short clip"],
    ], T + 10),
]
for ev in events:
    print(json.dumps(["EVENT", "crafted", ev], separators=(",", ":"), ensure_ascii=False))
